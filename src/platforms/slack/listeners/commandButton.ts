import type { App, BlockButtonAction } from "@slack/bolt";
import { renderSlackMessage } from "../render.js";
import { COMMAND_ACTION_ID } from "../actionIds.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { keepReminders } from "../keepReminders.js";
import { slackTraits } from "../traits.js";
import { slackChannel, slackUser } from "../slackAdmins.js";
import type { SlackListenerDeps } from "./listenerDeps.js";
import type { ButtonArgs } from "./shareButton.js";

/**
 * A reply's own buttons (More, Context, Another motion…): run the invocation the button carries and answer
 * the one who clicked, as a new message so the one clicked from stays readable.
 */
export async function handleCommandButton(deps: SlackListenerDeps, { ack, body, action, client }: ButtonArgs): Promise<void> {
  await ack();
  const user = slackUser(deps.admins, client, body.user.id, body.user.username ?? body.user.name);
  const reply = await deps.registry.runInvocation(action.value ?? "", user, slackTraits, { channel: slackChannel(body.team?.id, body.channel?.id) });
  await postToResponseUrl(body.response_url, { ...renderSlackMessage(reply), replace_original: false }, deps.logger, deps.responseUrl);
  const channel = body.channel?.id;
  if (channel && reply.followUps?.length) {
    const kept = await keepReminders(deps, channel, reply.followUps);
    if (!kept.ok) await postToResponseUrl(body.response_url, { ...renderSlackMessage(kept.notice), replace_original: false }, deps.logger, deps.responseUrl);
  }
}

export function registerCommandButtons(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: COMMAND_ACTION_ID }, async ({ ack, body, action, client }) =>
    handleCommandButton(deps, { ack, body, action, client }),
  );
}
