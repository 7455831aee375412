import { buildPassages, type SectionSentences } from "./buildPassages.js";
import { linkSources } from "./linkSources.js";
import { normalizeDocumentText } from "./normalizeText.js";
import { findReferenceListStart, parseReferences } from "./parseReferences.js";
import { repairBrokenLines } from "./repairLines.js";
import { collectLowerCaseWords, isStandaloneHeading, splitRunInHeading } from "./splitHeading.js";
import { splitSentences } from "./splitSentences.js";
import type { KnowledgeDocument, Section } from "./types.js";

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const TITLE_MAX_LENGTH = 200;

/**
 * Parses a document's text into sections, passages, citations and references, repairing the damage a
 * sentence-per-line export does: lines cut at abbreviations, headings run into their first sentence,
 * reference entries broken across lines. Throws when there is nothing to index.
 */
export function parseDocument(id: string, file: string, rawText: string): KnowledgeDocument {
  const allLines = normalizeDocumentText(rawText)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (allLines.length === 0) throw new Error("the file is empty");

  // A trailing list whose entries don't parse as references (no year) is body text after all.
  let referenceStart = findReferenceListStart(allLines);
  const references = parseReferences(allLines.slice(referenceStart));
  if (references.length === 0) referenceStart = allLines.length;

  const [firstLine, ...rest] = allLines.slice(0, referenceStart);
  const titleMatch = MARKDOWN_HEADING.exec(firstLine ?? "");
  const firstIsTitle = titleMatch !== null || (firstLine !== undefined && isTitleLine(firstLine));
  const title = titleMatch?.[1] ?? (firstIsTitle ? firstLine! : id);
  const bodyLines = repairBrokenLines(firstIsTitle ? rest : allLines.slice(0, referenceStart));
  const lowerCaseWords = collectLowerCaseWords(bodyLines);

  const sections: SectionSentences[] = [];
  let subtitle: string | null = null;
  const startSection = (heading: string) => sections.push({ heading, sectionIndex: sections.length, sentences: [] });
  bodyLines.forEach((line, lineIndex) => {
    const markdown = MARKDOWN_HEADING.exec(line);
    if (markdown) return startSection(markdown[1]!);
    if (isStandaloneHeading(line)) return startSection(line);
    const split = splitRunInHeading(line, lowerCaseWords);
    if (split) {
      if (lineIndex === 0 && firstIsTitle) subtitle = split.heading;
      startSection(split.heading);
    }
    if (sections.length === 0) startSection(title);
    sections.at(-1)!.sentences.push(...splitSentences(split ? split.body : line));
  });

  const passages = buildPassages(id, sections);
  if (passages.length === 0) throw new Error("no readable text: found no sentences to index");
  const sources = linkSources(passages, references);
  const sectionList: Section[] = sections
    .filter((section) => section.sentences.length > 0)
    .map((section, index) => {
      const passageIds = passages.filter((p) => p.sectionIndex === section.sectionIndex).map((p) => p.id);
      return { heading: section.heading, index, passageIds };
    });
  // Renumber passages' section indexes to the list that skips empty sections.
  const renumber = new Map(sections.filter((s) => s.sentences.length > 0).map((s, i) => [s.sectionIndex, i]));
  for (const passage of passages) passage.sectionIndex = renumber.get(passage.sectionIndex) ?? passage.sectionIndex;

  return {
    id,
    file,
    title,
    subtitle,
    sections: sectionList,
    passages,
    sources,
    references,
    problems: sources.flatMap((source) => source.problems),
  };
}

/** The first line is a title when it is short and does not end like a sentence. */
function isTitleLine(line: string): boolean {
  return line.length <= TITLE_MAX_LENGTH && !/[.!?,;:]["”’)]?$/.test(line);
}
