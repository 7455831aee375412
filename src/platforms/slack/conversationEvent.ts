import type { ConversationMessage } from "../../conversation/index.js";
import { slackMessageToPlainText } from "./slackMessageToPlainText.js";
import { slackTraits } from "./traits.js";

/** The fields of an `app_mention` or `message` event the bot reads (Slack's event payloads carry many more). */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  team?: string;
}

/** Where the bot answers a message: its channel and the thread it belongs to (or starts). */
export interface SlackThread {
  channel: string;
  threadTs: string;
  /** A direct message with the bot: no "Stop answering here", since every message there is for the bot. */
  direct: boolean;
}

/**
 * A Slack message event as the neutral conversation reads it, or null for one the bot must not answer: its own
 * or another bot's message (`bot_id`, or the bot's own user), or anything but a plain message (`subtype`:
 * edits, deletions, joins, bot messages). Mentions, channel references and links become the words a reader sees.
 */
export function toConversationMessage(event: SlackMessageEvent, options: { teamId?: string; botUserId?: string; addressed: boolean }): ConversationMessage | null {
  if (event.bot_id || event.subtype || !event.user || (options.botUserId && event.user === options.botUserId)) return null;
  const team = event.team ?? options.teamId ?? "";
  const thread = threadOf(event);
  return {
    platform: slackTraits,
    thread: `${team}:${thread.channel}:${thread.threadTs}`,
    message: `${team}:${event.channel}:${event.ts}`,
    channel: `${team}:${event.channel}`,
    text: slackMessageToPlainText(event.text ?? ""),
    user: { id: event.user },
    addressed: options.addressed,
  };
}

export function threadOf(event: SlackMessageEvent): SlackThread {
  return { channel: event.channel, threadTs: event.thread_ts ?? event.ts, direct: event.channel_type === "im" || event.channel.startsWith("D") };
}

/** Whether a message's text mentions the bot (`<@U0BOT>` or `<@U0BOT|ground-truth>`). */
export function mentionsBot(text: string | undefined, botUserId: string | undefined): boolean {
  return Boolean(botUserId && text && new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`).test(text));
}
