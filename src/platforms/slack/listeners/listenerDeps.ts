import type { CommandRegistry } from "../../../commands/index.js";
import type { Conversation } from "../../../conversation/index.js";
import type { Store } from "../../../store/index.js";
import type { Logger } from "../../../logger.js";
import type { PostToResponseUrlOptions } from "../postToResponseUrl.js";

/** What every Slack listener needs: the commands to run, where to log, and the clock for scheduled messages. */
export interface SlackListenerDeps {
  registry: CommandRegistry;
  logger: Logger;
  now?: () => Date;
  /** Bounds on response_url posts (tests shorten the 429 wait). */
  responseUrl?: PostToResponseUrlOptions;
  /**
   * Mentions, direct messages and thread follow-ups, answered from the same registry. createSlackApp always
   * gives one; a handler called on its own (a unit test of a slash command) needs none.
   */
  conversation?: Conversation;
  /** The app's store: which events were already handled (Slack retries them). Given with `conversation`. */
  state?: Store;
}
