/**
 * HTML as the parser reads text: headings as Markdown `#` lines, each paragraph on a line of its own with
 * blank lines between them, a list as one paragraph of `- item` / `1) item` lines, a table as one paragraph
 * with a line per row and its cells joined by ` | `. Shared by the Word reader (mammoth's HTML) and the web-page reader (Readability's
 * article). Written against the few DOM properties it needs, so it depends on no DOM library.
 */

/** The part of a DOM node the conversion reads. */
export interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  parentNode?: HtmlNode | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text a reader came for, even inside an article. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "svg", "math", "canvas", "img", "picture", "video", "audio",
  "iframe", "object", "embed", "nav", "aside", "form", "button", "select", "textarea", "input", "head",
]);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "blockquote", "figure", "figcaption", "pre",
  "dl", "dt", "dd", "hr", "address", "details", "summary", "center", "body", "html",
]);
const HEADING = /^h([1-6])$/;
/**
 * An ordered item's marker: `1)` rather than `1.`, which the sentence splitter would cut off as a sentence of
 * its own.
 */
const orderedMarker = (n: number) => `${n}) `;
const UNORDERED_MARKER = "- ";
const CELL_SEPARATOR = " | ";

/** Runs of whitespace, no-break spaces included, as one space. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  return Array.from(node.childNodes);
}

function tagOf(node: HtmlNode): string {
  return node.nodeName.toLowerCase();
}

/** The element's text with its blocks (paragraphs in a table cell, items) separated by spaces. */
function flatText(node: HtmlNode): string {
  return squash(convert(childrenOf(node)).replace(/^#+ /gm, ""));
}

export function htmlToText(root: HtmlNode): string {
  return convert([root]);
}

function convert(nodes: readonly HtmlNode[]): string {
  /** `list`: which outermost list an item belongs to (its nested lists included), 0 for any other block. */
  const blocks: { text: string; list: number }[] = [];
  /** The paragraph being gathered; `\n` only where a `<br>` broke a line. */
  let inline = "";
  let lists = 0;
  let listDepth = 0;

  const flush = (list = 0) => {
    const lines = inline.split("\n").map(squash).filter(Boolean);
    if (lines.length > 0) blocks.push({ text: lines.join("\n"), list });
    inline = "";
  };

  const visit = (node: HtmlNode): void => {
    if (node.nodeType === TEXT_NODE) {
      inline += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) return;
    const heading = HEADING.exec(tag);
    if (heading) {
      flush();
      const text = flatText(node);
      if (text) blocks.push({ text: `${"#".repeat(Number(heading[1]))} ${text}`, list: 0 });
      return;
    }
    if (tag === "br") {
      inline += "\n";
      return;
    }
    if (tag === "table") {
      flush();
      const rows = rowsOf(node).map((row) => row.map(flatText).filter(Boolean).join(CELL_SEPARATOR)).filter(Boolean);
      if (rows.length > 0) blocks.push({ text: rows.join("\n"), list: 0 });
      return;
    }
    if (tag === "li") {
      flush();
      inline = markerOf(node);
      childrenOf(node).forEach(visit);
      // An item with nothing in it leaves only its marker: not worth a line.
      if (squash(inline) === squash(markerOf(node))) inline = "";
      flush(lists);
      return;
    }
    if (tag === "ul" || tag === "ol") {
      flush();
      if (listDepth++ === 0) lists++;
      childrenOf(node).forEach(visit);
      listDepth--;
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    childrenOf(node).forEach(visit);
    if (block) flush();
  };

  nodes.forEach(visit);
  flush();
  // A list's items are lines of one paragraph, so the list reads as one piece of text.
  return blocks.map((block, i) => (i === 0 ? "" : block.list > 0 && block.list === blocks[i - 1]!.list ? "\n" : "\n\n") + block.text).join("");
}

/** `- ` in a bulleted list, `3) ` for the third item of a numbered one. */
function markerOf(item: HtmlNode): string {
  const list = item.parentNode;
  if (!list || tagOf(list) !== "ol") return UNORDERED_MARKER;
  const items = childrenOf(list).filter((child) => child.nodeType === ELEMENT_NODE && tagOf(child) === "li");
  return orderedMarker(items.indexOf(item) + 1);
}

/** A table's rows in order (head, body, foot), each as its cells; nested tables stay inside their cell. */
function rowsOf(table: HtmlNode): HtmlNode[][] {
  const rows: HtmlNode[][] = [];
  const walk = (node: HtmlNode) => {
    for (const child of childrenOf(node)) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (tag === "tr") rows.push(childrenOf(child).filter((cell) => /^t[dh]$/.test(tagOf(cell))));
      else if (tag === "thead" || tag === "tbody" || tag === "tfoot") walk(child);
    }
  };
  walk(table);
  return rows;
}
