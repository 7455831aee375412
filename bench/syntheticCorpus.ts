/**
 * A synthetic corpus shaped like the essays the bot serves: titled documents with run-in headings, cited
 * sentences, abbreviations cut across lines and a broken reference list, so the benchmark measures the
 * real parser and index, not a toy. Seeded, so every run builds the same corpus.
 */

import { seededRandom } from "../tests/support/seededRandom.js";

const SYLLABLES = ["ka", "ro", "vin", "sta", "mel", "dor", "ix", "an", "tur", "ber", "li", "no", "gra", "pol", "sek", "ua", "zen", "tho"];
const VERBS = ["argue", "suggest", "contend", "show", "claim", "observe", "warn", "conclude"];
const NOUNS = [
  "ceasefire", "negotiations", "sovereignty", "guarantees", "mediation", "sanctions", "corridor", "treaty", "border",
  "referendum", "occupation", "reconstruction", "deterrence", "alliance", "armistice", "withdrawal", "security",
  "compromise", "escalation", "humanitarian", "prisoners", "exchange", "monitoring", "enforcement", "neutrality",
  "territory", "annexation", "mobilization", "blockade", "grain", "energy", "pipeline", "refugees", "tribunal",
];
const ADJECTIVES = [
  "fragile", "credible", "durable", "contested", "binding", "regional", "maximalist", "transactional", "limited",
  "protracted", "neutral", "external", "domestic", "strategic", "military", "diplomatic", "economic", "frozen",
];

export interface SyntheticCorpus {
  files: Array<{ id: string; text: string }>;
  names: string[];
}

export function buildSyntheticCorpus(documents: number, sentencesPerDocument: number, seed = 42): SyntheticCorpus {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const makeName = () => {
    const parts = 2 + Math.floor(random() * 2);
    const word = Array.from({ length: parts }, () => pick(SYLLABLES)).join("");
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const names = Array.from({ length: 4000 }, makeName);
  const authors = Array.from({ length: 600 }, makeName);
  const files: SyntheticCorpus["files"] = [];
  for (let d = 0; d < documents; d++) {
    const lines = [`${pick(names)} and ${pick(names)} Talks ${d}`];
    const cited: Array<{ author: string; year: number }> = [];
    for (let s = 0; s < sentencesPerDocument; s++) {
      const place = pick(names);
      const other = pick(names);
      let sentence = `The ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${place} shaped the ${pick(NOUNS)} with ${other} and its ${pick(ADJECTIVES)} ${pick(NOUNS)}`;
      if (random() < 0.3) {
        const source = { author: pick(authors), year: 2000 + Math.floor(random() * 24) };
        cited.push(source);
        sentence = random() < 0.5
          ? `${source.author} (${source.year}) ${pick(VERBS)}s that the ${pick(NOUNS)} in ${place} failed because of ${pick(NOUNS)}`
          : `${sentence} (${source.author}, ${source.year})`;
      }
      if (s % 10 === 0) lines.push(`${pick(ADJECTIVES)[0]!.toUpperCase()}${pick(ADJECTIVES).slice(1)} ${pick(NOUNS)} in ${place} The first ${pick(NOUNS)} stalled over ${pick(NOUNS)}.`);
      else if (s % 17 === 0) lines.push(`The U.`, `S.`, `and ${place} backed the ${pick(NOUNS)}.`);
      else lines.push(`${sentence}.`);
    }
    for (const source of cited.slice(0, 8)) lines.push(`- ${source.author}, A.`, `(${source.year}).`, `${pick(names)} Review.`);
    files.push({ id: `synthetic-${d}`, text: lines.join("\n") });
  }
  return { files, names };
}

/** Queries of the three kinds, drawn from the corpus: names, the same names misspelt, and questions. */
export function buildQueries(corpus: SyntheticCorpus, count: number, seed = 7) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const misspell = (word: string) => {
    const i = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  return {
    names: Array.from({ length: count }, () => pick(corpus.names).toLowerCase()),
    typos: Array.from({ length: count }, () => misspell(pick(corpus.names).toLowerCase())),
    questions: Array.from({ length: count }, () => `why did the ${pick(NOUNS)} in ${pick(corpus.names)} fail over ${pick(NOUNS)}?`),
  };
}
