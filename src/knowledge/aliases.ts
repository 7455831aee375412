import { STOP_WORDS } from "../text/englishWords.js";
import { englishLexicon } from "./lexicon.js";
import { tokenizeWords, type TypedWord } from "./textTokens.js";

/** One way readers name something that a document calls otherwise: `Bombay` for `Mumbai`, `NO2` for `nitrogen dioxide`. */
export interface Alias {
  /** The alias's words, folded: `european`, `union`. */
  words: string[];
  /** The document's own name for it, folded into words: `eu`. */
  canonical: string[];
  /** Matches only typed in capitals: an acronym that is also a common word (`WHO`, `US`, `IT`). */
  capitalsOnly: boolean;
}

/**
 * A document's aliases, from its topic file (`"aliases": {"Mumbai": ["Bombay"], "Burma": ["Myanmar"]}`), looked
 * up by their first word so a query is scanned in one pass.
 */
export class AliasTable {
  private readonly byFirstWord = new Map<string, Alias[]>();

  constructor(entries: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [canonical, aliases] of Object.entries(entries)) {
      const canonicalWords = tokenizeWords(canonical);
      if (canonicalWords.length === 0) continue;
      for (const alias of aliases) this.add(alias, canonicalWords);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  get size(): number {
    return this.byFirstWord.size;
  }

  /** Merges tables (for a search over every document). */
  static merge(tables: readonly AliasTable[]): AliasTable {
    const merged = new AliasTable();
    for (const table of tables) {
      for (const [first, aliases] of table.byFirstWord) merged.byFirstWord.set(first, [...(merged.byFirstWord.get(first) ?? []), ...aliases]);
    }
    for (const list of merged.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    return merged;
  }

  /** The longest alias starting at `words[at]`, if any. */
  match(words: readonly TypedWord[], at: number): Alias | undefined {
    const candidates = this.byFirstWord.get(words[at]?.word ?? "");
    return candidates?.find(
      (alias) =>
        alias.words.every((word, i) => words[at + i]?.word === word) &&
        (!alias.capitalsOnly || words.slice(at, at + alias.words.length).every((word) => word.allCapitals)),
    );
  }

  private add(alias: string, canonical: string[]): void {
    const words = tokenizeWords(alias);
    if (words.length === 0) return;
    const word = words[0]!;
    const capitalsOnly = words.length === 1 && /^[\p{Lu}\p{N}]+$/u.test(alias.trim()) && (STOP_WORDS.has(word) || englishLexicon().isCommonWord(word));
    const list = this.byFirstWord.get(words[0]!) ?? [];
    list.push({ words, canonical, capitalsOnly });
    this.byFirstWord.set(words[0]!, list);
  }
}
