/**
 * Text from users and documents reaches three surfaces that each treat some characters as commands: Slack
 * parses `<!channel>`-style tokens, Discord parses `<@123>`, `@everyone` and markdown, terminals obey escape
 * sequences. These functions turn such text into inert text for one target. Every target also breaks the
 * other platform's mention syntax, because the same reply text is rendered everywhere and a harmless-looking
 * token on one platform is a live ping on the other.
 */

import { replaceLoneSurrogates } from "../text/normalizeText.js";

const ZERO_WIDTH_SPACE = "\u200b";

/*
 * Complete escape sequences go before lone control characters; otherwise stripping only ESC would leave
 * `[31m` behind as visible debris. OSC strings need their terminator: an unterminated one would swallow the
 * rest of a quote, so it is left to the lone-ESC rule instead.
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "\\u001b\\[[0-?]*[ -/]*[@-~]", // CSI: colours, cursor movement
    "\\u001b\\][^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)", // OSC: titles, hyperlinks
    "\\u001b[PX^_][^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)", // DCS, SOS, PM, APC strings
    "\\u001b[ -/]+[0-~]", // nF: character set selection
    "\\u001b[0-~]", // two-character Fp/Fe/Fs sequences
    "\\u009b[0-?]*[ -/]*[@-~]", // 8-bit CSI
    "\\u009d[^\\u0007\\u009c]*(?:\\u0007|\\u009c)", // 8-bit OSC
  ].join("|"),
  "g",
);
// C0 except newline, DEL, C1.
const CONTROL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Any character the replacements below act on: C0 (newline included), DEL, C1, line separators, surrogates. */
const NEEDS_STRIPPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;

/**
 * Removes terminal escape sequences and C0/C1 control characters, keeping newlines; lone surrogates become U+FFFD.
 * Line-ending variants become `\n` and tabs become a space first, because deleting them would glue words together.
 */
export function stripControlCharacters(text: string): string {
  // Most text (every quote of a clean document) has nothing to strip; one scan says so.
  if (!NEEDS_STRIPPING.test(text)) return text;
  // Handlers shorten typed text with `slice` to echo it ("Nothing matches '…'"), which can split an emoji,
  // so the halves are replaced here, where all text leaves.
  const stripped = text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL_CHARACTER, "");
  return replaceLoneSurrogates(stripped);
}

/**
 * `@everyone`, `@here` (Discord, Slack) and `@channel` (Slack) ping whole channels when a platform decides to
 * parse them. A zero-width space after `@` keeps the text readable and unparseable.
 */
export function breakBroadcastMentions(text: string): string {
  return text.replace(/@(?=everyone|here|channel)/gi, `@${ZERO_WIDTH_SPACE}`);
}

/**
 * Discord parses `<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `</command:123>` and `<t:…>` only when `<` is
 * immediately followed by the token, so a zero-width space after every `<` disarms all of them, and Slack's
 * `<!here>`-style tokens with them.
 */
function breakAngleTokens(text: string): string {
  return text.replace(/</g, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Slack mrkdwn escaping: only `&`, `<` and `>` may be entity-encoded (Slack decodes no other entities), and
 * encoding `<` alone neutralises `<!channel>`, `<@U…>`, `<#C…>` and spoofed `<url|label>` links.
 */
export function escapeSlackMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for any Slack text object (mrkdwn or plain_text): inert, printable, no pings. */
export function neutralizeForSlack(text: string): string {
  return escapeSlackMrkdwn(breakBroadcastMentions(stripControlCharacters(text)));
}

/**
 * Backslash-escapes Discord markdown so quoted text renders as written and cannot restyle the reply, hide
 * itself in a spoiler, open a code block, fake a quote or heading, or disguise a link (`[label](url)`).
 * Parentheses are left alone: masked links need the escaped `[`, and citations stay clean.
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(/^([ \t]*)(>|#|-(?=[ \t]|#)|\+(?=[ \t]))/gm, "$1\\$2")
    .replace(/^([ \t]*\d+)\.(?=[ \t])/gm, "$1\\.");
}

/** Text for Discord surfaces that render markdown: embed description, field names and values. */
export function neutralizeForDiscord(text: string): string {
  return breakAngleTokens(breakBroadcastMentions(escapeDiscordMarkdown(stripControlCharacters(text))));
}

/**
 * Text for Discord surfaces that show text literally (embed title, footer, button labels), where markdown
 * escapes would show up as stray backslashes.
 */
export function neutralizeForDiscordPlain(text: string): string {
  return breakAngleTokens(breakBroadcastMentions(stripControlCharacters(text)));
}

/**
 * The `<` of anything that could be a token either platform parses (`<@…>`, `<#…>`, `<!…>`, `</cmd:…>`,
 * `<:emoji:…>`, `<t:…>`, `<https://…|…>` and other links), and no other: a terminal shows the zero-width space as nothing, so
 * breaking every `<` would leave invisible characters in plain text like `<question>`.
 */
const TOKEN_START = /<(?=[@#!/:]|(?:https?|mailto|tel|ftp|slack|t|a|id):)/gi;

/**
 * Text for a terminal. Nothing pings there, but CLI output gets pasted into chat, so mention syntax is broken
 * as well.
 */
export function neutralizeForTerminal(text: string): string {
  return breakBroadcastMentions(stripControlCharacters(text)).replace(TOKEN_START, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Puts back `<@id>` for the reply's own addressees in text `neutralize` has made inert, so a platform shows
 * each as the person's name (Discord sends no names with ids). Only ids already allowed to be pinged, and only
 * whole tokens: anything else stays inert.
 */
export function restoreAddressees(text: string, ids: readonly string[], neutralize: (text: string) => string): string {
  let restored = text;
  for (const id of ids) {
    const token = `<@${id}>`;
    restored = restored.split(neutralize(token)).join(token);
  }
  return restored;
}

/**
 * The ids a reply may ping, deduplicated. Ids are interpolated into `<@…>` verbatim, so anything but letters
 * and digits (Slack `U0123ABC`, Discord snowflakes) is refused rather than escaped: `U1><!channel` must not
 * become a second mention.
 */
export function mentionableIds(ids: readonly string[] | undefined): string[] {
  const valid = (ids ?? []).filter((id) => /^[A-Za-z0-9]{1,32}$/.test(id));
  return [...new Set(valid)];
}
