/**
 * `npm run --silent ask -- [--json] [--batch] [--limit N] [--knowledge DIR] "<question or /command>"`.
 * stdout carries only the answer (text, or one JSON object per query); diagnostics go to stderr. `--batch`
 * writes exactly one line per line read, blank lines included, so output lines up with input.
 */
import { createInterface } from "node:readline";
import { askCommand, askReply } from "../commands/core/ask.js";
import { createCommandRegistry } from "../commands/index.js";
import { loadKnowledge } from "../knowledge/index.js";
import { renderText } from "../platforms/console/render.js";
import { answerAsJson, isCommand, runCommandLine } from "../cli/answerQuery.js";
import { parseCliArguments, UsageError } from "../cli/cliArguments.js";
import { cliTraits } from "../platforms/console/traits.js";

async function main(): Promise<number> {
  const args = parseCliArguments(process.argv.slice(2));
  const knowledge = await loadKnowledge(args.knowledge.directory);
  for (const error of knowledge.errors) process.stderr.write(`knowledge: ${error.file}: ${error.message}\n`);
  const registry = createCommandRegistry(() => knowledge);

  const answer = async (query: string, json: boolean): Promise<string> => {
    if (isCommand(query)) {
      const reply = await runCommandLine(registry, query);
      return json ? JSON.stringify(reply) : renderText(reply);
    }
    if (json) return JSON.stringify(answerAsJson(knowledge, query, args.limit));
    return renderText(askReply(knowledge, { question: query }, { command: askCommand.name, page: 0, platform: cliTraits, perPage: args.limit }));
  };

  if (args.batch) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(`${await answer(line, true)}\n`);
    return 0;
  }
  const query = args.positional.join(" ");
  if (args.positional.length === 0) {
    process.stderr.write('usage: npm run ask -- [--json] [--batch] [--knowledge DIR] "<question or /command>"\n');
    return 2;
  }
  process.stdout.write(`${await answer(query, args.json)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask: ${error instanceof UsageError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
