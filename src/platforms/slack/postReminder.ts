import type { webApi } from "@slack/bolt";
import type { PostReminder } from "../../app/reminderDesk.js";
import type { Logger } from "../../logger.js";
import { neutralizeForSlack } from "../../render/neutralizeMentions.js";
import { reminderText } from "../../store/reminderRunner.js";
import { callSlackApi } from "./callSlackApi.js";

/** Slack's answers that another try may cure; every other error code (not_in_channel, invalid_auth…) will not. */
const TRY_AGAIN = new Set(["rate_limited", "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/**
 * Posts a due reminder with chat.postMessage and the bot token, so a timer is not bound to the slash command's
 * response_url (30 minutes, 5 posts) and any instance can post it. A refusal another try cannot cure (the bot
 * was removed from the channel) is one log line, and the reminder is given up; a 429 or a network failure is
 * thrown, so the runner tries again with backoff.
 */
export function createSlackReminderPoster(client: webApi.WebClient, logger: Logger): PostReminder {
  return async (reminder) => {
    const channel = reminder.target.channel;
    if (!channel) {
      logger.warn({ reminder: reminder.id }, "slack reminder has no channel; dropped");
      return;
    }
    const outcome = await callSlackApi(
      "chat.postMessage",
      () =>
        client.chat.postMessage({
          channel,
          text: neutralizeForSlack(reminderText(reminder)),
          ...(reminder.target.thread ? { thread_ts: reminder.target.thread } : {}),
        }),
      logger,
    );
    if (outcome.ok) return;
    if (TRY_AGAIN.has(outcome.error) || !/^[a-z_]+$/.test(outcome.error)) throw new Error(`Slack chat.postMessage failed: ${outcome.error}`);
    logger.warn({ reminder: reminder.id, channel, reason: outcome.error }, "slack reminder given up: the bot cannot post there");
  };
}
