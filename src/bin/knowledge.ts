/**
 * `npm run --silent knowledge -- [--json] [--knowledge DIR]`: the parsed model of every document, for
 * checking what the parser made of a file. stdout carries only the model.
 */
import { checkKnowledgeFolder } from "../config/knowledgeFolder.js";
import { loadKnowledge } from "../knowledge/index.js";
import { parseCliArguments } from "../cli/cliArguments.js";
import { describeKnowledge } from "../cli/describeKnowledge.js";

function renderSummary(model: ReturnType<typeof describeKnowledge>): string {
  const lines: string[] = [];
  for (const document of model.documents) {
    lines.push(`${document.title} (${document.id}): ${document.sections.length} sections, ${document.passages.length} passages`);
    for (const section of document.sections) lines.push(`  § ${section.heading}`);
    lines.push("  Citations:");
    for (const c of document.citations) {
      lines.push(`    ${c.author} (${c.year}) — ${c.passages} passage(s) — ${c.reference ?? "not in the reference list"}`);
    }
    if (document.problems.length) lines.push("  Problems:", ...document.problems.map((p) => `    - ${p}`));
  }
  for (const error of model.errors) lines.push(`! ${error.file}: ${error.message}`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseCliArguments(argv);
  const problem = await checkKnowledgeFolder(args.knowledge);
  if (problem) throw new Error(problem);
  const knowledge = await loadKnowledge(args.knowledge.directory);
  const model = describeKnowledge(knowledge);
  if (!args.json) for (const error of knowledge.errors) process.stderr.write(`knowledge: ${error.file}: ${error.message}\n`);
  process.stdout.write(`${args.json ? JSON.stringify(model, null, 2) : renderSummary(model)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`knowledge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
