import type { CommandRegistry } from "../../../commands/index.js";
import type { Logger } from "../../../logger.js";
import type { PostToResponseUrlOptions } from "../postToResponseUrl.js";
import type { SlackAdmins } from "../slackAdmins.js";

/** What every Slack listener needs: the commands to run, where to log, and the clock for scheduled messages. */
export interface SlackListenerDeps {
  registry: CommandRegistry;
  logger: Logger;
  now?: () => Date;
  /** Bounds on response_url posts (tests shorten the 429 wait). */
  responseUrl?: PostToResponseUrlOptions;
  /** Who is an admin (SLACK_ADMIN_USER_IDS, users.info), for admin-only commands. */
  admins?: SlackAdmins;
}
