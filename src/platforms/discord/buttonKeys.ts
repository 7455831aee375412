import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { APIInteraction } from "discord-api-types/v10";
import { InteractionType } from "discord-api-types/v10";
import type { Reply } from "../../commands/index.js";
import { DISCORD_CUSTOM_ID_MAX } from "./limits.js";

/**
 * Short keys for button values longer than Discord's 100-character custom_id ("Share" and "More" on a long
 * question). Behind this interface so the memory below can be swapped for a store every instance shares.
 */
export interface ButtonKeyStore {
  /** A custom_id of at most 100 characters that stands for `value`, or undefined when none can be kept. */
  keep(value: string): Promise<string | undefined>;
  /** The value a key stands for; undefined for an unknown or expired key. */
  resolve(key: string): Promise<string | undefined>;
}

const KEY_PREFIX = "gtk|";
/** How long a key answers after it was last handed out: buttons outlive their first reply. */
export const BUTTON_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** The short key for a value: its hash, so the same value always gets the same key and handing it out renews it. */
function keyFor(value: string): string {
  return KEY_PREFIX + createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

/**
 * Keys kept in the app's store (`PlatformContext.state.keyValues`, under `discord:button:`), so a button made by
 * one instance works on every other sharing the store, and after a restart (SQLite, Redis), for a day after it
 * was last handed out. While the store cannot keep a value, those buttons are left out with a note (see
 * fitButtonValues); a key it cannot read is answered as an expired button.
 */
export function createStoreButtonKeys(
  values: { get(key: string): Promise<string | undefined>; set(key: string, value: string, ttlMs: number): Promise<void> },
  ttlMs = BUTTON_KEY_TTL_MS,
): ButtonKeyStore {
  return {
    async keep(value) {
      const key = keyFor(value);
      await values.set(`discord:button:${key}`, value, ttlMs);
      return key;
    },
    async resolve(key) {
      return key.startsWith(KEY_PREFIX) ? values.get(`discord:button:${key}`) : undefined;
    },
  };
}

export interface MemoryButtonKeysOptions {
  /** How long a key answers after it was last handed out (default a day: buttons outlive their first reply). */
  ttlMs?: number;
  /** Characters of values kept at most; the least recently used go first (default 4 million, a few MB). */
  maxCharacters?: number;
}

/**
 * Keys kept in this process's memory (tests, and clients built without a store). Behind a load balancer each instance knows only its own keys: a click
 * that reaches another instance, or comes after a restart or a day, is answered as an expired button.
 */
export function createMemoryButtonKeys(options: MemoryButtonKeysOptions = {}): ButtonKeyStore {
  const values = new LRUCache<string, string>({
    ttl: options.ttlMs ?? BUTTON_KEY_TTL_MS,
    maxSize: options.maxCharacters ?? 4_000_000,
    sizeCalculation: (value) => Math.max(1, value.length),
    updateAgeOnGet: false,
  });
  return {
    async keep(value) {
      const key = keyFor(value);
      values.set(key, value);
      return key;
    },
    async resolve(key) {
      return key.startsWith(KEY_PREFIX) ? values.get(key) : undefined;
    },
  };
}

/** Said in place of the buttons Discord had no room for, when no key could stand in for them. */
export const BUTTONS_TOO_LONG_NOTE =
  "Share and More need more than Discord's 100 characters for a question this long; ask a shorter one to get them.";

/**
 * The reply with every button value over 100 characters replaced by a short key. A reply whose values all
 * fit comes back as it is (so a cached reply keeps its cached rendering). When a key cannot be kept, those
 * buttons go and the footer says why.
 */
export async function fitButtonValues(reply: Reply, keys: ButtonKeyStore | undefined): Promise<Reply> {
  const tooLong = (value: string | undefined) => value !== undefined && value.length > DISCORD_CUSTOM_ID_MAX;
  if (!tooLong(reply.share) && !(reply.actions ?? []).some((action) => tooLong(action.value))) return reply;
  let dropped = false;
  const fit = async (value: string): Promise<string | undefined> => {
    if (!tooLong(value)) return value;
    const key = await keys?.keep(value).catch(() => undefined);
    if (key !== undefined && key.length <= DISCORD_CUSTOM_ID_MAX) return key;
    dropped = true;
    return undefined;
  };
  const share = reply.share === undefined ? undefined : await fit(reply.share);
  const actions = [];
  for (const action of reply.actions ?? []) {
    const value = await fit(action.value);
    if (value !== undefined) actions.push({ ...action, value });
  }
  const footer = dropped ? [reply.footer, BUTTONS_TOO_LONG_NOTE].filter(Boolean).join(" ") : reply.footer;
  return { ...reply, share, actions, ...(footer ? { footer } : {}) };
}

/** A button click whose custom_id is one of our keys, with the value the key stands for in its place. */
export async function resolveButtonKey(interaction: APIInteraction, keys: ButtonKeyStore | undefined): Promise<APIInteraction> {
  if (interaction.type !== InteractionType.MessageComponent || !keys || typeof interaction.data?.custom_id !== "string") return interaction;
  const value = await keys.resolve(interaction.data.custom_id).catch(() => undefined);
  if (value === undefined) return interaction;
  return { ...interaction, data: { ...interaction.data, custom_id: value } } as APIInteraction;
}
