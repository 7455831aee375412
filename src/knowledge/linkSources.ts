import { sourceKey } from "./parseCitations.js";
import type { Passage, ReferenceEntry, Source } from "./types.js";

/**
 * Joins in-text citations to reference entries on author and year, and derives what a reader cannot check:
 * sources cited but not listed, entries listed but never cited, entries with no title or venue.
 */
export function linkSources(passages: readonly Passage[], references: readonly ReferenceEntry[]): Source[] {
  const sources = new Map<string, Source>();
  const sourceFor = (author: string, year: string): Source => {
    const key = sourceKey(author, year);
    let source = sources.get(key);
    if (!source) {
      source = { key, author, year, inReferenceList: false, cited: false, reference: null, passageIds: [], problems: [] };
      sources.set(key, source);
    }
    return source;
  };
  for (const reference of references) {
    const source = sourceFor(reference.author, reference.year);
    source.inReferenceList = true;
    source.reference ??= reference;
  }
  for (const passage of passages) {
    for (const citation of passage.citations) {
      const source = sourceFor(citation.author, citation.year);
      source.cited = true;
      if (!source.inReferenceList) source.author = citation.author;
      if (!source.passageIds.includes(passage.id)) source.passageIds.push(passage.id);
    }
  }
  for (const source of sources.values()) source.problems = describeProblems(source);
  return [...sources.values()];
}

function describeProblems(source: Source): string[] {
  const name = `${source.author} (${source.year})`;
  const problems: string[] = [];
  if (source.cited && !source.inReferenceList) problems.push(`${name} is cited in the text but missing from the reference list.`);
  if (!source.cited && source.inReferenceList) problems.push(`${name} is in the reference list but never cited in the text.`);
  if (source.reference && !source.reference.details) problems.push(`${name}: the reference entry gives no title or venue.`);
  return problems;
}
