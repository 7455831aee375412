/**
 * A Reply as terminal text, for the CLI. Nothing is dropped (a terminal has no message limits), but document
 * and user text is stripped of escape sequences so a passage cannot recolour, retitle or clear the terminal;
 * colour comes only from this renderer, and only when asked for.
 */

import type { Reply, ReplyQuote } from "../commands/reply.js";
import { citationHasWarning, describeCitation, describeOrigin } from "./describeProvenance.js";
import { markAnswering } from "./markAnswering.js";
import { neutralizeForTerminal } from "./neutralizeMentions.js";

export interface RenderTextOptions {
  /** ANSI colour and weight; off by default so piped output stays plain. */
  color?: boolean;
}

type Style = (text: string) => string;

const sgr =
  (open: number, close: number): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const identity: Style = (text) => text;

const COLOURED = { bold: sgr(1, 22), dim: sgr(2, 22), warn: sgr(33, 39), hint: sgr(36, 39), answer: (text: string) => sgr(1, 22)(sgr(4, 24)(text)) };
/** Without colour the answering sentence is marked as Markdown would, so it still stands out when pasted. */
const PLAIN = { bold: identity, dim: identity, warn: identity, hint: identity, answer: (text: string) => `**${text}**` };

const INDENT = "    ";

export function renderText(reply: Reply, options: RenderTextOptions = {}): string {
  const style = options.color ? COLOURED : PLAIN;
  const clean = neutralizeForTerminal;
  const blocks: string[] = [];

  const title = clean(reply.title).trim();
  if (title) blocks.push(style.bold(title));
  if (reply.text?.trim()) blocks.push(clean(reply.text).trim());

  reply.quotes.forEach((quote, index) => blocks.push(renderQuote(quote, index + 1, style)));

  if (reply.references?.length) {
    blocks.push([style.bold("References"), ...reply.references.map((ref) => `${INDENT}• ${clean(ref)}`)].join("\n"));
  }
  if (reply.fields?.length) {
    blocks.push(reply.fields.map((field) => `${style.bold(`${clean(field.label)}:`)} ${clean(field.value)}`).join("\n"));
  }
  if (reply.footer?.trim()) blocks.push(style.dim(clean(reply.footer).trim()));
  if (reply.actions?.length) {
    blocks.push(reply.actions.map((action) => style.hint(`[${clean(action.label)}]`)).join("  "));
  }
  return blocks.join("\n\n") + "\n";
}

/**
 * `[1] Label`, then the passage indented (every line, so a multi-line passage stays visibly one quote), then
 * where it is from and one line per citation, warnings marked so they are not read as references.
 */
function renderQuote(quote: ReplyQuote, number: number, style: typeof PLAIN): string {
  const heading = `[${number}]${quote.label ? ` ${neutralizeForTerminal(quote.label)}` : ""}`;
  const passage = markAnswering(quote, quote.text, neutralizeForTerminal, style.answer)
    .split("\n")
    .map((line) => INDENT + line);
  const origin = describeOrigin(quote);
  const provenance = [
    ...(origin ? [style.dim(`— ${neutralizeForTerminal(origin)}`)] : []),
    ...quote.citations.map((citation) => {
      const line = neutralizeForTerminal(describeCitation(citation));
      return citationHasWarning(citation) ? style.warn(`! ${line}`) : line;
    }),
  ].map((line) => INDENT + line);
  return [style.bold(heading), ...passage, ...provenance].join("\n");
}
