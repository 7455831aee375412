import { englishLexicon } from "../knowledge/lexicon.js";
import { QUESTION_FRAME_WORDS, STOP_WORDS } from "../text/englishWords.js";

/** What a thread remembers of its last answer, so that "and X?", "why?", "more" and "who says so?" can be read. */
export interface ThreadContext {
  /** The question last answered, as searched (a follow-up's is already combined with the one before). */
  question: string;
  /** What the thread is about: the subject words of its last fresh question, which "and X?" and "why?" ask about. */
  terms: string[];
  /** The document the answer quoted, by title, when it quoted one only: follow-ups stay in it. */
  document?: string;
  /** Which page of passages was shown, from 0: "more" shows the next. */
  page: number;
  /** Where the quoted passages are: `Title — Section`, in the order quoted. */
  places: string[];
  /** The reference-list entries the answer's citations point to: what "who says so?" answers with. */
  references: string[];
  /** The in-text citations of the quoted passages (`Financial Times (2023)`), those missing from the reference list marked so. */
  cited?: string[];
}

/** How a message in a conversation is to be answered. */
export type FollowUp =
  /** Asked of the documents (a fresh question, or one read against the thread). */
  | { kind: "question"; question: string; document?: string; page: number; /** What the thread is about after it. */ terms: string[] }
  /** "Who says so?", "show the source": the last answer's citations. */
  | { kind: "sources" }
  /** Nothing to look up (only a mention, or punctuation). */
  | { kind: "empty" };

const MORE = /^(?:(?:show|give|tell)(?: me)? )?more(?: (?:please|passages|quotes|of (?:that|this|it)))?$/;
const SOURCES =
  /^(?:who says(?: so| that| this)?|says who|source|sources|citations?|references?|(?:show|give|list|what are|what is|what's|which are|where is|where are)(?: me)? (?:the |your |its |their )?(?:sources?|citations?|references?|evidence)|where does it say (?:so|that|this)|how do you know)(?: please)?$/;
const WHY = /^(?:why|why so|why is that|why not|how so|how come)$/;
/** "what about China?", "and what about China?", "but how about the UN?" */
const ABOUT = /^(?:(?:and|but|also|so|ok|okay)[, ]+)?(?:what|how) about (.+)$/;
/** "and China?", "and the UN?": a few words that ask nothing of their own ("and did they sign?" does). */
const AND_SUBJECT = /^and (?!(?:did|does|do|is|are|was|were|can|could|would|will|should|has|have|had|why|how|what|who|when|where|which)\b)((?:\S+ ?){1,4})$/;
const CONTINUATION = /^(?:and|but|also|so|ok|okay)[, ]+(.+)$/;

/**
 * Reads one message of a thread against what the thread last answered. Without a context every message is a
 * fresh question; with one, "more" pages on, "who says so?" asks for the sources, "why?" asks why of the last
 * question, and "and X?" asks the last question's subject about X, in the same document. Anything else is a
 * fresh question (still in the thread's document when it reads as a continuation: "and did they sign?").
 */
export function readFollowUp(text: string, previous: ThreadContext | undefined): FollowUp {
  const words = stripEnd(text.replace(/\s+/g, " "));
  // Lower case and straight apostrophes keep their length, so a match's groups index `words` too.
  const plain = words.toLowerCase().replace(/\u2019/g, "'");
  if (!/[\p{L}\p{N}]/u.test(plain)) return { kind: "empty" };
  const fresh = { kind: "question", question: text.trim(), page: 0, terms: subjectTerms(words) } as const;
  if (!previous) return fresh;
  const inDocument = previous.document ? { document: previous.document } : {};
  const same = { kind: "question", ...inDocument, terms: previous.terms } as const;
  if (MORE.test(plain)) return { ...same, question: previous.question, page: previous.page + 1 };
  if (SOURCES.test(plain)) return { kind: "sources" };
  if (WHY.test(plain)) return { ...same, question: `why ${previous.terms.join(" ")}`.trim(), page: 0 };
  const about = ABOUT.exec(plain) ?? AND_SUBJECT.exec(plain);
  if (about) {
    const subject = words.slice(words.length - about[1]!.length).trim();
    const newWords = new Set(subjectTerms(subject).map((word) => word.toLowerCase()));
    const kept = subjectMatter(previous.terms).filter((term) => !newWords.has(term.toLowerCase()));
    return { ...same, question: [subject, ...kept].join(" "), page: 0 };
  }
  if (CONTINUATION.test(plain)) return { ...fresh, ...inDocument };
  return fresh;
}

/**
 * A question's subject words, as typed: without the words every question has (`the`, `did`) or that frame it
 * (`happen`, `role`). "Why did the talks fail?" → `talks`, `fail`.
 */
export function subjectTerms(question: string): string[] {
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of words) {
    const folded = word.toLowerCase().replace(/[\u2019]/g, "'");
    if (STOP_WORDS.has(folded) || QUESTION_FRAME_WORDS.has(folded) || seen.has(folded)) continue;
    seen.add(folded);
    terms.push(word);
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * What "and X?" keeps of the thread's subject: X takes the place of the names it asked about and the question
 * keeps its things. "Why did the Geneva talks fail?" then "and China?" asks about China and the talks: not
 * about Geneva, and not about failing (never a noun, which would rank the first answer's
 * passages first again). Every term when none is left.
 */
export function subjectMatter(terms: readonly string[]): string[] {
  const lexicon = englishLexicon();
  const things = terms.filter((term) => {
    if (/^\p{Lu}/u.test(term)) return false;
    const senses = lexicon.senseCounts(term.toLowerCase());
    // A word WordNet lacks is kept (a term of the document's own); one that is only ever a verb is not.
    return !(senses.n === 0 && senses.v > 0);
  });
  return things.length > 0 ? things : [...terms];
}

/** A follow-up carries at most this many of the last question's words: enough for its subject, never a paragraph. */
const MAX_TERMS = 8;

function stripEnd(text: string): string {
  return text.replace(/[.!?…,;:\s]+$/u, "").trim();
}
