import type { CitationMention } from "./types.js";

/** A year as citations write it: `2023`, `2023a`, `n.d.`. */
const YEAR = String.raw`(?:1[5-9]\d{2}|20\d{2})[a-z]?|n\.d\.`;
/** A parenthetical citation group: `(BBC, 2022)`, `(e.g., Ostrom, 1990)`, `(Smith, 2020; Lee & Park, 2019, p. 4)`. */
const PARENTHETICAL = /\(([^()]*?,\s*(?:(?:1[5-9]\d{2}|20\d{2})[a-z]?|n\.d\.)[^()]*)\)/g;
/** One `Author, Year` part of a parenthetical group, with an optional lead-in such as `e.g.,` or `see`. */
const PARENTHETICAL_PART = new RegExp(
  String.raw`^(?:(?:e\.g\.|i\.e\.|see also|see|cf\.|for example|as in)[,:]?\s+)?(.+?),\s*(${YEAR})(?:,\s*(?:pp?\.|para\.|ch\.)\s*[\d–-]+)?$`,
  "i",
);
/**
 * A narrative citation: `Ostrom (1990)`, `Sen (1999)`, `Smith and Lee (2020)`, `Smith et al. (2021)`,
 * `the World Health Organization (2021)`: up to four capitalised words before the year, of which the
 * author is the longest ending that the reference list knows, else the last word.
 */
const NARRATIVE = new RegExp(
  String.raw`((?:\p{Lu}[\p{L}’'-]+\s+){0,3}(?:\p{Lu}[\p{L}’'-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{L}’'-]+|\s+et\s+al\.)?)\s+\((${YEAR})(?:,\s*(?:pp?\.)\s*[\d–-]+)?\)`,
  "gu",
);
const MONTHS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "spring", "summer", "autumn", "fall", "winter",
]);

/**
 * Finds the in-text citations of one sentence, in the order they appear. Parenthetical groups need a comma
 * before the year, which is what keeps `(March-April 2022)` or `(2014-2015)` from being read as citations.
 */
export function parseCitations(sentence: string, isListed: (author: string, year: string) => boolean = () => false): CitationMention[] {
  const found: Array<CitationMention & { at: number }> = [];
  for (const match of sentence.matchAll(PARENTHETICAL)) {
    for (const part of match[1]!.split(/;\s*/)) {
      const parsed = PARENTHETICAL_PART.exec(part.trim());
      if (!parsed) continue;
      const author = cleanAuthor(parsed[1]!);
      if (author) found.push({ author, year: parsed[2]!, raw: match[0], at: match.index! });
    }
  }
  for (const match of sentence.matchAll(NARRATIVE)) {
    const year = match[2]!;
    const author = narrativeAuthor(match[1]!, year, isListed);
    if (!author || MONTHS.has(author.toLowerCase())) continue;
    const raw = match[0].slice(match[0].lastIndexOf(author.split(" ")[0]!, match[0].length - author.length - 1));
    found.push({ author, year, raw, at: match.index! + match[0].length - raw.length });
  }
  found.sort((a, b) => a.at - b.at);
  return found.map(({ author, year, raw }) => ({ author, year, raw }));
}

/** `World Health Organization` when the reference list has it, else its last name (`Scholars Ostrom` → `Ostrom`). */
function narrativeAuthor(run: string, year: string, isListed: (author: string, year: string) => boolean): string {
  const words = cleanAuthor(run).split(" ");
  // "Smith and Lee", "Smith et al." end in a joined name: the run's last name is where it starts.
  const joined = words.findIndex((word, i) => i > 0 && /^(?:and|&|et)$/.test(word));
  const nameEnd = joined > 0 ? joined : words.length;
  for (let start = 0; start < nameEnd - 1; start++) {
    const candidate = words.slice(start).join(" ");
    if (isListed(candidate, year)) return candidate;
  }
  return words.slice(nameEnd - 1).join(" ");
}

function cleanAuthor(author: string): string {
  return author.replace(/\s+/g, " ").replace(/^[,\s]+|[,\s]+$/g, "");
}

/** The key a citation and a reference entry meet on: first author's surname (folded) and year. */
export function sourceKey(author: string, year: string): string {
  const first = author
    .split(/\s+(?:and|&)\s+|\s+et\s+al\.?/i)[0]!
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, "-");
  return `${first}-${year.toLowerCase()}`;
}
