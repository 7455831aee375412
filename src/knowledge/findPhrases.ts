import { comparablePhrase } from "../text/phrases.js";
import type { KnowledgeDocument, Passage } from "./types.js";

/**
 * Where short verbatim phrases (a topic file's answers and evidence) occur in a document, compared as every
 * phrase is (`comparablePhrase`; a phrase never spans two passages): for each phrase, the first passage holding it.
 *
 * All phrases are found in one pass over the document (Aho–Corasick), so the cost is linear in the document's
 * length plus the phrases' length: 2,000 evidence phrases beside a 5 MB essay cost one scan, where checking
 * each phrase against every passage took minutes. Results are kept per document, so a topic command looking
 * its phrases up on every run pays nothing after the topic file loaded.
 */
export function locatePhrases(document: KnowledgeDocument, phrases: readonly string[]): Map<string, Passage | undefined> {
  const known = cacheOf(document);
  const wanted = [...new Set(phrases.map(comparablePhrase))].filter((phrase) => phrase && !known.has(phrase));
  if (wanted.length > 0) {
    const found = scan(document.passages, wanted);
    for (const phrase of wanted) known.set(phrase, found.get(phrase));
  }
  return new Map(phrases.map((phrase) => [phrase, known.get(comparablePhrase(phrase))]));
}

/** The first passage containing `phrase`, or undefined (also for a phrase with nothing to compare). */
export function findPassageByPhrase(document: KnowledgeDocument, phrase: string): Passage | undefined {
  return locatePhrases(document, [phrase]).get(phrase);
}

/** Kept with the passages, which a reload reuses when the document's file did not change. */
const caches = new WeakMap<readonly Passage[], Map<string, Passage | undefined>>();

function cacheOf(document: KnowledgeDocument): Map<string, Passage | undefined> {
  let cache = caches.get(document.passages);
  if (!cache) {
    cache = new Map();
    caches.set(document.passages, cache);
  }
  return cache;
}

function scan(passages: readonly Passage[], phrases: readonly string[]): Map<string, Passage> {
  const matcher = new PhraseMatcher(phrases);
  const found = new Map<string, Passage>();
  for (const passage of passages) {
    // Passage by passage (the automaton restarts at each), so no match spans two and memory stays one passage.
    matcher.scan(comparablePhrase(passage.text), (phrase) => {
      if (!found.has(phrase)) found.set(phrase, passage);
    });
    if (found.size === phrases.length) break;
  }
  return found;
}

/**
 * An Aho–Corasick automaton over UTF-16 code units. Each node's `output` is the phrase ending there; `dictionary`
 * links jump to the next shorter phrase that also ends at this point. Once a phrase has been reported it is
 * never wanted again, and dictionary links skip over it (path compression), so reporting costs each phrase
 * once: the whole scan stays linear even for phrases that are suffixes of one another ("a", "aa", "aaa"…).
 * Code units are numbered by the phrases' own alphabet, so an edge's key (node × alphabet + symbol) stays a
 * small integer, and a character no phrase uses sends the scan straight back to the root.
 */
class PhraseMatcher {
  private readonly symbols = new Map<number, number>();
  private readonly alphabet: number;
  private readonly edges = new Map<number, number>();
  private readonly children: number[][] = [[]];
  private readonly fail: number[] = [0];
  /** Index into `phrases` of the phrase ending at each node, or -1. */
  private readonly output: number[] = [-1];
  private readonly dictionary: number[] = [-1];
  private readonly reported: Uint8Array;

  constructor(private readonly phrases: readonly string[]) {
    for (const phrase of phrases) for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      if (!this.symbols.has(code)) this.symbols.set(code, this.symbols.size);
    }
    this.alphabet = Math.max(1, this.symbols.size);
    phrases.forEach((phrase, index) => this.insert(phrase, index));
    this.reported = new Uint8Array(phrases.length);
    this.link();
  }

  scan(text: string, report: (phrase: string) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = this.symbols.get(text.charCodeAt(i));
      if (symbol === undefined) {
        node = 0;
        continue;
      }
      while (node !== 0 && !this.edges.has(node * this.alphabet + symbol)) node = this.fail[node]!;
      node = this.edges.get(node * this.alphabet + symbol) ?? 0;
      const own = this.output[node]!;
      let hit = own >= 0 && this.reported[own] === 0 ? node : this.liveDictionary(node);
      while (hit > 0) {
        const phrase = this.output[hit]!;
        this.reported[phrase] = 1;
        report(this.phrases[phrase]!);
        hit = this.liveDictionary(hit);
      }
    }
  }

  private insert(phrase: string, index: number): void {
    let node = 0;
    for (let i = 0; i < phrase.length; i++) {
      const symbol = this.symbols.get(phrase.charCodeAt(i))!;
      let child = this.edges.get(node * this.alphabet + symbol);
      if (child === undefined) {
        child = this.fail.length;
        this.children.push([]);
        this.fail.push(0);
        this.output.push(-1);
        this.dictionary.push(-1);
        this.edges.set(node * this.alphabet + symbol, child);
        this.children[node]!.push(symbol);
      }
      node = child;
    }
    this.output[node] = index;
  }

  /** Breadth-first, so every node's failure target (a shorter string) is linked before the node itself. */
  private link(): void {
    const queue: number[] = this.children[0]!.map((symbol) => this.edges.get(symbol)!);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const target = this.fail[node]!;
      this.dictionary[node] = this.output[target]! >= 0 ? target : this.dictionary[target]!;
      for (const symbol of this.children[node]!) {
        const child = this.edges.get(node * this.alphabet + symbol)!;
        let fallback = target;
        while (fallback !== 0 && !this.edges.has(fallback * this.alphabet + symbol)) fallback = this.fail[fallback]!;
        const candidate = this.edges.get(fallback * this.alphabet + symbol);
        this.fail[child] = candidate !== undefined && candidate !== child ? candidate : 0;
        queue.push(child);
      }
    }
  }

  /** The nearest shorter phrase ending here that has not been reported yet, compressing the path to it; -1 if none. */
  private liveDictionary(node: number): number {
    let target = this.dictionary[node]!;
    while (target > 0 && this.reported[this.output[target]!] === 1) target = this.dictionary[target]!;
    this.dictionary[node] = target;
    return target;
  }
}
