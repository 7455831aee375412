/**
 * The document-reader seam: a file's extension picks a reader, the reader turns the file's bytes into the text
 * the parser indexes. Every quote is a substring of that text (whitespace aside), so what a reader extracts is
 * what the bot can say; `npm run knowledge -- --text <document>` prints it.
 */

/** Where one page starts in the extracted text: paged formats (PDF) give one per page that has text. */
export interface PageStart {
  /** The page's number in the file, from 1 (the physical page, not a printed label). */
  page: number;
  /** Offset in `ExtractedText.text` of the page's first character. */
  offset: number;
}

export interface ExtractedText {
  /**
   * Plain text, one paragraph per line with blank lines between paragraphs; headings the format marks as such
   * (Word heading styles, HTML `<h1>`–`<h6>`, larger type in a PDF) as Markdown `#` lines, so the parser takes
   * them at their word.
   */
  text: string;
  /** Paged formats only: the page map, in text order. */
  pages?: PageStart[];
  /** What a reader of the document should know about the extraction (pages with no text layer). */
  warnings?: string[];
}

export interface DocumentReader {
  /** What the format is called in messages: "PDF", "Word document". */
  format: string;
  /** File extensions it reads, lower case with the dot: `.pdf`. */
  extensions: readonly string[];
  /** Files larger than this are refused unread, so one upload cannot stall a reload. */
  maxBytes: number;
  /**
   * Extracts the text. Throws an Error whose message says, in words a maintainer can act on, what is wrong
   * with the file ("the PDF is encrypted …"); the loader reports it by file name and loads the other files.
   * Heavy libraries are imported inside `read`, on first use, so the bot starts fast.
   */
  read(bytes: Uint8Array, file: string): Promise<ExtractedText>;
}
