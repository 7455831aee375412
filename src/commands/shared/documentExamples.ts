import type { KnowledgeBase } from "../../knowledge/index.js";
import { foldForComparison } from "../../text/normalizeText.js";
import { CONTINUING_OPENERS, SENTENCE_OPENERS, STOP_WORDS } from "../../text/englishWords.js";
import type { CommandDefinition } from "../registry/types.js";
import { argumentMapOf } from "../debate/analysis/stance/argumentMap.js";

/**
 * Examples for /help, Slack's manifest and Discord's command registration, taken from the documents
 * loaded, so a club reading an essay on anything sees its own names; generic words when none is loaded.
 * Command definitions write `{terms}`, `{source}`, `{sources}` or `{section}` where an example goes.
 */
export interface DocumentExamples {
  /** Two names or terms the documents use often: `lisbon, tram`. */
  terms: string;
  /** One cited author. */
  source: string;
  /** Two cited authors, as /compare takes them: `smith vs lee`. */
  sources: string;
  /** A section heading, lower case and short. */
  section: string;
}

export const GENERIC_EXAMPLES: DocumentExamples = {
  terms: "a name or term from the document",
  source: "an author the document cites",
  sources: "one author vs another",
  section: "a section heading",
};

const MAX_SECTION_WORDS = 3;

export function documentExamples(knowledge: KnowledgeBase | undefined): DocumentExamples {
  const documents = knowledge?.documents ?? [];
  if (!knowledge || documents.length === 0) return GENERIC_EXAMPLES;
  const titleWords = new Set(documents.flatMap((document) => foldForComparison(`${document.title} ${document.subtitle ?? ""}`).split(/[^\p{L}\p{N}]+/u)));
  const cited = new Set(documents.flatMap((document) => document.passages.flatMap((passage) => passage.citations.flatMap((c) => foldForComparison(c.raw).split(/[^\p{L}\p{N}]+/u)))));
  const names = knowledge
    .complete("terms", "")
    .map((name) => foldForComparison(name))
    .filter((name) => name.length > 2 && !SENTENCE_OPENERS.has(name) && !CONTINUING_OPENERS.has(name) && !STOP_WORDS.has(name))
    .filter((name) => !cited.has(name) && !name.split(/[^\p{L}\p{N}]+/u).some((part) => titleWords.has(part)));
  // Authors cited most, so the example is one a reader will find.
  const authors = documents
    .flatMap((document) => document.sources)
    .filter((source) => source.cited)
    .sort((a, b) => b.passageIds.length - a.passageIds.length || a.author.localeCompare(b.author))
    .map((source) => foldForComparison(source.author));
  // Two sources the text itself sets against each other make the best /compare example.
  const rivals = documents
    .flatMap((document) => argumentMapOf(document).opposed)
    .map(([first, second]) => [first.citations[0]?.author, second.citations.find((c) => c.author !== first.citations[0]?.author)?.author])
    .find(([a, b]) => a && b) as [string, string] | undefined;
  const distinctAuthors = [...new Set([...(rivals ?? []).map((author) => foldForComparison(author)), ...authors])];
  const section = documents
    .flatMap((document) => document.sections.slice(1))
    .sort((a, b) => b.passageIds.length - a.passageIds.length)[0]?.heading;
  return {
    terms: names.length >= 2 ? `${names[0]}, ${names[1]}` : (names[0] ?? GENERIC_EXAMPLES.terms),
    source: distinctAuthors[0] ?? GENERIC_EXAMPLES.source,
    sources: distinctAuthors.length >= 2 ? `${distinctAuthors[0]} vs ${distinctAuthors[1]}` : GENERIC_EXAMPLES.sources,
    section: section ? shortHeading(section) : GENERIC_EXAMPLES.section,
  };
}

/** `The Limits of Pricing: Who Pays` → `limits of pricing`: the heading's first content words, lower case. */
function shortHeading(heading: string): string {
  const words = heading
    .replace(/[:?!.].*$/, "")
    .split(/\s+/)
    .filter((word) => !/^(?:the|a|an)$/i.test(word));
  while (words.length > 1 && /^(?:and|of|or|in|on|for|to|the|with)$/i.test(words[Math.min(words.length, MAX_SECTION_WORDS) - 1]!)) words.splice(Math.min(words.length, MAX_SECTION_WORDS) - 1, 1);
  return words.slice(0, MAX_SECTION_WORDS).join(" ").toLowerCase();
}

/** The first of a list of examples: `lisbon` of `lisbon, tram`. */
export function firstExample(list: string): string {
  return list.split(",")[0]!.trim();
}

/** A command with every example placeholder in its description, usage and option descriptions filled. */
export function withExamples(command: CommandDefinition, examples: DocumentExamples): CommandDefinition {
  const fill = (text: string) => text.replace(/\{(terms|source|sources|section)\}/g, (_, key: keyof DocumentExamples) => examples[key]);
  if (![command.description, command.usage, ...command.options.map((option) => option.description)].some((text) => /\{\w+\}/.test(text))) {
    return command;
  }
  return {
    ...command,
    description: fill(command.description),
    usage: fill(command.usage),
    options: command.options.map((option) => ({ ...option, description: fill(option.description) })),
  };
}
