/**
 * Document fixtures built in code, so nothing is downloaded: PDFs with lines placed exactly (pdf-lib), a
 * scanned PDF (a picture of a page, no text), a PDF encrypted with a password (written by hand with the
 * standard security handler, RC4 40-bit), Word documents (the `docx` package) and a saved web page.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** A PDF whose pages hold exactly these lines, in Times Roman, at these positions (points from bottom left). */
export async function pdfFromLines(pages: readonly (readonly PlacedLine[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    for (const line of lines) page.drawText(line.text, { x: line.x, y: line.y, size: line.size ?? 11, font });
  }
  return pdf.save();
}

/** A scanned document: each page is a picture (a grey PNG) and has no text layer. */
export async function scannedPdf(pages = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(greyPng(60, 80));
  for (let i = 0; i < pages; i++) pdf.addPage([612, 792]).drawImage(image, { x: 36, y: 36, width: 540, height: 720 });
  return pdf.save();
}

/** A PDF with a text page followed by a scanned page. */
export async function partlyScannedPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  pdf.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 11, font });
  const image = await pdf.embedPng(greyPng(60, 80));
  pdf.addPage([612, 792]).drawImage(image, { x: 36, y: 36, width: 540, height: 720 });
  return pdf.save();
}

/** A PNG of `width` x `height` grey pixels with a diagonal stripe, written by hand. */
function greyPng(width: number, height: number): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push((x + y) % 16 < 2 ? 40 : 220);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const ENCRYPTED_TEXT = "Confidential minutes of the water board meeting.";

/**
 * A one-page PDF encrypted with the standard security handler (revision 2, RC4 with a 40-bit key) under a
 * user password, as PDF 1.4 writers produce: it opens only with that password.
 */
export function encryptedPdf(userPassword = "secret", ownerPassword = "owner"): Uint8Array {
  const PADDING = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
  const pad = (password: string) => Buffer.concat([Buffer.from(password, "latin1"), PADDING]).subarray(0, 32);
  const md5 = (...parts: Uint8Array[]) => createHash("md5").update(Buffer.concat(parts)).digest();
  const id = md5(Buffer.from("ground-truth encrypted fixture"));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const owner = rc4(md5(pad(ownerPassword)).subarray(0, 5), pad(userPassword));
  const key = md5(pad(userPassword), owner, permissions, id).subarray(0, 5);
  const user = rc4(key, PADDING);
  const objectKey = (number: number) => md5(key, Buffer.from([number & 0xff, (number >> 8) & 0xff, (number >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from(`BT /F1 12 Tf 72 700 Td (${ENCRYPTED_TEXT}) Tj ET`, "latin1"));
  return handWrittenPdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from("\nendstream")]),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${id.toString("hex")}> <${id.toString("hex")}>]`,
  );
}

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** A PDF file from its objects (numbered from 1), with a correct cross-reference table. */
function handWrittenPdf(objects: readonly (string | Buffer)[], trailer: string): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object), Buffer.from("\nendobj\n")]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)];
  parts.push(Buffer.from(`${xref.join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export type WordBlock =
  | { title: string }
  | { heading: string; level: 1 | 2 }
  | { paragraph: string }
  | { bullets: string[] }
  | { numbered: string[] }
  | { table: string[][] };

/** A .docx with Word's own styles: Title, Heading 1 and 2, bulleted and numbered lists, a table. */
export async function wordDocument(blocks: readonly WordBlock[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if ("title" in block) children.push(new Paragraph({ text: block.title, heading: HeadingLevel.TITLE }));
    else if ("heading" in block) children.push(new Paragraph({ text: block.heading, heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
    else if ("paragraph" in block) children.push(new Paragraph({ text: block.paragraph }));
    else if ("bullets" in block) children.push(...block.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })));
    else if ("numbered" in block) children.push(...block.numbered.map((text) => new Paragraph({ text, numbering: { reference: "steps", level: 0 } })));
    else {
      const rows = block.table.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }));
      children.push(new Table({ rows }));
    }
  }
  const numbering = {
    config: [{ reference: "steps", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }],
  };
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

/** A saved news page: navigation, an advert, scripts, a cookie banner and a footer around one article. */
export function savedWebPage(article: { title: string; sections: Array<{ heading: string; paragraphs: string[] }> }): string {
  const body = article.sections
    .map((section) => `<h2>${section.heading}</h2>\n${section.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${article.title} | The Daily Current</title>
<script>window.dataLayer = [{ event: "pageview" }]; function track() { return "TRACKING CODE"; }</script>
<style>.ad { color: red } body::before { content: "STYLE TEXT" }</style></head>
<body>
<header class="site-header"><a href="/">The Daily Current</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main>
<article>
<h1>${article.title}</h1>
<p class="byline">By A. Reporter</p>
${body}
</article>
<aside class="ad sidebar"><h3>Advertisement</h3><p>Buy the new Riverboat 3000 today and save big on every trip.</p></aside>
<section class="related"><h3>Related stories</h3><ul><li><a href="/a">Ten ways to cook rice</a></li><li><a href="/b">Celebrity gardens</a></li></ul></section>
</main>
<footer><p>© 2024 The Daily Current. All rights reserved.</p><nav><a href="/privacy">Privacy policy</a></nav></footer>
<script src="/analytics.js"></script><script>track("SECOND SCRIPT")</script>
</body></html>`;
}
