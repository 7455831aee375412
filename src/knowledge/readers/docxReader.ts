import { htmlToText } from "./htmlToText.js";
import type { DocumentReader } from "./types.js";

/**
 * Word's own heading styles (mammoth's defaults: Heading 1–6, in English and as Word's style ids) plus the
 * Title style, which opens most documents.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];
/** A .docx is a ZIP file; an encrypted one, like an old .doc, is an OLE compound file instead. */
const ZIP_SIGNATURE = [0x50, 0x4b];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Word documents (.docx), through mammoth: headings from heading styles, lists and tables as text. */
export const docxReader: DocumentReader = {
  format: "Word document",
  extensions: [".docx"],
  // Pictures make Word files large; their text is rarely more than a few hundred KB.
  maxBytes: 20 * 1024 * 1024,
  async read(bytes) {
    if (startsWith(bytes, OLE_SIGNATURE)) {
      throw new Error("the Word file is password-protected or in the old .doc format; save an unprotected .docx copy");
    }
    if (!startsWith(bytes, ZIP_SIGNATURE)) throw new Error("the file is not a Word document (.docx): it is damaged or of another kind");
    const [{ default: mammoth }, { parseHTML }] = await Promise.all([import("mammoth"), import("linkedom")]);
    let html: string;
    try {
      // Pictures are left out: they carry no text, and mammoth would inline each one as base64.
      const convertImage = mammoth.images.imgElement(async () => ({ src: "" }));
      ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, convertImage }));
    } catch (error) {
      throw new Error(`the Word document is damaged and cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return { text: htmlToText(document.body) };
  },
};

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
