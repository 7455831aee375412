import { buildPassages, type SectionParagraphs } from "./buildPassages.js";
import { linkSources } from "./linkSources.js";
import { sourceKey } from "./parseCitations.js";
import { normalizeDocumentText } from "../text/normalizeText.js";
import { findReferenceListStart, parseReferences } from "./parseReferences.js";
import { repairBrokenLines, type DocumentLine } from "./repairLines.js";
import { collectLowerCaseWords, isStandaloneHeading, splitRunInHeading } from "./splitHeading.js";
import { splitSentences } from "./splitSentences.js";
import type { KnowledgeDocument, Section } from "./types.js";

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const TITLE_MAX_LENGTH = 200;
/** Lines holding this many sentences on average are paragraphs, even with no blank line between them. */
const SENTENCES_PER_PARAGRAPH_LINE = 1.5;

/**
 * Parses a document's text into sections, passages, citations and references, repairing the damage a
 * sentence-per-line export does: lines cut at abbreviations, headings run into their first sentence,
 * reference entries broken across lines. Text with Markdown headings is taken at its word: a `#` line is
 * a heading, whole, and no other line is; the heading heuristics are for text without markup. Paragraphs
 * (blank lines, or lines that each hold several sentences) bound passages. Throws when there is nothing to
 * index.
 */
export function parseDocument(id: string, file: string, rawText: string): KnowledgeDocument {
  const lines = readLines(rawText);
  if (lines.length === 0) throw new Error("the file is empty");
  const allLines = lines.map((line) => line.text);

  // A trailing list whose entries don't parse as references (no year) is body text after all.
  let referenceStart = findReferenceListStart(allLines);
  const references = parseReferences(allLines.slice(referenceStart));
  if (references.length === 0) referenceStart = allLines.length;

  const markup = allLines.slice(0, referenceStart).some((line) => MARKDOWN_HEADING.test(line));
  const [firstLine, ...rest] = lines.slice(0, referenceStart);
  const titleMatch = MARKDOWN_HEADING.exec(firstLine?.text ?? "");
  const firstIsTitle = titleMatch !== null || (firstLine !== undefined && !markup && isTitleLine(firstLine.text));
  const title = titleMatch?.[1] ?? (firstIsTitle ? firstLine!.text : id);
  const bodyLines = repairBrokenLines(firstIsTitle ? rest : lines.slice(0, referenceStart));
  const lowerCaseWords = markup ? new Set<string>() : collectLowerCaseWords(bodyLines.map((line) => line.text));
  const lineSentences = bodyLines.map((line) => splitSentences(line.text));
  const linesAreParagraphs =
    !bodyLines.some((line) => line.opensParagraph) && averageSentencesPerLine(bodyLines, lineSentences) >= SENTENCES_PER_PARAGRAPH_LINE;

  const sections: SectionParagraphs[] = [];
  let subtitle: string | null = null;
  const startSection = (heading: string) => sections.push({ heading, sectionIndex: sections.length, paragraphs: [] });
  bodyLines.forEach((line, lineIndex) => {
    const markdown = MARKDOWN_HEADING.exec(line.text);
    if (markdown) return startSection(markdown[1]!);
    if (!markup && isStandaloneHeading(line.text)) return startSection(line.text);
    const split = markup ? null : splitRunInHeading(line.text, lowerCaseWords);
    if (split) {
      if (lineIndex === 0 && firstIsTitle) subtitle = split.heading;
      startSection(split.heading);
    }
    if (sections.length === 0) startSection(title);
    const section = sections.at(-1)!;
    const sentences = split ? splitSentences(split.body) : lineSentences[lineIndex]!;
    const newParagraph = section.paragraphs.length === 0 || line.opensParagraph || linesAreParagraphs || split !== null;
    if (newParagraph) section.paragraphs.push(sentences);
    else section.paragraphs.at(-1)!.push(...sentences);
  });

  const listed = new Set(references.map((reference) => sourceKey(reference.author, reference.year)));
  const passages = buildPassages(id, sections, (author, year) => listed.has(sourceKey(author, year)));
  if (passages.length === 0) throw new Error("no readable text: found no sentences to index");
  const sources = linkSources(passages, references);
  const kept = sections.filter((section) => section.paragraphs.some((paragraph) => paragraph.length > 0));
  const sectionList: Section[] = kept.map((section, index) => {
    const passageIds = passages.filter((p) => p.sectionIndex === section.sectionIndex).map((p) => p.id);
    return { heading: section.heading, index, passageIds };
  });
  // Renumber passages' section indexes to the list that skips empty sections.
  const renumber = new Map(kept.map((s, i) => [s.sectionIndex, i]));
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

/** Non-blank lines, trimmed, each knowing whether a blank line came before it. */
function readLines(rawText: string): DocumentLine[] {
  const lines: DocumentLine[] = [];
  let blankBefore = false;
  for (const raw of normalizeDocumentText(rawText).split("\n")) {
    const text = raw.trim();
    if (!text) {
      blankBefore = lines.length > 0;
      continue;
    }
    lines.push({ text, opensParagraph: blankBefore });
    blankBefore = false;
  }
  return lines;
}

function averageSentencesPerLine(lines: readonly DocumentLine[], sentences: readonly string[][]): number {
  let prose = 0;
  let total = 0;
  lines.forEach((line, i) => {
    if (MARKDOWN_HEADING.test(line.text) || isStandaloneHeading(line.text)) return;
    prose++;
    total += sentences[i]!.length;
  });
  return prose === 0 ? 0 : total / prose;
}

/** The first line is a title when it is short and does not end like a sentence. */
function isTitleLine(line: string): boolean {
  return line.length <= TITLE_MAX_LENGTH && !/[.!?,;:]["”’)]?$/.test(line);
}
