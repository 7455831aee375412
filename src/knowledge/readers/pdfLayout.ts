/**
 * From the positioned runs of text a PDF holds to the text a reader reads: lines rebuilt from runs, running
 * headers, footers and page numbers dropped, two columns read one after the other, paragraphs joined across
 * lines, columns and pages, words hyphenated at a line end mended, and headings told by their larger type.
 * Pure geometry and text: `pdfReader.ts` feeds it what pdf.js extracts.
 */
import { normalizeDocumentText } from "../../text/normalizeText.js";
import { isStandaloneHeading } from "../splitHeading.js";
import type { ExtractedText, PageStart } from "./types.js";

/** A run of text as the PDF places it: `y` is the baseline, from the bottom of the page, in points. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

export interface PdfPageText {
  /** From 1. */
  page: number;
  height: number;
  runs: TextRun[];
}

/** Tuning, in multiples of the font size unless said otherwise. */
const LAYOUT = {
  /** Runs on one baseline further apart than this are separate pieces of text (columns, table cells). */
  segmentGap: 1.0,
  /** Runs closer than this touch: no space between them (a superscript, a kerned word split in two). */
  touchingGap: 0.15,
  /** Runs whose baselines differ by less than this share a line (superscripts included). */
  baselineTolerance: 0.5,
  /** Share of the page height, from the top and from the bottom, where running headers and footers sit. */
  marginZone: 0.1,
  /** How many lines at the top and at the bottom of a page may be running headers, footers or page numbers. */
  runningRows: 3,
  /** Points a running header may move from page to page. */
  runningDrift: 2,
  /** The gutter between two columns is looked for in this middle share of the text's width. */
  gutterSearch: [0.25, 0.75] as const,
  /** Columns' lines fill at least this share of the column (a table's cells do not). */
  columnFill: 0.5,
  /** At least this many lines on each side of the gutter make a page two columns. */
  minColumnLines: 3,
  /** A line whose type is this much larger than the body's is a heading. */
  headingScale: 1.15,
  headingMaxCharacters: 200,
  /** A gap between lines this much larger than the usual line spacing ends a paragraph. */
  paragraphGap: 1.45,
  /** A line starting this far right of the one above opens a paragraph (first-line indent). */
  indent: 0.8,
  /** Estimated widths of words are this much too small at worst (proportional type). */
  fitMargin: 1.25,
} as const;

/** A Roman numeral, as front matter is numbered (`xii`, `IV`). */
const ROMAN = "(?=[ivxlcdm])(?:m{0,3})(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})";
/** A page number on its own: `12`, `- 12 -`, `Page 12`, `12 of 30`, `xii`. */
const PAGE_NUMBER = new RegExp(`^(?:page\\s+|p\\.\\s*)?[-–—]?\\s*(?:\\d{1,4}|${ROMAN})\\s*[-–—]?(?:\\s*(?:of|/)\\s*\\d{1,4})?$`, "i");

/** A piece of a line: runs on one baseline close enough together to be read as one. */
interface Segment {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
}

/** A segment in reading order, knowing its column and whether it starts a new flow (page, column). */
interface Line extends Segment {
  columnLeft: number;
  columnRight: number;
  /** First line of a page or of a column: the vertical gap to the line before means nothing. */
  flowStart: boolean;
}

interface Block {
  /** 0 for a paragraph, else the heading level. */
  level: number;
  pieces: { text: string; page: number; glue: string }[];
  last: Line;
}

/**
 * Lays out a PDF's pages as text with a page map. `isWord` says whether a lower-case word is a word, to
 * tell a hyphen a line break added (`nego-` / `tiations`) from one the word has (`well-` / `known`).
 */
export function layOutPdf(pages: readonly PdfPageText[], isWord: (word: string) => boolean): ExtractedText {
  const segments = removeRunningLines(pages.map(segmentsOf), pages);
  const lines = segments.flatMap(readingOrder);
  return writeBlocks(buildBlocks(lines, isWord));
}

