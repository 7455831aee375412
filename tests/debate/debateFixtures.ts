import { seededRandom } from "../support/seededRandom.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { CommandRegistry, createCommandRegistry } from "../../src/commands/index.js";
import type { CommandUser, PlatformTraits, Reply, ReplyQuote } from "../../src/commands/index.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

export const user: CommandUser = { id: "U0DANA", name: "dana" };

export async function loadDebateKnowledge(): Promise<KnowledgeBase> {
  return loadKnowledge("knowledge");
}

/** The registry adapters use, exactly as built for them. */
export function realRegistry(kb: KnowledgeBase): CommandRegistry {
  return createCommandRegistry(() => kb);
}

/** A small seeded generator (mulberry32), so a test can pin every random draw: the benchmark corpus's own. */
export { seededRandom };

/** The debate commands with pinned randomness, run by the real registry class. */
export function seededRegistry(kb: KnowledgeBase, seed: number): CommandRegistry {
  return createCommandRegistry(() => kb, { random: seededRandom(seed) });
}

export function run(registry: CommandRegistry, command: string, text = "", platform: PlatformTraits = consoleTraits): Promise<Reply> {
  return registry.run({ command, text, user, platform });
}

/** Each quote must be the document's own words: a whole passage or a sentence of one. */
export function expectVerbatim(kb: KnowledgeBase, quotes: readonly ReplyQuote[]): void {
  const passages = kb.documents.flatMap((document) => document.passages);
  for (const quote of quotes) {
    const passage = passages.find((p) => p.id === quote.passageId);
    if (!passage) throw new Error(`quote from unknown passage ${quote.passageId}`);
    if (quote.text !== passage.text && !passage.sentences.includes(quote.text)) {
      throw new Error(`not verbatim from ${passage.id}: ${quote.text}`);
    }
    // Every citation written in the quoted words is carried with it, and no other.
    const written = passage.citations.filter((c) => quote.text.includes(c.raw)).map((c) => `${c.author} ${c.year}`);
    const carried = quote.citations.map((c) => `${c.author} ${c.year}`);
    if (written.join("|") !== carried.join("|")) {
      throw new Error(`citations of "${quote.text.slice(0, 40)}…" are [${carried}] but it cites [${written}]`);
    }
  }
}
