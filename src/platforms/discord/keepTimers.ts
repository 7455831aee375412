import { InteractionContextType, PermissionFlagsBits, type APIInteraction } from "discord-api-types/v10";
import type { PostReminder, ReminderDesk } from "../../app/reminderDesk.js";
import type { ReplyFollowUp } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { errorReply } from "../../reply/builders.js";
import type { Reply } from "../../reply/types.js";
import { reminderText } from "../../store/reminderRunner.js";
import { DISCORD_API_BASE } from "./discordWebhook.js";
import { toFollowUpMessage } from "./scheduleFollowUps.js";

/** Keeps a reply's reminders for the channel of `interaction`; a reply returned is sent instead of the timer. */
export type KeepTimers = (followUps: readonly ReplyFollowUp[], interaction: APIInteraction) => Promise<Reply | undefined>;

/** Thread channel types (announcement, public and private threads): posting there needs its own permission. */
const THREAD_TYPES = new Set([10, 11, 12]);

/**
 * A timer's reminders kept in the store, to be posted to the channel with the bot token by whichever instance
 * is up. First the permission check Discord makes possible: every interaction says what the bot may do in its
 * channel (`app_permissions`), so a timer in a channel the bot cannot post in is refused at once, privately,
 * with how to fix it, instead of reminders that would fail later.
 */
export function createTimerKeeper(reminders: Pick<ReminderDesk, "schedule">, logger: Logger): KeepTimers {
  return async (followUps, interaction) => {
    const receivedAt = Date.now();
    const channel = interaction.channel_id ?? interaction.channel?.id;
    if (!channel || !botMayPost(interaction)) return cannotPostHere();
    try {
      await reminders.schedule("discord", { channel }, followUps, receivedAt);
      return undefined;
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "discord reminders not kept: the store is not answering");
      return errorReply("I couldn't start the timer", "I can't keep reminders right now (my storage is not answering). Try again in a moment, or keep time another way.");
    }
  };
}

/**
 * Whether the bot can post in the interaction's channel: in a server, View Channel and Send Messages (Send
 * Messages in Threads in a thread) among `app_permissions`; outside one, only in its own DM with the user (a
 * group DM or a DM between others, where a user-installed app is used, is closed to it).
 */
export function botMayPost(interaction: APIInteraction): boolean {
  if (interaction.guild_id) {
    if (interaction.app_permissions === undefined) return true;
    const granted = BigInt(interaction.app_permissions);
    const inThread = THREAD_TYPES.has(Number(interaction.channel?.type));
    const needed = PermissionFlagsBits.ViewChannel | (inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages);
    // Administrator grants everything.
    return (granted & PermissionFlagsBits.Administrator) !== 0n || (granted & needed) === needed;
  }
  return interaction.context !== InteractionContextType.PrivateChannel;
}

function cannotPostHere(): Reply {
  return errorReply(
    "I can't post reminders here",
    "I'm not allowed to send messages in this channel, so I could not start the timer. Ask a server admin to give me View Channel and Send Messages here, or run /timer in another channel.",
  );
}

export interface DiscordReminderPosterOptions {
  apiBase?: string;
  fetch?: typeof fetch;
}

/**
 * Posts a due reminder with `POST /channels/{id}/messages` and the bot token, so no interaction token is needed.
 * 429 and 5xx are thrown (the runner tries again with backoff); any other refusal (403 missing access, 404 the
 * channel is gone) is one log line and the reminder is given up, since another try cannot cure it.
 */
export function createDiscordReminderPoster(token: string, logger: Logger, options: DiscordReminderPosterOptions = {}): PostReminder {
  const send = options.fetch ?? fetch;
  const base = options.apiBase ?? DISCORD_API_BASE;
  return async (reminder) => {
    const channel = reminder.target.channel;
    if (!channel) {
      logger.warn({ reminder: reminder.id }, "discord reminder has no channel; dropped");
      return;
    }
    const response = await send(`${base}/channels/${encodeURIComponent(channel)}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${token}`, "content-type": "application/json" },
      body: JSON.stringify(toFollowUpMessage(reminderText(reminder))),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return;
    if (response.status === 429 || response.status >= 500) throw new Error(`Discord answered ${response.status}`);
    logger.warn({ reminder: reminder.id, channel, status: response.status }, "discord reminder given up: the bot cannot post there");
  };
}
