import type { webApi } from "@slack/bolt";
import type { ReminderDesk } from "../../../app/reminderDesk.js";
import type { CommandRegistry } from "../../../commands/index.js";
import type { Conversation } from "../../../conversation/index.js";
import type { Store } from "../../../store/index.js";
import type { Logger } from "../../../logger.js";
import type { PostToResponseUrlOptions } from "../postToResponseUrl.js";
import type { SlackAdmins } from "../slackAdmins.js";

/** What every Slack listener needs: the commands to run, where to log, and the store for a timer's reminders. */
export interface SlackListenerDeps {
  registry: CommandRegistry;
  logger: Logger;
  now?: () => Date;
  /** Bounds on response_url posts (tests shorten the 429 wait). */
  responseUrl?: PostToResponseUrlOptions;
  /** Where a timer's reminders are kept until one instance posts them. */
  reminders: Pick<ReminderDesk, "schedule" | "cancel">;
  /** The Web API with the bot token, for what the bot posts itself (a timer's announcement). */
  botClient: webApi.WebClient;
  /** Who is an admin (SLACK_ADMIN_USER_IDS, users.info), for admin-only commands. */
  admins?: SlackAdmins;
  /**
   * Mentions, direct messages and thread follow-ups, answered from the same registry. createSlackApp always
   * gives one; a handler called on its own (a unit test of a slash command) needs none.
   */
  conversation?: Conversation;
  /** The app's store: which events were already handled (Slack retries them). Given with `conversation`. */
  state?: Store;
}
