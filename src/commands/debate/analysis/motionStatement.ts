import type { KnowledgeDocument } from "../../../knowledge/index.js";
import { SENTENCE_OPENERS, STOP_WORDS } from "../../../text/englishWords.js";
import { valenceOf } from "./stance/polarityLexicon.js";

/** A reporting verb whose object is the claim itself: "Scholars like X (2014) argue that <claim>". */
const REPORTED_CLAIM = /\b(?:argues?|argued|contends?|contended|suggests?|suggested|claims?|claimed|maintains?|maintained|insists?|insisted|believes?|believed|warns?|warned|fears?|feared)\s+that\s+/i;
/** Openers that concede something before the claim: "Despite intermittent overtures, <claim>". */
const CONCESSIVE_OPENING = /^(?:despite|although|though|while|whereas|even though|even if)\b/i;
/** Where a claim ends and its elaboration or its other side begins. */
const CLAIM_END = /,\s+(?:but|while|whereas|although|though|with|from|making|raising|including|leaving|fearing|yet|since|because|so)\b|\s+(?:but|raising|while|whereas)\s|;|:\s/i;
const IN_TEXT_CITATION = /\s*\((?:e\.g\.,?\s*)?[^()]*\b(?:1[89]|20)\d{2}[a-z]?\)/g;
const OPENING_CUE = /^(?:however|conversely|meanwhile|yet|but|nevertheless|nonetheless|in contrast|by contrast|on the other hand|still|instead),\s*/i;
const MAX_CLAIM = 220;

/** What makes a claim arguable: a norm or forecast, a cause, a comparison or ranking, or a judgement. */
const NORMATIVE_OR_PREDICTIVE = /\b(?:should|must|ought|need to|needs to|cannot|can't|will|would|may|might|could|can)\b/i;
const CAUSAL = /\b(?:because|due to|making|makes|made|leads? to|led to|causes?|caused|so that|means|since|therefore|thus|designed to|in order to|only|main|more than|rather than|less than|the best|the worst|the real)\b/i;

/**
 * A debate motion in the house style, "This house believes that …", made from the claim a sentence makes:
 * the clause a scholar "argues", or the main clause without its concession, cue word, citations and
 * elaboration. Null when that claim is not arguable (a reported fact: "Stockholm introduced a charge in
 * 2006") or would have to be cut to fit: a motion is never cut off. The motion is the bot's wording; the
 * evidence under it is always quoted verbatim.
 */
export function motionStatement(sentence: string, document: KnowledgeDocument): string | null {
  const claim = claimOf(sentence, document);
  if (!claim || !isArguable(claim, sentence)) return null;
  return `This house believes that ${claim}.`;
}

/**
 * A normative or causal claim, a comparison, or a judgement in evaluative words (it takes a side someone
 * could take the other way); or any claim the text attributes to someone who argues it.
 */
export function isArguable(claim: string, sentence = claim): boolean {
  if (NORMATIVE_OR_PREDICTIVE.test(claim) || CAUSAL.test(claim)) return true;
  if (REPORTED_CLAIM.test(sentence)) return true;
  const words = claim.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((word) => Math.abs(valenceOf(word)) >= 2) && !/\b(?:1[89]|20)\d{2}\b/.test(claim);
}

/** The claim a sentence makes, or null when it cannot be had whole within MAX_CLAIM characters. */
export function claimOf(sentence: string, document: KnowledgeDocument): string | null {
  let claim = sentence.replace(IN_TEXT_CITATION, "").replace(OPENING_CUE, "").trim();
  const reported = REPORTED_CLAIM.exec(claim);
  if (reported) claim = claim.slice(reported.index + reported[0].length);
  else if (CONCESSIVE_OPENING.test(claim)) claim = mainClauseAfterConcession(claim);
  const end = CLAIM_END.exec(claim);
  if (end && end.index > 20) claim = claim.slice(0, end.index);
  claim = claim.replace(/[\s.,;:!?]+$/, "").replace(/,\s*\w+,/, (inserted) => (/meanwhile|however/i.test(inserted) ? "" : inserted));
  if (claim.length > MAX_CLAIM || claim.split(/\s+/).length < 3) return null;
  return lowerFirstWord(claim, document);
}

/**
 * "While unions including Unite, GMB, and the RMT have tried, <claim>": the claim starts after the
 * first comma that does not merely continue a list (a one- or two-word item, or "and …").
 */
function mainClauseAfterConcession(sentence: string): string {
  const parts = sentence.split(/,\s+/);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const isListItem = /^(?:and|or)\b/i.test(part) || (i < parts.length - 1 && part.split(/\s+/).length <= 2);
    if (!isListItem) return parts.slice(i).join(", ");
  }
  return sentence;
}

/**
 * "The talks …" becomes "the talks …" in the middle of the motion, but a name keeps its capital: the word
 * is lowered only when it is a common opener ("The", "Most") or the document writes it in lower case
 * somewhere. A name that only ever opens sentences ("Egypt …") is never taken for a common word.
 */
function lowerFirstWord(claim: string, document: KnowledgeDocument): string {
  const first = /^[\p{L}’'-]+/u.exec(claim)?.[0];
  // A possessive ("Lagos’s") is almost always a name.
  if (!first || first === first.toLowerCase() || /^\p{Lu}{2,}/u.test(first) || /[’']s$/.test(first)) return claim;
  const lower = first.toLowerCase();
  const common = SENTENCE_OPENERS.has(lower) || STOP_WORDS.has(lower) || document.passages.some((passage) => new RegExp(`(?<![\\p{L}])${escapeRegExp(lower)}(?![\\p{L}])`, "u").test(passage.text));
  return common ? lower + claim.slice(first.length) : claim;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
