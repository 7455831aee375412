import Fuse from "fuse.js";
import { DEFAULT_SEARCH_TUNING, type CorrectionOptions } from "./searchOptions.js";
import { indexTerm } from "./textTokens.js";

export interface TermCorrection {
  from: string;
  to: string;
}


/**
 * The words of the indexed documents, for correcting typos in names and terms with fuse.js
 * (`edinburg` → `edinburgh`, `ostrum` → `ostrom`).
 *
 * Fuse scans every candidate string, so the vocabulary is bucketed by first letter: a query scans a few
 * hundred words, not the whole corpus's vocabulary. `prepare()` builds the buckets' indexes up front, so
 * the first typo after a (re)load does not pay for it.
 *
 * Fuse's score admits whole-word look-alikes that are no typo (`anyone` → `annexed`), so a candidate must
 * also be within one edit (two for long words, `options.longWord`), counting a swap of neighbours as one.
 * Words shorter than `options.minLength` are not kept: a fuzzy match on them is more likely wrong than right;
 * nor is a word longer than `options.maxLength` looked up (Fuse allocates memory in proportion to it).
 */
export class TermVocabulary {
  constructor(private readonly options: CorrectionOptions = DEFAULT_SEARCH_TUNING.correction) {}

  private readonly frequency = new Map<string, number>();
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();

  add(words: Iterable<string>): void {
    for (const word of words) {
      if (word.length < this.options.minLength || indexTerm(word) === null || /^\p{N}+$/u.test(word)) continue;
      const count = this.frequency.get(word);
      this.frequency.set(word, (count ?? 0) + 1);
      if (count === undefined) {
        const bucket = this.buckets.get(word[0]!) ?? [];
        bucket.push(word);
        this.buckets.set(word[0]!, bucket);
        this.fuses.delete(word[0]!);
      }
    }
  }

  prepare(): void {
    for (const letter of this.buckets.keys()) this.bucketFuse(letter);
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  frequencyOf(word: string): number {
    return this.frequency.get(word) ?? 0;
  }

  /** Words close to `word`, best first. Empty for a word the vocabulary already has. */
  similar(word: string, limit = 3): string[] {
    if (word.length < this.options.minLength || word.length > this.options.maxLength) return [];
    const fuse = this.bucketFuse(word[0]!);
    if (!fuse) return [];
    const maxEdits = word.length >= this.options.longWord ? 2 : 1;
    return fuse
      .search(word, { limit: 20 })
      .filter((result) => Math.abs(result.item.length - word.length) <= this.options.maxLengthDifference)
      .filter((result) => editDistance(word, result.item) <= maxEdits)
      .sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || this.frequencyOf(b.item) - this.frequencyOf(a.item))
      .slice(0, limit)
      .map((result) => result.item);
  }

  /** The vocabulary's best replacement for a word it does not know, or null. */
  correct(word: string): string | null {
    if (this.has(word)) return null;
    return this.similar(word, 1)[0] ?? null;
  }

  /** The most frequent words starting with `prefix`, for autocomplete. */
  completions(prefix: string, limit: number): string[] {
    const bucket = prefix ? (this.buckets.get(prefix[0]!) ?? []) : [...this.frequency.keys()];
    return bucket
      .filter((word) => word.startsWith(prefix))
      .sort((a, b) => this.frequencyOf(b) - this.frequencyOf(a) || a.localeCompare(b))
      .slice(0, limit);
  }

  private bucketFuse(letter: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(letter);
    const bucket = this.buckets.get(letter);
    if (!fuse && bucket) {
      fuse = new Fuse(bucket, { includeScore: true, ignoreLocation: true, threshold: this.options.threshold });
      this.fuses.set(letter, fuse);
    }
    return fuse;
  }
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
