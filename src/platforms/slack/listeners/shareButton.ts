import type { App, BlockButtonAction, ButtonAction, webApi } from "@slack/bolt";
import { renderSlackMessage } from "../render.js";
import { SHARE_ACTION_ID } from "../actionIds.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { keepReminders } from "../keepReminders.js";
import { slackTraits } from "../traits.js";
import { slackChannel, slackUser } from "../slackAdmins.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

export interface ButtonArgs {
  ack: () => Promise<void>;
  body: BlockButtonAction;
  action: ButtonAction;
  client: webApi.WebClient;
}

/**
 * "Share in channel": the same answer, run again from the button's invocation and posted publicly through
 * the click's `response_url`, as a new message under the private one (which stays for the asker).
 */
export async function handleShareButton(deps: SlackListenerDeps, { ack, body, action, client }: ButtonArgs): Promise<void> {
  await ack();
  const user = slackUser(deps.admins, client, body.user.id, body.user.username ?? body.user.name);
  const reply = await deps.registry.runInvocation(action.value ?? "", user, slackTraits, { channel: slackChannel(body.team?.id, body.channel?.id) });
  const message = renderSlackMessage(reply);
  // The registry makes only answers public; anything else (expired button, rate limit) is the clicker's alone.
  const shared = reply.visibility === "public";
  await postToResponseUrl(
    body.response_url,
    { ...message, response_type: shared ? "in_channel" : "ephemeral", replace_original: false },
    deps.logger,
    deps.responseUrl,
  );
  const channel = body.channel?.id;
  if (shared && channel && reply.followUps?.length) {
    const kept = await keepReminders(deps, channel, reply.followUps);
    if (!kept.ok) await postToResponseUrl(body.response_url, { ...renderSlackMessage(kept.notice), replace_original: false }, deps.logger, deps.responseUrl);
  }
}

export function registerShareButton(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: SHARE_ACTION_ID }, async ({ ack, body, action, client }) =>
    handleShareButton(deps, { ack, body, action, client }),
  );
}
