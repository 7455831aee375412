import type { App, BlockButtonAction } from "@slack/bolt";
import { findInDocument } from "../../../commands/index.js";
import { renderSlackMessage } from "../render.js";
import { REPLY_IN_THREAD_ACTION_ID } from "../actionIds.js";
import { callSlackApi, isNotAMember } from "../callSlackApi.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { decodeThreadReply } from "../threadReplyValue.js";
import { slackTraits } from "../traits.js";
import type { SlackListenerDeps } from "./listenerDeps.js";
import type { ButtonArgs } from "./shareButton.js";

/**
 * "Reply in thread": the "Find in document" answer, run again from the button and posted publicly in the
 * thread of the message it was about. Trouble is told to the clicker privately; nothing else is posted.
 */
export async function handleReplyInThread(deps: SlackListenerDeps, { ack, body, action, client }: ButtonArgs): Promise<void> {
  await ack();
  const target = decodeThreadReply(action.value ?? "");
  // The button only ever posts in the conversation it was clicked in.
  const clickedIn = body.channel?.id;
  if (!target || (clickedIn && clickedIn !== target.channel)) {
    await tellClicker(deps, body.response_url, "That button has expired. Run “Find in document” on the message again.");
    return;
  }
  const user = { id: body.user.id, name: body.user.username ?? body.user.name };
  const reply = await findInDocument(deps.registry, target.question, user, slackTraits);
  if (reply.kind === "error") {
    await postToResponseUrl(body.response_url, { ...renderSlackMessage(reply), replace_original: false }, deps.logger, deps.responseUrl);
    return;
  }
  const message = renderSlackMessage({ ...reply, visibility: "public", share: undefined });
  const outcome = await callSlackApi(
    "chat.postMessage",
    () => client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, text: message.text, blocks: message.blocks }),
    deps.logger,
  );
  if (!outcome.ok) {
    const why = isNotAMember(outcome.error)
      ? "I can't post in this conversation. Invite me first (/invite @Ground Truth), then try again."
      : "I couldn't post in the thread just now. Try again in a moment.";
    await tellClicker(deps, body.response_url, why);
  }
}

function tellClicker(deps: SlackListenerDeps, responseUrl: string, text: string): Promise<boolean> {
  return postToResponseUrl(responseUrl, { text, response_type: "ephemeral", replace_original: false }, deps.logger, deps.responseUrl);
}

export function registerReplyInThreadButton(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: REPLY_IN_THREAD_ACTION_ID }, async ({ ack, body, action, client }) =>
    handleReplyInThread(deps, { ack, body, action, client }),
  );
}
