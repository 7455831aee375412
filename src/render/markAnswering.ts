import type { ReplyQuote } from "../reply/types.js";

/**
 * Renders a quote's (possibly cut) text with its answering sentence marked: `escape` for each part, `mark`
 * around the sentence. When the sentence is not whole in `text` (it was cut), nothing is marked.
 */
export function markAnswering(
  quote: ReplyQuote,
  text: string,
  escape: (part: string) => string,
  mark: (escapedSentence: string) => string,
): string {
  const sentence = quote.answering;
  const at = sentence ? text.indexOf(sentence) : -1;
  if (!sentence || at < 0 || sentence === text.trim()) return escape(text);
  return escape(text.slice(0, at)) + mark(escape(sentence)) + escape(text.slice(at + sentence.length));
}
