/**
 * Buttons carry the whole invocation they stand for ("More" is the same command one page on), so a click
 * can be answered by any process with no session store. Slack takes a button value of 2,000 characters;
 * Discord's custom_id takes 100, and its adapter stands a short key in for a longer value. The encoding is
 * compact (only the characters that would break it are escaped, so other scripts cost one character each, not
 * nine), and reads back with URLSearchParams, as the earlier, fully escaped values did.
 */

import { hasLoneSurrogate } from "../text/normalizeText.js";

export interface Invocation {
  command: string;
  args: Record<string, string | undefined>;
  page?: number;
  /** Re-run the command publicly: the "Share in channel" button. */
  share?: boolean;
}

/** Slack's limit on a button value; the longest invocation a button can carry. */
export const MAX_INVOCATION_LENGTH = 2_000;
const PREFIX = "gt1";

/**
 * The encoding, or null when it would not carry the invocation exactly: when an argument would have to be
 * shortened, or holds half a surrogate pair (which URL encoding turns into U+FFFD). A button that silently
 * answers a different question (a cut "More", a cut "Share") is worse than no button.
 */
export function encodeInvocationIntact(invocation: Invocation): string | null {
  const head = [PREFIX, invocation.command, String(invocation.page ?? 0), invocation.share ? "s" : ""].join("|");
  const entries = Object.entries(invocation.args).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const encoded = `${head}|${encodeArgs(entries)}`;
  if (encoded.length > MAX_INVOCATION_LENGTH || entries.some(([, value]) => hasLoneSurrogate(value))) return null;
  return encoded;
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
  return entries.map(([name, value]) => `${escapeArg(name)}=${escapeArg(value)}`).join("&");
}

/**
 * What URLSearchParams would misread (`%`, `&`, `=`, `+`), what a platform might mangle (controls), and `<`, `>`,
 * `@` (so a typed `<!channel>` or `@everyone` never sits in a value looking like a mention), percent-escaped.
 */
function escapeArg(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f%&=+<>@]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).replace(/ /g, "+");
}
