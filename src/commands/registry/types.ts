import type { CompletionKind, KnowledgeBase } from "../../knowledge/index.js";
import type { Reply } from "../../reply/types.js";
import type { Store } from "../../store/store.js";

/**
 * What a command may know of the platform it answers on, as that platform's adapter tells it: how a person is
 * mentioned there, and how long the platform can hold a reply's later messages. Commands never name a platform.
 */
export interface PlatformTraits {
  /** `slack`, `discord`, `console`, `cli`: the logs, the rate limit and the reply cache tell platforms apart by it. */
  readonly name: string;
  /** As its users know it: `Slack`. */
  readonly label: string;
  /**
   * A mention of one user as the platform writes it in typed text (`<@U123|dana>` on Slack, `<@123>` on
   * Discord): the user's id and the name that came with it; null for anything else.
   */
  readMention(token: string): MentionedUser | null;
  /** Whether `text` is one user's id here: what a reply may ping. */
  isUserId(text: string): boolean;
  /** How a reply writes a mention of a user it knows only by id. */
  writeMention(id: string): string;
  readonly followUps: FollowUpSupport;
  /** Whether each user's commands are rate limited: a terminal has one trusted user, and a script of questions. */
  readonly rateLimited: boolean;
}

export interface MentionedUser {
  id: string;
  name?: string;
}

/** What a platform does with a reply's later messages (a speaking timer's reminders). */
export interface FollowUpSupport {
  /** The longest a follow-up can wait and still be posted, in seconds. */
  readonly maxDelaySeconds: number;
  /** Why a longer wait is impossible, said to the user; set whenever `maxDelaySeconds` is finite. */
  readonly limitReason?: string;
  /** What becomes of waiting follow-ups if the bot restarts, said to the user. */
  readonly onRestart: string;
}

/**
 * What an option holds: free text, a person to address (a platform user id), several people (mentions or
 * plain names, typed as text), or a whole number.
 */
export type OptionKind = "text" | "user" | "people" | "number";

export interface CommandOption {
  /** Lower-case, as Discord requires: `question`, `document`, `for`. */
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  kind: OptionKind;
  required?: boolean;
  /** Where autocomplete choices come from. */
  autocomplete?: CompletionKind;
  /**
   * The option that takes the typed text when a platform gives only text (Slack, the console):
   * `/source grain deal` fills `name`. Other options are written `name: value` (`for: @dana`).
   */
  main?: boolean;
  /** For a number: the smallest and largest accepted, so platforms that can check a range refuse the rest. */
  min?: number;
  max?: number;
}

export interface ButtonArg {
  name: string;
  /** What it carries, for whoever reads the command. */
  description: string;
}

export interface CommandUser {
  id: string;
  name?: string;
  /**
   * Whether the platform says this user administers the place the command came from (Discord: Manage Server
   * in the interaction's permissions; Slack: SLACK_ADMIN_USER_IDS or a workspace admin by users.info). Asked
   * only by admin-only commands; absent means no.
   */
  isAdmin?: () => Promise<boolean>;
}

/** What the bot keeps that commands may read and change: the usage log, votes, channel settings. */
export type CommandState = Pick<Store, "questionLog" | "feedback" | "channelSettings">;

export interface CommandContext {
  /** This command's name as registered: what its own buttons ("More", "Another motion") run again. */
  command: string;
  /** Its options' values, and the button arguments a click carried. */
  args: Readonly<Record<string, string | undefined>>;
  user: CommandUser;
  platform: PlatformTraits;
  /** The knowledge as loaded now (it is swapped on reload, so read it per request). */
  knowledge: KnowledgeBase;
  now: () => Date;
  /** Which page of results ("More"), from 0. */
  page: number;
  /** Where it was asked, namespaced by platform (`slack:T1:C1`, `discord:G1:C1`); absent where there is no channel. */
  channel?: string;
  /** The app's store, when the registry was given one (the admin commands need it). */
  state?: CommandState;
}

export interface CommandDefinition {
  /** Without the slash; 1-32 lower-case characters. */
  name: string;
  /** At most 100 characters. */
  description: string;
  /** A usage hint shown by Slack and /help: `[question] [for: @person]`. */
  usage: string;
  options: CommandOption[];
  /**
   * Arguments only the command's own buttons carry ("Another motion" carries the motions already `seen`):
   * never typed, registered or listed. A request's arguments that are neither an option nor one of these
   * are dropped before the handler runs.
   */
  buttonArgs?: readonly ButtonArg[];
  handler: (context: CommandContext) => Reply | Promise<Reply>;
  /**
   * Only admins may run it: the registry asks `user.isAdmin()` before the handler runs, on every platform, and
   * Discord registers it with default_member_permissions (Manage Server) so others do not even see it.
   */
  adminOnly?: boolean;
  /**
   * True when the reply depends only on the arguments, the page, the platform and the knowledge (no
   * randomness, no clock, no user): the registry then keeps it and answers the same request from the cache.
   */
  cacheable?: boolean;
}

/** A command as it arrives from any platform, before it is parsed and run. */
export interface CommandRequest {
  /** Without the slash. */
  command: string;
  /** The text typed after the command (Slack, console): parsed against the options. */
  text?: string;
  /** Options already typed by the platform (Discord); they win over `text`. */
  args?: Record<string, string | undefined>;
  user: CommandUser;
  platform: PlatformTraits;
  page?: number;
  /** Where it was asked, namespaced by platform (`slack:T1:C1`): channel settings apply by it. */
  channel?: string;
}
