import type { KnowledgeBase, KnowledgeDocument, Source } from "../../../knowledge/index.js";
import { chooseDocument, documentOption } from "../../shared/chooseDocument.js";
import { referencesOf } from "../../shared/quotePassage.js";
import { answerReply, errorReply } from "../../../reply/builders.js";
import type { Reply, ReplyField, ReplyQuote } from "../../../reply/types.js";
import type { CommandDefinition } from "../../registry/types.js";
import { unitsOfPassage } from "../analysis/evidenceUnits.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { documentExamples } from "../../shared/documentExamples.js";

const SEPARATOR = /\s+(?:vs\.?|versus|v\.?|and|against)\s+|\s*[,;/&]\s*/i;
const QUOTES_PER_SOURCE = 3;
/**
 * Two source names without a separator are a few words ("council on foreign relations smith"). Each cut
 * costs two fuzzy searches, so longer text is not split: 2,000 characters of words took 15 s of event loop.
 */
const MAX_WORDS_TO_SPLIT = 12;

/**
 * /compare <source> <source>: two sources side by side: each one's reference (or why it cannot be checked)
 * and the sentences that cite it, so a debater sees who says what on the same page.
 */
export const compareCommand: CommandDefinition = {
  name: "compare",
  description: "Two sources' positions side by side: {sources}",
  usage: "<source> [vs] <source> [document: name]",
  options: [
    { name: "first", description: "A cited source: {source}", kind: "text", required: true, main: true, autocomplete: "sources" },
    { name: "second", description: "Another cited source", kind: "text", autocomplete: "sources" },
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge }) => {
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const documentId = choice.document?.id;
    const askForTwo = (problem?: string) => askForTwoSources(knowledge, choice.document, `/${command}`, problem);
    const names = splitNames(knowledge, args.first ?? "", args.second, documentId);
    if (!names) return askForTwo();
    const [a, b] = names.map((name) => knowledge.findSources(name, { documentId, limit: 1 })[0]);
    if (!a || !b) {
      const missing = names.filter((_, i) => ![a, b][i]).map((name) => `'${name.slice(0, 60)}'`);
      return askForTwo(`No cited source matches ${missing.join(" or ")}.`);
    }
    if (a.source.key === b.source.key && a.document.id === b.document.id) {
      return askForTwo(`Both names match ${describeSource(a.source)}: name two different sources.`);
    }

    const fields: ReplyField[] = [];
    const quotes: ReplyQuote[] = [];
    for (const { document, source } of [a, b]) {
      fields.push({ label: describeSource(source), value: sourceStanding(source) });
      quotes.push(...citingSentences(knowledge, document, source).slice(0, QUOTES_PER_SOURCE));
    }
    return answerReply(`${a.source.author} vs ${b.source.author}`, {
      text: "Each source's reference, then the sentences that cite it, quoted word for word.",
      quotes,
      references: referencesOf(quotes),
      fields,
    });
  },
};

/**
 * Two names from `first`/`second`, or from one typed line: `smith lee`, `smith vs lee`,
 * `financial times, lee`. Without a separator, the split where both halves name a source wins.
 */
export function splitNames(knowledge: KnowledgeBase, first: string, second: string | undefined, documentId?: string): [string, string] | null {
  if (first.trim() && second?.trim()) return [first.trim(), second.trim()];
  const parts = first.split(SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 2) return [parts[0]!, parts[1]!];
  const words = first.trim().split(/\s+/).filter(Boolean);
  if (words.length > MAX_WORDS_TO_SPLIT) return null;
  for (let cut = 1; cut < words.length; cut++) {
    const left = words.slice(0, cut).join(" ");
    const right = words.slice(cut).join(" ");
    const l = knowledge.findSources(left, { documentId, limit: 1 })[0];
    const r = knowledge.findSources(right, { documentId, limit: 1 })[0];
    if (l && r && l.source.key !== r.source.key) return [left, right];
  }
  return null;
}

function describeSource(source: Source): string {
  return `${source.author} (${source.year})`;
}

function sourceStanding(source: Source): string {
  const reference = source.reference?.text ?? "Not in the reference list.";
  const cited = `Cited in ${source.passageIds.length} passage${source.passageIds.length === 1 ? "" : "s"}.`;
  return [reference, ...source.problems.map((problem) => `Warning: ${problem}`), cited].join("\n");
}

/** The sentences (not whole passages) that cite the source, so two sources sharing a passage stay apart. */
function citingSentences(knowledge: KnowledgeBase, document: KnowledgeDocument, source: Source): ReplyQuote[] {
  return source.passageIds.flatMap((id) => {
    const passage = knowledge.passage(id);
    if (!passage) return [];
    return unitsOfPassage(passage)
      .filter((unit) => unit.citations.some((c) => knowledge.sourceOf(document.id, c)?.key === source.key))
      .map((unit) => quoteEvidence(knowledge, unit, source.author));
  });
}

/** `typed` is how the command is typed (`/compare`), for the example. */
function askForTwoSources(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, typed: string, problem?: string): Reply {
  const sources = (document ? [document] : knowledge.documents).flatMap((d) => d.sources.map(describeSource));
  const text = `${problem ? `${problem} ` : ""}Name two cited sources, for example: ${typed} ${documentExamples(knowledge).sources}`;
  return errorReply("Which two sources?", text, {
    fields: sources.length > 0 ? [{ label: "Cited sources", value: [...new Set(sources)].join(", ") }] : [],
  });
}
