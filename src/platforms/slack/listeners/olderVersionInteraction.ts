import type { App, SlackShortcut, webApi } from "@slack/bolt";
import { FIND_IN_DOCUMENT, QUESTION_COMMAND } from "../../../commands/index.js";
import { isKnownActionId, isKnownCallbackId } from "../actionIds.js";
import { callSlackApi } from "../callSlackApi.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

export const OLDER_BUTTON_TEXT = "That button is from an older version of Ground Truth. Run the command again to get one that works.";
export const OLDER_SHORTCUT_TEXT = `That shortcut is from an older version of Ground Truth. Use “${FIND_IN_DOCUMENT}” on a message, or a slash command such as /${QUESTION_COMMAND}.`;

/**
 * Buttons and shortcuts this version does not have: on an old message, from an app manifest not yet updated,
 * or another app's ids sent here. Without a listener Bolt answers nothing until its 3-second timeout, then 404,
 * and Slack shows the user an error. So they are acknowledged at once and the user is told, privately, what
 * to do instead. Listeners for known ids do their own acknowledging; these return without touching them.
 */
export function registerOlderVersionInteractions(app: App, deps: SlackListenerDeps): void {
  app.action(/.*/, async ({ ack, body, action }) => {
    if (isKnownActionId(actionIdOf(action))) return;
    await ack();
    deps.logger.info({ type: body.type }, "Slack action from an older version answered");
    const responseUrl = "response_url" in body && typeof body.response_url === "string" ? body.response_url : undefined;
    if (responseUrl) await tell(deps, responseUrl, OLDER_BUTTON_TEXT);
  });

  app.shortcut(/.*/, async ({ ack, shortcut, client }) => {
    if (isKnownCallbackId(shortcut.callback_id)) return;
    await ack();
    deps.logger.info({ type: shortcut.type }, "Slack shortcut from an older version answered");
    await tellShortcutUser(deps, shortcut, client);
  });

  // The bot opens no modals and offers no menus: a submission or options request can only be stale.
  app.view(/.*/, async ({ ack }) => ack());
  app.options(/.*/, async ({ ack }) => ack({ options: [] }));
}

/** A block action's `action_id`; older interactive messages and dialogs name themselves by `callback_id`. */
function actionIdOf(action: object): string {
  const ids = action as { action_id?: unknown; callback_id?: unknown };
  return typeof ids.action_id === "string" ? ids.action_id : typeof ids.callback_id === "string" ? ids.callback_id : "";
}

/** A message shortcut answers through its response_url; a global one has none, so a small modal says it. */
async function tellShortcutUser(deps: SlackListenerDeps, shortcut: SlackShortcut, client: webApi.WebClient): Promise<void> {
  if ("response_url" in shortcut && shortcut.response_url) {
    await tell(deps, shortcut.response_url, OLDER_SHORTCUT_TEXT);
    return;
  }
  await callSlackApi(
    "views.open",
    () =>
      client.views.open({
        trigger_id: shortcut.trigger_id,
        view: {
          type: "modal",
          title: { type: "plain_text", text: "Ground Truth" },
          blocks: [{ type: "section", text: { type: "plain_text", text: OLDER_SHORTCUT_TEXT } }],
        },
      }),
    deps.logger,
  );
}

function tell(deps: SlackListenerDeps, responseUrl: string, text: string): Promise<boolean> {
  return postToResponseUrl(responseUrl, { text, response_type: "ephemeral", replace_original: false }, deps.logger, deps.responseUrl);
}
