import type { CommandRegistry, PlatformTraits } from "../commands/index.js";
import type { ReadVariable } from "../config/environment.js";
import type { HttpRoute } from "../http/createHttpServer.js";
import type { Logger } from "../logger.js";
import type { ReminderDesk } from "../app/reminderDesk.js";
import type { Store } from "../store/index.js";

/**
 * One way people reach the bot (Slack, Discord, the console), with everything about it in one folder of
 * src/platforms: the variables it reads, what commands may know of it, how it starts and stops, the HTTP
 * endpoints it serves, and its renderer and limits (used by its own code). The app asks the list in
 * platforms/index.ts and knows no platform by name.
 */
export interface PlatformAdapter {
  /** `slack`: as the logs name it. */
  readonly name: string;
  /** What a command may know of it: how a person is mentioned, how long it can hold a reminder. */
  readonly traits: PlatformTraits;
  /** Every environment variable it reads, documented in .env.example. */
  readonly variables: readonly string[];
  /** Started only when no other platform is configured (the console). */
  readonly fallback?: boolean;
  /**
   * What to start, from its variables; null when none of them is set. Each problem is pushed as one line
   * naming the variable, and a secret's value is never repeated back.
   */
  configure(read: ReadVariable, problems: string[]): PlatformSetup | null;
}

/** A platform as the environment configures it, ready to start. */
export interface PlatformSetup {
  /** The ways it will be reached, for the startup log: `slack-socket`, `discord-gateway`, `discord-http`. */
  readonly modes: readonly string[];
  /** Its settings as read, secrets included: never logged. */
  readonly settings: object;
  /**
   * It talks through this process's terminal: logs go to stderr, nothing reaches it over the network, so no
   * HTTP server starts, and the process ends when it does.
   */
  readonly terminal?: boolean;
  start(context: PlatformContext): Promise<RunningPlatform>;
}

/** What the app hands every platform it starts. */
export interface PlatformContext {
  /** The registry every platform of the process shares, wrapped with its middleware (log, rate limit). */
  registry: CommandRegistry;
  logger: Logger;
  /**
   * Keeps a connection (Socket Mode, the gateway) up in the background: `connect` is tried, and tried again
   * with backoff after a failure, until it succeeds; its state shows on /healthz, and the app closes it on
   * shutdown. One unreachable platform or wrong token never takes the others down.
   */
  keepConnected(name: string, connect: () => Promise<{ stop(): Promise<void> }>): void;
  /** How long one connection attempt may take before it is given up and tried again; each platform has a default. */
  connectTimeoutMs?: number;
  /**
   * What the bot remembers beyond one request (rate-limit windows, replay keys, reminders, short-lived values),
   * shared by every instance that uses the same store. Opened and closed by the app, never by a platform.
   */
  state: Store;
  /**
   * Timed messages (a speaking timer's reminders) kept in `state`: a platform schedules them here and says how it
   * posts them with its bot token; one runner per process posts each exactly once, whichever instance is up.
   */
  reminders: Pick<ReminderDesk, "schedule" | "cancel" | "deliverWith">;
  /** What is loaded now, for a greeting. */
  knowledgeSummary(): { documents: number; passages: number };
}

export interface RunningPlatform {
  /** Its endpoints on the one HTTP server. */
  readonly routes: readonly HttpRoute[];
  /** Settles when it ends by itself (the console, when the person quits). */
  readonly done?: Promise<void>;
  /** Cancels what it has pending (follow-ups, timers); its kept connections are closed by the app. */
  stop(): Promise<void>;
}
