import type { App, MessageShortcut, webApi } from "@slack/bolt";
import { findInDocument } from "../../../commands/index.js";
import { renderSlackMessage } from "../render.js";
import { FIND_IN_DOCUMENT_CALLBACK_ID, REPLY_IN_THREAD_ACTION_ID, REPLY_IN_THREAD_LABEL } from "../actionIds.js";
import { appendButton } from "../appendButton.js";
import { callSlackApi } from "../callSlackApi.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { slackMessageToPlainText } from "../slackMessageToPlainText.js";
import { encodeThreadReply } from "../threadReplyValue.js";
import { slackTraits } from "../traits.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

export interface MessageShortcutArgs {
  ack: () => Promise<void>;
  shortcut: MessageShortcut;
  client: webApi.WebClient;
}

/**
 * "Find in document" on a message: the passages that bear on what it says, privately to the one who asked,
 * with a button to post them in the message's thread (slash commands cannot be used in threads).
 */
export async function handleFindInDocument(deps: SlackListenerDeps, { ack, shortcut, client }: MessageShortcutArgs): Promise<void> {
  await ack();
  const user = { id: shortcut.user.id, name: shortcut.user.username ?? shortcut.user.name };
  const question = slackMessageToPlainText(String(shortcut.message.text ?? ""));
  const reply = await findInDocument(deps.registry, question, user, slackTraits);
  // The asker decides whether the thread sees this, so the channel-wide Share button gives way to the thread one.
  let message = renderSlackMessage({ ...reply, share: undefined });
  if (reply.kind !== "error" && reply.quotes.length > 0) {
    const threadTs = String(shortcut.message.thread_ts ?? shortcut.message.ts);
    message = appendButton(message, {
      type: "button",
      text: { type: "plain_text", text: REPLY_IN_THREAD_LABEL },
      action_id: REPLY_IN_THREAD_ACTION_ID,
      value: encodeThreadReply({ channel: shortcut.channel.id, threadTs, question }),
    });
  }
  if (shortcut.response_url) {
    await postToResponseUrl(shortcut.response_url, { ...message, response_type: "ephemeral" }, deps.logger, deps.responseUrl);
    return;
  }
  await callSlackApi(
    "chat.postEphemeral",
    () => client.chat.postEphemeral({ channel: shortcut.channel.id, user: shortcut.user.id, text: message.text, blocks: message.blocks }),
    deps.logger,
  );
}

export function registerFindInDocumentShortcut(app: App, deps: SlackListenerDeps): void {
  app.shortcut<MessageShortcut>({ type: "message_action", callback_id: FIND_IN_DOCUMENT_CALLBACK_ID }, async ({ ack, shortcut, client }) =>
    handleFindInDocument(deps, { ack, shortcut, client }),
  );
}
