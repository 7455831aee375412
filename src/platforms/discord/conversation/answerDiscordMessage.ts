import type { REST } from "@discordjs/rest";
import { Routes, type APIChannel, type APIMessage } from "discord-api-types/v10";
import type { Conversation, ConversationMessage } from "../../../conversation/index.js";
import type { Logger } from "../../../logger.js";
import { fitButtonValues, type ButtonKeyStore } from "../buttonKeys.js";
import { renderDiscordMessage } from "../render.js";
import { discordTraits } from "../traits.js";
import { discordMessageText, mentionsUser } from "./discordMessageText.js";
import { stopAnsweringRow } from "./stopAnswering.js";
import { DISCORD_ACTION_ROWS_MAX } from "../limits.js";

/** The fields of a gateway MESSAGE_CREATE the bot reads. */
export type DiscordIncomingMessage = Pick<APIMessage, "id" | "channel_id" | "content" | "type" | "mentions"> & {
  guild_id?: string;
  author: { id: string; bot?: boolean; username?: string };
};

/** Where a message was said, which MESSAGE_CREATE itself does not tell: the client's channel cache does. */
export interface DiscordMessagePlace {
  /** The bot's own user id. */
  botId: string;
  /** Said in a thread (a public, private or forum thread). */
  inThread: boolean;
}

export interface DiscordConversationDeps {
  conversation: Conversation;
  rest: REST;
  logger: Logger;
  buttonKeys?: ButtonKeyStore;
}

/** Discord's own limit on a thread's name. */
export const THREAD_NAME_MAX = 100;
/** A day without messages, then the thread archives itself. */
const THREAD_ARCHIVE_MINUTES = 1440;
/** Default (0) and Reply (19): what people type. Joins, pins, boosts and the rest are not questions. */
const ANSWERABLE_TYPES = new Set<number>([0, 19]);

/**
 * A message over the gateway, answered when it is for the bot: a mention in a server channel is answered in a
 * thread the bot opens on it ("Ask in thread"; a reply to it where the bot may not open threads), a direct
 * message as a reply, and a message in a thread the bot answered as a follow-up there. Bots (itself included)
 * are never answered, and nothing the bot posts can ping anyone.
 */
export async function answerDiscordMessage(message: DiscordIncomingMessage, place: DiscordMessagePlace, deps: DiscordConversationDeps): Promise<boolean> {
  const said = toConversationMessage(message, place);
  if (!said) return false;
  const outcome = await deps.conversation.answer(said);
  if (!outcome.answered) {
    deps.logger.debug({ why: outcome.why }, "discord message not answered");
    return false;
  }
  const rendered = renderDiscordMessage(await fitButtonValues(outcome.reply, deps.buttonKeys));
  // In a server's thread, a way to turn follow-ups off; a DM is all for the bot.
  const stop = message.guild_id && rendered.components.length < DISCORD_ACTION_ROWS_MAX ? [stopAnsweringRow(said.thread)] : [];
  const body = { content: rendered.content, embeds: rendered.embeds, components: [...rendered.components, ...stop], allowed_mentions: { parse: [] } };
  const reference = { message_reference: { message_id: message.id, fail_if_not_exists: false } };
  try {
    if (message.guild_id && !place.inThread) {
      const thread = await openThread(message, said.text, deps);
      if (thread) {
        await deps.rest.post(Routes.channelMessages(thread.id), { body });
        return true;
      }
    }
    await deps.rest.post(Routes.channelMessages(message.channel_id), { body: { ...body, ...reference } });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error), channel: message.channel_id }, "discord answer could not be posted");
    return false;
  }
}

/**
 * The neutral message, or null for one the bot must not answer: a bot's, a system message, or one neither
 * addressed to the bot nor in a thread. Without the Message Content intent a plain thread message arrives
 * with no words, and is left alone.
 */
export function toConversationMessage(message: DiscordIncomingMessage, place: DiscordMessagePlace): ConversationMessage | null {
  if (message.author.bot || message.author.id === place.botId || !ANSWERABLE_TYPES.has(message.type)) return null;
  const direct = !message.guild_id;
  const addressed = direct || mentionsUser(message, place.botId);
  if (!addressed && !place.inThread) return null;
  const text = discordMessageText(message.content);
  if (!addressed && !text) return null;
  const where = message.guild_id ?? "dm";
  // A thread opened on a message has that message's id, so the thread a mention opens is known before it exists.
  const thread = direct || place.inThread ? message.channel_id : message.id;
  return {
    platform: discordTraits,
    thread: `${where}:${thread}`,
    message: message.id,
    channel: `${where}:${message.channel_id}`,
    text,
    user: { id: message.author.id, ...(message.author.username ? { name: message.author.username } : {}) },
    addressed,
  };
}

/** The thread on the asking message, or undefined where the bot may not open one (it then replies instead). */
async function openThread(message: DiscordIncomingMessage, question: string, deps: DiscordConversationDeps): Promise<APIChannel | undefined> {
  const name = threadName(question);
  try {
    return (await deps.rest.post(Routes.threads(message.channel_id, message.id), { body: { name, auto_archive_duration: THREAD_ARCHIVE_MINUTES } })) as APIChannel;
  } catch (error) {
    deps.logger.info({ err: error instanceof Error ? error.message : String(error), channel: message.channel_id }, "discord thread not opened: replying instead");
    return undefined;
  }
}

/** The question as the thread's name, cut to Discord's 100 characters at a word where it can be. */
export function threadName(question: string): string {
  const words = question.replace(/\s+/g, " ").trim() || "Question";
  if (words.length <= THREAD_NAME_MAX) return words;
  const cut = words.slice(0, THREAD_NAME_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > 50 ? cut.slice(0, space) : cut}…`;
}
