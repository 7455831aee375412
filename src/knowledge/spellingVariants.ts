/**
 * British and American spellings of one word (`mobilisation` / `mobilization`, `neighbourhood` /
 * `neighborhood`, `defence` / `defense`), so a reader finds a passage whichever spelling either of them uses.
 *
 * The rules are the regular British endings; a rewrite is kept only when the lexicon knows the American
 * form as a word, so `rise` never becomes `rize` nor `tour` `tor`.
 */
const BRITISH_TO_AMERICAN: ReadonlyArray<readonly [RegExp, string]> = [
  [/isation(s?)$/, "ization$1"],
  [/is(e|es|ed|ing|er|ers)$/, "iz$1"],
  [/ys(e|es|ed|ing)$/, "yz$1"],
  [/(?<=\w{3})our(s|ed|ing|ite|ites|able|hood|hoods|ful|less)?$/, "or$1"],
  [/(?<=[bt])re(s|d)?$/, "er$1"],
  [/ence(s?)$/, "ense$1"],
  [/ogue(s?)$/, "og$1"],
  [/ell(ed|ing|er|ers|or|ors)$/, "el$1"],
  [/ae(?=\w{3})/, "e"],
];

/**
 * The American spelling of a lower-case word when it has a distinct one, else the word itself: the form
 * the index and the queries both use, so the two spellings meet.
 */
export function americanSpelling(word: string, isWord: (candidate: string) => boolean): string {
  for (const [pattern, replacement] of BRITISH_TO_AMERICAN) {
    if (!pattern.test(word)) continue;
    const candidate = word.replace(pattern, replacement);
    if (candidate !== word && isWord(candidate)) return candidate;
  }
  return word;
}
