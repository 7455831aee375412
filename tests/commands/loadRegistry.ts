import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { createCommandRegistry, type CommandRegistry } from "../../src/commands/index.js";
import type { Reply } from "../../src/reply/types.js";
import type { PlatformTraits } from "../../src/commands/registry/types.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";

export const MINSK_PASSAGE =
  "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
export const THESIS_START = "Despite intermittent diplomatic overtures, Russia-Ukraine peace talks remain deadlocked";

export interface Bot {
  knowledge: KnowledgeBase;
  registry: CommandRegistry;
  /** Runs `/command text` as a user would type it. */
  run: (command: string, text?: string, platform?: PlatformTraits) => Promise<Reply>;
}

export async function loadBot(directory = "knowledge"): Promise<Bot> {
  const knowledge = await loadKnowledge(directory);
  const registry = createCommandRegistry(() => knowledge);
  return {
    knowledge,
    registry,
    run: (command, text = "", platform = slackTraits) => registry.run({ command, text, user: { id: "U999", name: "asker" }, platform }),
  };
}

/** Every verbatim passage text in the loaded knowledge, to check that quotes are never paraphrased. */
export function passageTexts(knowledge: KnowledgeBase): Set<string> {
  return new Set(knowledge.documents.flatMap((document) => document.passages.map((passage) => passage.text)));
}
