import type { DocumentReader } from "./types.js";

/** Larger than any essay; a text file this big is almost certainly not one, and parsing it would stall the bot. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Plain text and Markdown: the bytes are the text, if they are UTF-8. */
export const textReader: DocumentReader = {
  format: "text",
  extensions: [".txt", ".md"],
  maxBytes: MAX_TEXT_BYTES,
  async read(bytes) {
    if (bytes.includes(0)) throw new Error("the file looks binary (it contains NUL bytes), not text");
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
    } catch {
      throw new Error("the file is not valid UTF-8 text; save it as UTF-8");
    }
  },
};
