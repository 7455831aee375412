/**
 * Buttons carry the whole invocation they stand for ("More" is the same command one page on), so a click
 * can be answered by any process with no session store. Discord caps a button's custom_id at 100
 * characters, so the encoding is compact and long arguments are shortened to fit.
 */

import { hasLoneSurrogate } from "../knowledge/normalizeText.js";

export interface Invocation {
  command: string;
  args: Record<string, string | undefined>;
  page?: number;
  /** Re-run the command publicly: the "Share in channel" button. */
  share?: boolean;
}

export const MAX_INVOCATION_LENGTH = 100;
const PREFIX = "gt1";

export function encodeInvocation(invocation: Invocation): string {
  const { head, entries } = invocationParts(invocation);
  let encoded = `${head}|${encodeArgs(entries)}`;
  // Shorten the longest argument a word at a time until the whole thing fits.
  while (encoded.length > MAX_INVOCATION_LENGTH) {
    const longest = entries.reduce((a, b) => (b[1].length > a[1].length ? b : a));
    const shorter = longest[1].replace(/\s*\S+\s*$/, "");
    longest[1] = shorter.length < longest[1].length ? shorter : longest[1].slice(0, -1);
    encoded = `${head}|${encodeArgs(entries)}`;
  }
  return encoded;
}

/**
 * The encoding, or null when it would not carry the invocation exactly: when an argument would have to be
 * shortened, or holds half a surrogate pair (which URL encoding turns into U+FFFD). A button that silently
 * answers a different question (a cut "More", a cut "Share") is worse than no button.
 */
export function encodeInvocationIntact(invocation: Invocation): string | null {
  const { head, entries } = invocationParts(invocation);
  const encoded = `${head}|${encodeArgs(entries)}`;
  if (encoded.length > MAX_INVOCATION_LENGTH || entries.some(([, value]) => hasLoneSurrogate(value))) return null;
  return encoded;
}

function invocationParts(invocation: Invocation): { head: string; entries: Array<[string, string]> } {
  const head = [PREFIX, invocation.command, String(invocation.page ?? 0), invocation.share ? "s" : ""].join("|");
  const entries = Object.entries(invocation.args).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return { head, entries };
}

export function decodeInvocation(value: string): Invocation | null {
  const [prefix, command, page, share, ...rest] = value.split("|");
  if (prefix !== PREFIX || !command || page === undefined || !/^\d+$/.test(page)) return null;
  const args: Record<string, string> = {};
  const query = rest.join("|");
  try {
    for (const [key, raw] of new URLSearchParams(query)) args[key] = raw;
  } catch {
    return null;
  }
  return { command, args, page: Number(page), share: share === "s" };
}

function encodeArgs(entries: ReadonlyArray<[string, string]>): string {
  return new URLSearchParams(entries).toString();
}
