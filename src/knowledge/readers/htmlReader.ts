import { htmlToText, type HtmlNode } from "./htmlToText.js";
import type { DocumentReader } from "./types.js";

/** Below this many characters Readability's article is probably a fragment, not the page's text. */
const MIN_ARTICLE_CHARACTERS = 200;
/** Page furniture dropped when the page has no article Readability can find and the whole body is read. */
const FURNITURE = "header, footer, nav, aside, form, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

/**
 * Web pages saved into the folder: the article only, found by Mozilla's Readability (what Firefox's Reader
 * View shows) on a linkedom DOM, with its title and headings; no navigation, adverts or scripts.
 */
export const htmlReader: DocumentReader = {
  format: "web page",
  extensions: [".html", ".htm"],
  // A saved page inlines its styles and scripts; the article in it is far smaller.
  maxBytes: 10 * 1024 * 1024,
  async read(bytes) {
    const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
    const html = decodeHtml(bytes);
    const { document } = parseHTML(html);
    // The article's own headline, when the page has one, rather than a <title> that may carry the site's name.
    const headline = squash(document.querySelector("h1")?.textContent ?? "");
    // Readability takes the document apart as it works, so the fallback reads a fresh copy.
    const article = new Readability(parseHTML(html).document as never).parse();
    const found = squash(article?.title ?? "") || squash(document.querySelector("title")?.textContent ?? "");
    let title = headline && (found.includes(headline) || headline.includes(found)) ? headline : found;
    let body: string;
    if (article?.content && squash(article.textContent ?? "").length >= MIN_ARTICLE_CHARACTERS) {
      body = htmlToText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as HtmlNode);
      // The byline ("By A. Reporter") is about the article, not part of what it says.
      const byline = squash(article.byline ?? "");
      if (byline) body = body.split("\n\n").filter((block) => block !== byline).join("\n\n");
    } else {
      for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();
      body = htmlToText(document.body as HtmlNode);
    }
    if (!body.trim()) throw new Error("the web page has no readable text");
    // The article's own first heading is usually its title; it is not repeated.
    const firstHeading = /^#{1,6} (.+)$/m.exec(body.split("\n\n")[0] ?? "")?.[1];
    if (firstHeading && firstHeading === title) title = "";
    return { text: title ? `# ${title}\n\n${body}` : body };
  },
};

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The page's bytes as text: in the encoding its `<meta charset>` (or http-equiv content type) names, else
 * UTF-8, else Windows-1252, which browsers assume for old pages.
 */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding this runtime does not know: try UTF-8 below.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
