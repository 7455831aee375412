/**
 * The parts of the README generated from the code, so they cannot drift: the command table (from the registry)
 * and "A real session" (the console's own output for a few lines, at a fixed width). `readme.test.ts` checks
 * them; `npm run readme` writes them after a change that moves them.
 */
import { PassThrough } from "node:stream";
import { startConsole } from "../../src/platforms/console/index.js";
import { createCommandRegistry, renderCommandTable } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { Conversation } from "../../src/conversation/index.js";
import { createMemoryStore } from "../../src/store/index.js";

/** What the session types, as a newcomer would: a typo'd name, a typo'd author, a question. */
export const SESSION_LINES = ["/source minks", "/cite mershimer", "who brokered the grain deal?"];
/** The width the session is wrapped to, as a terminal that wide would show it. */
export const SESSION_WIDTH = 100;

export async function generatedCommandTable(knowledgeDir = "knowledge"): Promise<string> {
  const knowledge = await loadKnowledge(knowledgeDir);
  return renderCommandTable(createCommandRegistry(() => knowledge).list());
}

/** The lines piped through the console adapter `npm start` runs, exactly as it prints them. */
export async function generatedSession(knowledgeDir = "knowledge"): Promise<string> {
  const knowledge = await loadKnowledge(knowledgeDir);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const session = startConsole({ registry: createCommandRegistry(() => knowledge), input, output, width: () => SESSION_WIDTH });
  input.end(`${SESSION_LINES.join("\n")}\n`);
  await session.done;
  return `\`\`\`text\n${text.trimEnd()}\n\`\`\`\n`;
}

/** A thread, as the README's Conversation section shows it: a question, then follow-ups read against it. */
export const THREAD_LINES = ["why did the Istanbul talks fail?", "and China?", "who says so?"];

/** The thread's lines piped through the console with its conversation, as `npm start` answers them. */
export async function generatedThread(knowledgeDir = "knowledge"): Promise<string> {
  const knowledge = await loadKnowledge(knowledgeDir);
  const registry = createCommandRegistry(() => knowledge);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const conversation = new Conversation({ registry, state: createMemoryStore() });
  const session = startConsole({ registry, input, output, width: () => SESSION_WIDTH, conversation });
  input.end(`${THREAD_LINES.join("\n")}\n`);
  await session.done;
  return `\`\`\`text\n${text.trimEnd()}\n\`\`\`\n`;
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeBlock(readme: string, name: string): string | undefined {
  return new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme)?.[1];
}

export function withReadmeBlock(readme: string, name: string, content: string): string {
  if (readmeBlock(readme, name) === undefined) throw new Error(`README.md has no ${name}:start/${name}:end markers`);
  return readme.replace(new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`), (_, start: string, end: string) => start + content + end);
}
