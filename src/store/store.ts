import type { ChannelSettingsStore, FeedbackVotes, Installations, QuestionLog } from "./usageRecords.js";

/**
 * What the bot remembers beyond one request, behind one interface with three implementations: in memory (tests,
 * benchmarks, `STORE=memory`), SQLite (the embedded default: one host, survives restarts) and Redis (any number
 * of instances). Every method is asynchronous because Redis is; the memory and SQLite stores answer at once.
 *
 * The interface grows by method groups: each kind of state is one member below with its own small interface,
 * implemented once per backend and tested against all of them by the same contract table
 * (tests/store/contract.test.ts). Feedback votes, the question log, channel settings and Slack installations
 * are such groups (their types live in usageRecords.ts).
 *
 * Keys are plain strings chosen by the caller, namespaced by convention (`discord:interaction:<id>`,
 * `slack:U123`, `button:<hash>`): the store adds its own prefix and never interprets them.
 */
export interface Store {
  readonly backend: StoreBackend;
  /** True when what is stored survives a restart of the process (SQLite, Redis with persistence). */
  readonly durable: boolean;
  /** Per-user command windows, shared by every process using the same store. */
  readonly rateLimits: RateLimits;
  /** "Seen within the last N ms" keys: Discord interaction ids, Slack event ids. */
  readonly replayKeys: ReplayKeys;
  /** Messages to post at a later time (speaking timers), claimed exactly once by whichever process sees them due. */
  readonly reminders: Reminders;
  /** Short-lived values with a time to live: conversation context, Discord's long button values. */
  readonly keyValues: KeyValues;
  /** "Helpful", "Not helpful" and "Wrong passage" on answers: one vote per person per answer (and per passage reported). */
  readonly feedback: FeedbackVotes;
  /** What was asked and how it was answered, for /insights (question text only when QUESTION_LOG=on). */
  readonly questionLog: QuestionLog;
  /** Per-channel settings chosen by admins with /settings, read by every instance on every command. */
  readonly channelSettings: ChannelSettingsStore;
  /** Slack workspaces that installed the bot, their tokens sealed (encrypted) by the caller. */
  readonly installations: Installations;
  /** Whether the backend answers right now (for /healthz); a store that is down still answers its soft groups. */
  health(): StoreHealth;
  /** Stops background work and lets go of the file or connection. Safe to call twice. */
  close(): Promise<void>;
}

export type StoreBackend = "memory" | "sqlite" | "redis";

export interface StoreHealth {
  backend: StoreBackend;
  status: "ok" | "unavailable";
  /** Why it is unavailable, in words an operator can act on (never a credential). */
  reason?: string;
}

// --- Rate limits -------------------------------------------------------------------------------------------

/** At most `limit` takes per key in a window of `windowMs` (rounded up to whole seconds, as Redis keeps them). */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Fixed windows that open at a key's first take (rate-limiter-flexible's algorithm on every backend). Soft: if
 * the backend fails, each process falls back to its own memory for the outage, so commands keep being answered
 * (with up to N times the limit across N instances) and the outage is logged once a minute.
 */
export interface RateLimits {
  take(key: string, window: RateWindow): Promise<RateDecision>;
}

// --- Replay keys --------------------------------------------------------------------------------------------

/**
 * Soft, like rate limits: during an outage each process remembers its own keys (a signature's timestamp window
 * still bounds a replay to a few minutes).
 */
export interface ReplayKeys {
  /** True the first time `key` is seen within `ttlMs`; false for a repeat. Atomic across processes. */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

// --- Reminders ----------------------------------------------------------------------------------------------

/** Where a reminder goes, in the platform's own terms: `{ channel, thread }` on Slack, `{ channel }` on Discord. */
export type ReminderTarget = Readonly<Record<string, string>>;

export interface ReminderDraft {
  /** When it should be posted, in milliseconds since the epoch. Never changes once scheduled. */
  dueAt: number;
  platform: string;
  target: ReminderTarget;
  /** Plain text, posted as it is. */
  text: string;
}

export interface Reminder extends ReminderDraft {
  id: string;
  scheduledAt: number;
  /** How many times it has been claimed: 1 on the first delivery, more after a lease ran out or a release. */
  attempts: number;
}

export interface PendingReminder extends Reminder {
  /** The process delivering it now; absent while it waits. */
  claimant?: string;
  /** When it may be claimed (next): its due time, a retry time, or the end of the current claim's lease. */
  runAt: number;
}

export interface ClaimOptions {
  /** The claimant's clock, in milliseconds since the epoch: reminders with a due (or retry) time up to it are claimed. */
  now: number;
  /** Who claims: unique per process (host, pid and a random part), so complete() can check it. */
  claimant: string;
  /**
   * How long the claim holds. If the claimant neither completes nor releases it by then (it died while
   * posting), another process claims it again: a reminder is delivered once, or, when a process dies between
   * posting and completing, at least once.
   */
  leaseMs: number;
  /** At most this many (default 50), the earliest first. */
  limit?: number;
}

/**
 * Durable on SQLite and Redis. Data, not soft: when the backend is down these reject, so the caller can tell
 * the user a timer could not be set, and a due reminder is claimed once the backend is back.
 */
export interface Reminders {
  /** Stores the drafts together (all or none) and returns them with their ids. */
  schedule(drafts: readonly ReminderDraft[], now?: number): Promise<Reminder[]>;
  /** Claims the reminders due at `now` that nobody holds; each is handed to exactly one claimant per lease. */
  claimDue(options: ClaimOptions): Promise<Reminder[]>;
  /** Removes a delivered (or given up) reminder; false when `claimant` no longer holds it (its lease ran out). */
  complete(id: string, claimant: string): Promise<boolean>;
  /** Hands a claimed reminder back to be claimed again from `retryAt`; false when `claimant` no longer holds it. */
  release(id: string, claimant: string, retryAt: number): Promise<boolean>;
  /** Removes a reminder whoever holds it; false when there was none. */
  cancel(id: string): Promise<boolean>;
  /** Every reminder not yet completed, the earliest due first (for startup and operators). */
  pending(): Promise<PendingReminder[]>;
}

// --- Key/value with a time to live -------------------------------------------------------------------------

/** Data: rejects while the backend is down, and the caller decides (an expired button, no thread context). */
export interface KeyValues {
  /** The value, or undefined when the key is unknown or its time ran out. */
  get(key: string): Promise<string | undefined>;
  /** Sets (or replaces) the value; the time to live starts again. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** False when there was nothing to delete. */
  delete(key: string): Promise<boolean>;
}

// --- Feedback, question log, channel settings, installations ----------------------------------------------
// Data, like values: these reject while the backend is down; the caller says what could not be kept.

export type * from "./usageRecords.js";

/** Thrown by a store's operations after close(). */
export class StoreClosedError extends Error {
  constructor(backend: StoreBackend) {
    super(`the ${backend} store is closed`);
    this.name = "StoreClosedError";
  }
}
