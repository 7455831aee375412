/**
 * Text hygiene shared by the parser and the search index. Documents arrive from anywhere, so we normalise
 * Unicode and drop control characters before anything else looks at them.
 */

/*
 * C0/C1 controls except tab and newline; the zero-width space, direction marks and overrides, and the BOM,
 * which carry no letter and can hide text in chat. Not the zero-width non-joiner and joiner (U+200C, U+200D):
 * they are part of how words are spelled (Persian `می‌خواهیم`) and of emoji (`👩🏽‍⚖️`), so removing them would
 * change a quote.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Joiners change how a word is drawn, not which word it is: compared without them, typed or not. */
const JOINERS = /[\u200C\u200D]/g;

/** The text without U+200C/U+200D, for comparing words; never for what is quoted. */
export function removeJoiners(text: string): string {
  return text.replace(JOINERS, "");
}

export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/** Half a surrogate pair (a split emoji): it has no UTF-8 form, and URL encoding turns it into U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Each half surrogate pair replaced by U+FFFD, the character encoders would make of it anyway. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, "\ufffd");
}

/** NFC, Unix newlines, no BOM or control characters, tabs as spaces, runs of spaces folded. */
export function normalizeDocumentText(text: string): string {
  return removeControlCharacters(text.normalize("NFC").replace(/\r\n?/g, "\n"))
    .replace(/\t/g, " ")
    .replace(/[ \u00A0]{2,}/g, " ");
}

/**
 * Lower case without diacritics or joiners: the form names and words are compared in (`Communiqué` ~
 * `communique`, `می‌خواهیم` ~ `میخواهیم`).
 */
export function foldForComparison(text: string): string {
  return removeJoiners(text)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}
