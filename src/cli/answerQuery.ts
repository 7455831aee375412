import type { CommandRegistry } from "../commands/commandRegistry.js";
import type { Reply } from "../commands/reply.js";
import type { KnowledgeBase } from "../knowledge/index.js";

/** The `--json` answer to a plain question: the CLI contract that outside scripts depend on. */
export interface QueryAnswer {
  query: string;
  results: Array<{
    text: string;
    document: string;
    section: string;
    citations: Array<{ author: string; year: string; reference: string | null }>;
    score: number;
  }>;
  /** Why there are no results (an empty query, nothing matched), when there are none. */
  message?: string;
  corrections?: Array<{ from: string; to: string }>;
}

export function isCommand(query: string): boolean {
  return query.trimStart().startsWith("/");
}

/** Splits `/source minsk` into its command and text. */
export function splitCommand(query: string): { command: string; text: string } {
  const match = /^\s*\/(\S*)\s*([\s\S]*)$/.exec(query);
  return { command: match?.[1] ?? "", text: (match?.[2] ?? "").trim() };
}

export function answerQuestion(knowledge: KnowledgeBase, query: string, limit: number): QueryAnswer {
  if (!query.trim()) return { query, results: [], message: "The question is empty: ask something, e.g. what is the main argument?" };
  const outcome = knowledge.search(query, { limit });
  const results = outcome.hits.map(({ passage, score }) => ({
    text: passage.text,
    document: passage.documentId,
    section: passage.section,
    citations: passage.citations.map((citation) => ({
      author: citation.author,
      year: citation.year,
      reference: knowledge.sourceOf(passage.documentId, citation)?.reference?.text ?? null,
    })),
    score: Math.round(score * 1000) / 1000,
  }));
  const answer: QueryAnswer = { query, results };
  if (outcome.corrections.length > 0) answer.corrections = outcome.corrections;
  if (results.length === 0) {
    const suggestions = knowledge.suggest(query);
    answer.message = `Nothing matches '${query.slice(0, 80)}'.${suggestions.length ? ` Did you mean: ${suggestions.join(", ")}?` : ""}`;
  }
  return answer;
}

/** A `/command` through the registry, as the console would run it. */
export function runCommandLine(registry: CommandRegistry, query: string): Promise<Reply> {
  const { command, text } = splitCommand(query);
  return registry.run({ command, text, user: { id: "cli", name: "cli" }, platform: "cli" });
}
