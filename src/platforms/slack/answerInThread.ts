import type { webApi } from "@slack/bolt";
import type { Conversation, ConversationMessage } from "../../conversation/index.js";
import type { Logger } from "../../logger.js";
import { STOP_ANSWERING_ACTION_ID, STOP_ANSWERING_LABEL } from "./actionIds.js";
import { appendButton } from "./appendButton.js";
import { callSlackApi } from "./callSlackApi.js";
import type { SlackThread } from "./conversationEvent.js";
import { renderSlackMessage } from "./render.js";

/**
 * Answers a conversation message in its thread with chat.postMessage, rendered like any reply, with a "Stop
 * answering here" button in a channel's thread. Returns whether something was posted. Called after the event
 * was acknowledged, so a slow search or a slow Slack never makes Slack retry.
 */
export async function answerInThread(
  conversation: Conversation,
  message: ConversationMessage,
  thread: SlackThread,
  client: webApi.WebClient,
  logger: Logger,
): Promise<boolean> {
  const outcome = await conversation.answer(message);
  if (!outcome.answered) {
    logger.debug({ why: outcome.why }, "Slack message not answered");
    return false;
  }
  let rendered = renderSlackMessage(outcome.reply);
  if (!thread.direct) {
    rendered = appendButton(rendered, {
      type: "button",
      text: { type: "plain_text", text: STOP_ANSWERING_LABEL },
      action_id: STOP_ANSWERING_ACTION_ID,
      value: `${thread.channel}:${thread.threadTs}`,
    });
  }
  const posted = await callSlackApi(
    "chat.postMessage",
    () => client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false }),
    logger,
  );
  return posted.ok;
}