/** The page's runs grouped into segments, top to bottom, left to right. */
function segmentsOf(page: PdfPageText): Segment[] {
  const runs = page.runs
    .map((run) => ({ ...run, text: normalizeDocumentText(run.text) }))
    .filter((run) => run.text.trim() !== "" && run.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    const tolerance = LAYOUT.baselineTolerance * Math.max(run.size, row?.[0]!.size ?? 0);
    if (row && Math.abs(row[0]!.y - run.y) <= tolerance) row.push(run);
    else rows.push([run]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    for (const run of row) {
      const gap = current ? run.x - current.right : Infinity;
      const size = Math.max(run.size, current?.size ?? 0);
      if (!current || gap > LAYOUT.segmentGap * size) {
        current = { text: run.text.trim(), x: run.x, right: run.x + run.width, y: row[0]!.y, size: run.size, page: page.page };
        segments.push(current);
        continue;
      }
      const space = gap > LAYOUT.touchingGap * size && !/\s$/.test(current.text) && !/^\s/.test(run.text);
      current.text = `${current.text}${space ? " " : ""}${run.text}`.replace(/\s+$/, "");
      current.right = Math.max(current.right, run.x + run.width);
      current.size = size;
    }
  }
  for (const segment of segments) segment.text = segment.text.replace(/\s+/g, " ").trim();
  return segments;
}

/**
 * Drops running headers and footers and page numbers: among the three top and three bottom lines of a page, those
 * in the margin that are a page number, or that another page repeats at the same height (numbers aside, so
 * `Chapter 2 · 14` matches `Chapter 2 · 15`).
 */
function removeRunningLines(pages: Segment[][], geometry: readonly PdfPageText[]): Segment[][] {
  const keyOf = (segment: Segment) => segment.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
  const candidates = pages.map((segments, i) => {
    const height = geometry[i]!.height;
    const rows = [...new Set(segments.map((segment) => segment.y))].sort((a, b) => b - a);
    const outer = new Set([...rows.slice(0, LAYOUT.runningRows), ...rows.slice(-LAYOUT.runningRows)]);
    const inMargin = (y: number) => y > height * (1 - LAYOUT.marginZone) || y < height * LAYOUT.marginZone;
    return new Set(segments.filter((segment) => outer.has(segment.y) && inMargin(segment.y)));
  });
  const heightsOfKey = new Map<string, { page: number; y: number }[]>();
  candidates.forEach((segments, page) => {
    for (const segment of segments) {
      const key = keyOf(segment);
      const heights = heightsOfKey.get(key) ?? [];
      heights.push({ page, y: segment.y });
      heightsOfKey.set(key, heights);
    }
  });
  const isRunning = (segment: Segment, page: number) =>
    PAGE_NUMBER.test(segment.text) ||
    heightsOfKey.get(keyOf(segment))!.some((other) => other.page !== page && Math.abs(other.y - segment.y) <= LAYOUT.runningDrift);
  return pages.map((segments, i) => segments.filter((segment) => !candidates[i]!.has(segment) || !isRunning(segment, i)));
}

/**
 * The page's segments in reading order. A page is two columns when an empty vertical strip in the middle of
 * the text has well-filled lines on both sides; lines that cross it (a title, an abstract across the page)
 * cut the page into bands, and each band is read left column first.
 */
function readingOrder(segments: readonly Segment[]): Line[] {
  if (segments.length === 0) return [];
  const left = least(segments.map((s) => s.x));
  const right = most(segments.map((s) => s.right));
  const gutter = findGutter(segments, left, right);
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let previousColumn: string | null = null;
  const emit = (segment: Segment, column: "full" | "left" | "right") => {
    const [columnLeft, columnRight] =
      column === "full" || !gutter ? [left, right] : column === "left" ? [left, gutter.leftEdge] : [gutter.rightStart, right];
    lines.push({ ...segment, columnLeft, columnRight, flowStart: previousColumn !== column });
    previousColumn = column;
  };
  if (!gutter) {
    for (const segment of sorted) emit(segment, "full");
    return lines;
  }
  let band: { left: Segment[]; right: Segment[] } = { left: [], right: [] };
  const flushBand = () => {
    for (const segment of band.left) emit(segment, "left");
    for (const segment of band.right) emit(segment, "right");
    band = { left: [], right: [] };
  };
  for (const segment of sorted) {
    if (segment.x < gutter.x && segment.right > gutter.x) {
      flushBand();
      emit(segment, "full");
    } else (segment.right <= gutter.x ? band.left : band.right).push(segment);
  }
  flushBand();
  return lines;
}

interface Gutter {
  /** The middle of the empty strip. */
  x: number;
  /** The right edge of the left column and the left edge of the right one. */
  leftEdge: number;
  rightStart: number;
}

function findGutter(segments: readonly Segment[], left: number, right: number): Gutter | null {
  const width = right - left;
  const from = Math.floor(left + width * LAYOUT.gutterSearch[0]);
  const to = Math.ceil(left + width * LAYOUT.gutterSearch[1]);
  if (to - from < 2) return null;
  // How many segments cover each point of the middle of the page.
  const coverage = new Array<number>(to - from).fill(0);
  for (const segment of segments) {
    for (let x = Math.max(from, Math.ceil(segment.x)); x < Math.min(to, segment.right); x++) coverage[x - from]!++;
  }
  const fewest = least(coverage);
  // The widest stretch covered least: the gutter, if the page has one.
  let best: [number, number] | null = null;
  for (let i = 0; i < coverage.length; ) {
    if (coverage[i] !== fewest) {
      i++;
      continue;
    }
    let j = i;
    while (j < coverage.length && coverage[j] === fewest) j++;
    if (!best || j - i > best[1] - best[0]) best = [i, j];
    i = j;
  }
  const x = from + (best![0] + best![1]) / 2;
  const leftSide = segments.filter((s) => s.right <= x);
  const rightSide = segments.filter((s) => s.x >= x);
  const crossing = segments.length - leftSide.length - rightSide.length;
  if (leftSide.length < LAYOUT.minColumnLines || rightSide.length < LAYOUT.minColumnLines) return null;
  if (crossing > (leftSide.length + rightSide.length) / 2) return null;
  const leftEdge = most(leftSide.map((s) => s.right));
  const rightStart = least(rightSide.map((s) => s.x));
  const fill = (side: readonly Segment[], columnWidth: number) => median(side.map((s) => s.right - s.x)) >= LAYOUT.columnFill * columnWidth;
  if (!fill(leftSide, leftEdge - left) || !fill(rightSide, right - rightStart)) return null;
  return { x, leftEdge, rightStart };
}

/** Lines into headings and paragraphs. */
function buildBlocks(lines: readonly Line[], isWord: (word: string) => boolean): Block[] {
  const bodySize = commonestSize(lines);
  const headingSizes = [
    ...new Set(
      lines
        .filter((line) => line.size >= bodySize * LAYOUT.headingScale && line.text.length <= LAYOUT.headingMaxCharacters)
        .map((line) => roundSize(line.size)),
    ),
  ].sort((a, b) => b - a);
  const levelOf = (line: Line) => {
    const index = line.text.length <= LAYOUT.headingMaxCharacters && /\p{L}/u.test(line.text) ? headingSizes.indexOf(roundSize(line.size)) : -1;
    return index < 0 ? 0 : Math.min(index + 1, 6);
  };
  const spacing = lineSpacing(lines, bodySize);

  const blocks: Block[] = [];
  for (const line of lines) {
    const level = levelOf(line);
    const block = blocks.at(-1);
    const previous = block?.last;
    const sameRow = previous && !line.flowStart && Math.abs(previous.y - line.y) < LAYOUT.baselineTolerance * line.size;
    const continues =
      block !== undefined &&
      block.level === level &&
      (sameRow || (level > 0 ? !line.flowStart && previous!.y - line.y < 2 * line.size : !opensParagraph(previous!, line, spacing)));
    if (!continues) {
      blocks.push({ level, pieces: [{ text: line.text, page: line.page, glue: "" }], last: line });
      continue;
    }
    const before = block.pieces.at(-1)!;
    const { kept, glue } = sameRow ? { kept: before.text, glue: " " } : joinAtLineEnd(before.text, line.text, isWord);
    before.text = kept;
    block.pieces.push({ text: line.text, page: line.page, glue });
    block.last = line;
  }
  // A one-line paragraph shaped like a heading ("Early Talks") is one, below every heading told by its size.
  const lowest = Math.min(headingSizes.length + 1, 6);
  for (const block of blocks) {
    if (block.level === 0 && block.pieces.length === 1 && isStandaloneHeading(block.pieces[0]!.text)) block.level = lowest;
  }
  return blocks;
}

/**
 * Whether `line` opens a new paragraph after `previous`: it is indented, a wider gap than the usual line
 * spacing parts them, or `previous` stopped short although the next word would have fitted on it (which is what
 * ends a paragraph in ragged-right and justified text alike). Across a column or page break only the shape of
 * the lines can tell.
 */
function opensParagraph(previous: Line, line: Line, spacing: number): boolean {
  const indent = LAYOUT.indent * line.size;
  if (line.flowStart ? line.x > line.columnLeft + indent : line.x > previous.x + indent) return true;
  if (!line.flowStart && previous.y - line.y > spacing * LAYOUT.paragraphGap * (line.size / previous.size)) return true;
  return nextWordWouldFit(previous, line);
}

function nextWordWouldFit(previous: Line, line: Line): boolean {
  if (/-$/.test(previous.text)) return false;
  const word = /^\S+/.exec(line.text)?.[0] ?? "";
  const characterWidth = (line.right - line.x) / Math.max(1, line.text.length);
  return previous.right + (word.length + 1) * characterWidth * LAYOUT.fitMargin < previous.columnRight;
}

/**
 * How a line joins the one before it: a hyphen the line break added is dropped (`nego-` + `tiations`), one
 * the word has is kept (`well-` + `known`, `Franco-` + `German`), and otherwise a space.
 */
export function joinAtLineEnd(before: string, next: string, isWord: (word: string) => boolean): { kept: string; glue: string } {
  if (before.endsWith("\u00AD")) return { kept: before.slice(0, -1), glue: "" };
  const split = /(\p{L}+)-$/u.exec(before);
  const tail = /^\p{Ll}+/u.exec(next)?.[0];
  if (split && tail) {
    const head = split[1]!.toLowerCase();
    const joined = isWord(head + tail) || !(isWord(head) && isWord(tail));
    return { kept: joined ? before.slice(0, -1) : before, glue: "" };
  }
  if (/[\p{L}\p{N}][-–—/]$/u.test(before)) return { kept: before, glue: "" };
  return { kept: before, glue: " " };
}

/** The text, headings as Markdown lines, paragraphs apart, and where each page starts in it. */
function writeBlocks(blocks: readonly Block[]): ExtractedText {
  let text = "";
  const pages: PageStart[] = [];
  for (const block of blocks) {
    if (text) text += "\n\n";
    if (block.level > 0) text += `${"#".repeat(block.level)} `;
    for (const piece of block.pieces) {
      text += piece.glue;
      if (pages.at(-1)?.page !== piece.page) pages.push({ page: piece.page, offset: text.length });
      text += piece.text;
    }
  }
  return { text, pages };
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The type size most of the text is set in. */
function commonestSize(lines: readonly Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(roundSize(line.size), (characters.get(roundSize(line.size)) ?? 0) + line.text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The usual distance between baselines of body text in one column. */
function lineSpacing(lines: readonly Line[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const gap = a.y - b.y;
    if (!b.flowStart && roundSize(a.size) === bodySize && roundSize(b.size) === bodySize && gap > 0.5 * bodySize && gap < 3 * bodySize) gaps.push(gap);
  }
  return gaps.length > 0 ? median(gaps) : 1.2 * bodySize;
}

/** The smallest and largest values: a page can hold more runs than `Math.min(...values)` takes arguments. */
function least(values: readonly number[]): number {
  let smallest = Infinity;
  for (const value of values) if (value < smallest) smallest = value;
  return smallest;
}

function most(values: readonly number[]): number {
  let largest = -Infinity;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
