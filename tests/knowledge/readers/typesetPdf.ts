/**
 * Builds PDFs the way a word processor or LaTeX lays them out, in code (pdf-lib), so tests and the bench need
 * no downloaded files: a title in large type, headings, justified-width paragraphs with first-line indents,
 * one or two columns, words hyphenated at line ends, a running header and page numbers. It also says on
 * which page each line landed, for checking the page a passage is given.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

export type Block = { heading: string } | { paragraph: string };

export interface TypesetOptions {
  title?: string;
  blocks: readonly Block[];
  columns?: 1 | 2;
  /** Running header, at the top of every page but the first. */
  header?: string;
  /** Running footer, at the bottom left of every page. */
  footer?: string;
  /** Page numbers centred in the bottom margin. */
  pageNumbers?: boolean;
  /** Cut long words at line ends with a hyphen, as justified text does. */
  hyphenate?: boolean;
  fontSize?: number;
}

export interface TypesetLine {
  text: string;
  page: number;
}

export interface TypesetPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Every body line, in reading order, with its page. */
  lines: TypesetLine[];
}

const PAGE = { width: 612, height: 792, margin: 72, gutter: 24 };
const MIN_HYPHENATED_WORD = 8;

export async function typesetPdf(options: TypesetOptions): Promise<TypesetPdf> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const size = options.fontSize ?? 11;
  const leading = size * 1.3;
  const columns = options.columns ?? 1;
  const columnWidth = (PAGE.width - 2 * PAGE.margin - (columns - 1) * PAGE.gutter) / columns;
  const lines: TypesetLine[] = [];

  let page!: PDFPage;
  let column = 0;
  let y = 0;
  let top = 0;
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    const number = pdf.getPageCount();
    if (options.header && number > 1) page.drawText(options.header, { x: PAGE.margin, y: PAGE.height - 40, size: 9, font: regular });
    if (options.footer) page.drawText(options.footer, { x: PAGE.margin, y: 28, size: 8, font: regular });
    if (options.pageNumbers) {
      const label = String(number);
      page.drawText(label, { x: (PAGE.width - regular.widthOfTextAtSize(label, 9)) / 2, y: 40, size: 9, font: regular });
    }
    column = 0;
    top = PAGE.height - PAGE.margin;
    y = top;
  };
  const nextColumn = () => {
    if (column + 1 < columns) {
      column++;
      y = top;
    } else newPage();
  };
  const columnX = () => PAGE.margin + column * (columnWidth + PAGE.gutter);
  /** Draws a line `indent` points into the current column, moving to the next column or page first if it is full. */
  const drawLine = (text: string, indent: number, font: PDFFont, fontSize: number, lineHeight: number) => {
    if (y - lineHeight < PAGE.margin) nextColumn();
    y -= lineHeight;
    page.drawText(text, { x: columnX() + indent, y, size: fontSize, font });
  };

  newPage();
  if (options.title) {
    const titleSize = size * 2;
    for (const line of wrap(options.title, bold, titleSize, PAGE.width - 2 * PAGE.margin, false)) {
      y -= titleSize * 1.2;
      page.drawText(line, { x: PAGE.margin, y, size: titleSize, font: bold });
    }
    y -= titleSize;
    // The columns start under the title.
    top = y;
  }
  for (const block of options.blocks) {
    if ("heading" in block) {
      const headingSize = size * 1.4;
      if (y - 3 * leading < PAGE.margin) nextColumn();
      else y -= leading * 0.6;
      drawLine(block.heading, 0, bold, headingSize, headingSize * 1.3);
      continue;
    }
    const indent = size * 1.5;
    const wrapped = wrap(block.paragraph, regular, size, columnWidth, options.hyphenate ?? false, indent);
    wrapped.forEach((line, i) => {
      drawLine(line, i === 0 ? indent : 0, regular, size, leading);
      lines.push({ text: line, page: pdf.getPageCount() });
    });
  }
  return { bytes: await pdf.save(), pageCount: pdf.getPageCount(), lines };
}

/** Greedy line breaking; a word that does not fit is cut with a hyphen when `hyphenate` allows. */
function wrap(text: string, font: PDFFont, size: number, width: number, hyphenate: boolean, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line = "";
  const room = () => width - (lines.length === 0 ? firstIndent : 0);
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= room();
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    const cut = hyphenate && line && /^\p{Ll}+[,.;]?$/u.test(word) && word.length >= MIN_HYPHENATED_WORD ? hyphenPoint(line, word, fits) : 0;
    if (cut > 0) {
      lines.push(`${line} ${word.slice(0, cut)}-`);
      line = word.slice(cut);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The longest head of `word` (at least 3 letters, leaving at least 3) that fits on the line with a hyphen. */
function hyphenPoint(line: string, word: string, fits: (candidate: string) => boolean): number {
  for (let cut = word.replace(/[,.;]$/, "").length - 3; cut >= 3; cut--) {
    if (fits(`${line} ${word.slice(0, cut)}-`)) return cut;
  }
  return 0;
}

const WORDS = (
  "the river commission negotiated allocation agreements between upstream and downstream communities while " +
  "engineers measured seasonal discharge and farmers questioned irrigation priorities although ministers " +
  "promised transparent monitoring of reservoirs canals and groundwater extraction during prolonged droughts " +
  "observers considered institutional capacity fundamental to durable cooperation across international borders"
).split(" ");

/**
 * Distinct paragraphs of English words (so a dictionary knows them), each opening with `Point <n> concerns`, so a
 * test can find where each starts. Seeded: the same paragraphs every run.
 */
export function sampleParagraphs(count: number, seed = 1): string[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    return `${words.join(" ").replace(/^\w/, (c) => c.toUpperCase())}.`;
  };
  return Array.from({ length: count }, (_, i) => [`Point ${i + 1} concerns ${WORDS[i % WORDS.length]}.`, ...Array.from({ length: 2 + Math.floor(random() * 4) }, sentence)].join(" "));
}
