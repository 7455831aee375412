/**
 * `npm run --silent knowledge -- [--json] [--knowledge DIR] [--text DOCUMENT]`: the parsed model of every
 * document, for checking what the parser made of a file; with `--text`, the text extracted from one document
 * (by id or file name), which every quote from it is a substring of. stdout carries only the model or text.
 */
import { readdir } from "node:fs/promises";
import { checkKnowledgeFolder } from "../config/knowledgeFolder.js";
import { documentIdOf, isDocumentFile, loadKnowledge, readDocument } from "../knowledge/index.js";
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

/** `--text <document>`: prints what the document's reader extracted, as JSON with its page map under --json. */
async function printExtractedText(directory: string, name: string, json: boolean): Promise<void> {
  const file = (await readdir(directory)).find((entry) => isDocumentFile(entry) && (entry === name || documentIdOf(entry) === name));
  if (!file) throw new Error(`no document "${name}" in ${directory}: give its id or file name (npm run knowledge lists them)`);
  const extracted = await readDocument(directory, file);
  process.stdout.write(json ? `${JSON.stringify({ file, ...extracted }, null, 2)}\n` : `${extracted.text}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const textAt = argv.indexOf("--text");
  const textOf = textAt >= 0 ? argv.splice(textAt, 2)[1] : undefined;
  if (textAt >= 0 && !textOf) throw new Error("--text needs a document id or file name");
  const args = parseCliArguments(argv);
  const problem = await checkKnowledgeFolder(args.knowledge);
  if (problem) throw new Error(problem);
  if (textOf) return printExtractedText(args.knowledge.directory, textOf, args.json);
  const knowledge = await loadKnowledge(args.knowledge.directory);
  const model = describeKnowledge(knowledge);
  if (!args.json) for (const error of knowledge.errors) process.stderr.write(`knowledge: ${error.file}: ${error.message}\n`);
  process.stdout.write(`${args.json ? JSON.stringify(model, null, 2) : renderSummary(model)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`knowledge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
