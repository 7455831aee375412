/**
 * A Reply as terminal text, for the console and the CLI. Nothing is dropped (a terminal has no message limits),
 * but document and user text is stripped of escape sequences so a passage cannot recolour, retitle or clear the
 * terminal; colour comes only from this renderer, and only when asked for.
 */

import wrapAnsi from "wrap-ansi";
import type { Reply, ReplyField, ReplyQuote } from "../../reply/types.js";
import { citationHasWarning, describeCitation, describeOrigin } from "../../render/describeProvenance.js";
import { markAnswering } from "../../render/markAnswering.js";
import { neutralizeForTerminal } from "../../render/neutralizeMentions.js";

export interface RenderTextOptions {
  /** ANSI colour and weight; off by default so piped output stays plain. */
  color?: boolean;
  /**
   * The terminal's width: lines are wrapped between words to fit, keeping their indent (a quote stays visibly
   * one quote). Unwrapped when not given, as piped output should be.
   */
  width?: number;
  /** Show each quote's passage id beside its number, as `/context <passage id>` takes it. */
  passageIds?: boolean;
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
/** Narrower than this, wrapping would leave a word or two per line; the terminal's own wrapping reads better. */
const MIN_WRAP_WIDTH = 30;

export function renderText(reply: Reply, options: RenderTextOptions = {}): string {
  const style = options.color ? COLOURED : PLAIN;
  const clean = neutralizeForTerminal;
  const blocks: string[] = [];

  const title = clean(reply.title).trim();
  if (title) blocks.push(style.bold(title));
  if (reply.text?.trim()) blocks.push(clean(reply.text).trim());

  reply.quotes.forEach((quote, index) => blocks.push(renderQuote(quote, index + 1, style, options.passageIds ?? false)));

  if (reply.references?.length) {
    blocks.push([style.bold("References"), ...reply.references.map((ref) => `${INDENT}• ${clean(ref)}`)].join("\n"));
  }
  if (reply.fields?.length) blocks.push(renderFields(reply.fields, style));
  if (reply.footer?.trim()) blocks.push(style.dim(clean(reply.footer).trim()));
  if (reply.actions?.length) {
    blocks.push(reply.actions.map((action) => style.hint(`[${clean(action.label)}]`)).join("  "));
  }
  const text = blocks.join("\n\n") + "\n";
  return options.width && options.width >= MIN_WRAP_WIDTH ? wrapLines(text, options.width) : text;
}

/**
 * `[1] Label (passage id)`, then the passage indented (every line, so a multi-line passage stays visibly one quote), then
 * where it is from and one line per citation, warnings marked so they are not read as references.
 */
function renderQuote(quote: ReplyQuote, number: number, style: typeof PLAIN, passageIds: boolean): string {
  const id = passageIds ? ` ${style.dim(`(${neutralizeForTerminal(quote.passageId)})`)}` : "";
  const heading = `${style.bold(`[${number}]${quote.label ? ` ${neutralizeForTerminal(quote.label)}` : ""}`)}${id}`;
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
  return [heading, ...passage, ...provenance].join("\n");
}

/**
 * `Label: value` a line each; a value of several lines goes under its label, indented, and then every field
 * is set apart by a blank line, so one document's or team's lines never run into the next.
 */
function renderFields(fields: readonly ReplyField[], style: typeof PLAIN): string {
  const rendered = fields.map((field) => {
    const label = style.bold(`${neutralizeForTerminal(field.label).trim()}:`);
    const lines = neutralizeForTerminal(field.value).trim().split("\n");
    return lines.length === 1 ? `${label} ${lines[0]}` : [label, ...lines.map((line) => INDENT + line)].join("\n");
  });
  const separate = fields.some((field) => field.value.trim().includes("\n"));
  return rendered.join(separate ? "\n\n" : "\n");
}

/**
 * Each line wrapped to `width` between words (a word longer than a line is split, as the terminal would),
 * continuation lines indented like the line's text: under the passage for a quote, under the text after a
 * bullet (`• `, `- `, `1. `) for a list.
 */
function wrapLines(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      const rest = line.slice(indent.length);
      const marker = /^(?:[•-]|\d{1,3}\.) /.exec(rest)?.[0] ?? "";
      const lead = indent + marker;
      const body = rest.slice(marker.length);
      const lines = wrapAnsi(body, Math.max(MIN_WRAP_WIDTH / 2, width - lead.length), { hard: true, trim: true }).split("\n");
      return lines.map((part, i) => (i === 0 ? lead : " ".repeat(lead.length)) + part).join("\n");
    })
    .join("\n");
}
