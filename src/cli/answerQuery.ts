import { answerQuestion, type AnswerRoute } from "../commands/core/answerQuestion.js";
import type { CommandRegistry } from "../commands/registry/commandRegistry.js";
import type { Reply } from "../reply/types.js";
import { pagesOf, type Confidence, type KnowledgeBase } from "../knowledge/index.js";
import { cliTraits } from "../platforms/console/traits.js";

/** The `--json` answer to a plain question: the CLI contract that outside scripts depend on. */
export interface QueryAnswer {
  query: string;
  results: Array<{
    text: string;
    document: string;
    section: string;
    /** PDFs: the page the passage starts on, and the page it ends on when later. */
    page?: number;
    pageEnd?: number;
    citations: Array<{ author: string; year: string; reference: string | null }>;
    score: number;
    /** In a passage of several sentences, the one that answered (verbatim). */
    sentence?: string;
  }>;
  /** `strong`: a passage answers it; `weak`: the nearest passages only; `none`: the documents do not address it. */
  confidence: Confidence;
  /** The question's content words that no document uses, after spelling, variants and aliases. */
  unmatched: string[];
  /** Where the passages come from: a search, or the document's thesis, conclusion, a section or a cited source. */
  answeredFrom: AnswerRoute;
  /** Why there are no results (an empty query, nothing matched), when there are none. */
  message?: string;
  corrections?: Array<{ from: string; to: string }>;
}

export function isCommand(query: string): boolean {
  return query.trimStart().startsWith("/");
}

/** Splits `/source ostrom` into its command and text. */
export function splitCommand(query: string): { command: string; text: string } {
  const match = /^\s*\/(\S*)\s*([\s\S]*)$/.exec(query);
  return { command: match?.[1] ?? "", text: (match?.[2] ?? "").trim() };
}

export function answerAsJson(knowledge: KnowledgeBase, query: string, limit: number): QueryAnswer {
  if (!query.trim()) {
    return {
      query,
      results: [],
      confidence: "none",
      unmatched: [],
      answeredFrom: "search",
      message: "The question is empty: ask something, e.g. what does the author conclude?",
    };
  }
  const answer = answerQuestion(knowledge, query, { limit });
  const results = answer.hits.map(({ passage, score, sentence }) => ({
    text: passage.text,
    document: passage.documentId,
    section: passage.section,
    ...pagesOf(passage),
    citations: passage.citations.map((citation) => ({
      author: citation.author,
      year: citation.year,
      reference: knowledge.sourceOf(passage.documentId, citation)?.reference?.text ?? null,
    })),
    score: Math.round(score * 1000) / 1000,
    ...(sentence ? { sentence } : {}),
  }));
  const json: QueryAnswer = { query, results, confidence: answer.confidence, unmatched: answer.unmatched, answeredFrom: answer.route };
  if (answer.corrections.length > 0) json.corrections = answer.corrections;
  if (results.length === 0) {
    const suggestions = knowledge.suggest(query);
    const missing = answer.unmatched.length > 0 ? `No document mentions ${answer.unmatched.join(", ")}.` : `Nothing matches '${query.slice(0, 80)}'.`;
    json.message = `${missing}${suggestions.length ? ` Did you mean: ${suggestions.join(", ")}?` : ""}`;
  }
  return json;
}

/** A `/command` through the registry, as the console would run it. */
export function runCommandLine(registry: CommandRegistry, query: string): Promise<Reply> {
  const { command, text } = splitCommand(query);
  return registry.run({ command, text, user: { id: "cli", name: "cli" }, platform: cliTraits });
}
