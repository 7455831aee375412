import type { KnowledgeDocument } from "../../knowledge/index.js";

/** A reporting verb whose object is the claim itself: "Mearsheimer (2014) argue that <claim>". */
const REPORTED_CLAIM = /\b(?:argues?|argued|contends?|contended|suggests?|suggested|claims?|claimed|maintains?|maintained|insists?|insisted|believes?|believed)\s+that\s+/i;
/** Openers that concede something before the claim: "Despite intermittent overtures, <claim>". */
const CONCESSIVE_OPENING = /^(?:despite|although|though|while|whereas|even though|even if)\b/i;
/** Where a claim ends and its elaboration or its other side begins. */
const CLAIM_END = /,\s+(?:but|while|whereas|although|though|with|from|making|raising|including|leaving|fearing|yet)\b|\s+(?:but|raising|while|whereas)\s|;|:\s/i;
const IN_TEXT_CITATION = /\s*\((?:e\.g\.,?\s*)?[^()]*\b(?:1[89]|20)\d{2}[a-z]?\)/g;
const OPENING_CUE = /^(?:however|conversely|meanwhile|yet|but|nevertheless|nonetheless|in contrast|by contrast|on the other hand|still|instead),\s*/i;
const MAX_CLAIM = 220;

/**
 * A debate motion in the house style, "This house believes that …", made from the claim a sentence makes:
 * the clause a scholar "argues", or the main clause without its concession, cue word, citations and
 * elaboration. The motion is the bot's wording; the evidence under it is always quoted verbatim.
 */
export function motionStatement(sentence: string, document: KnowledgeDocument): string {
  return `This house believes that ${claimOf(sentence, document)}.`;
}

export function claimOf(sentence: string, document: KnowledgeDocument): string {
  let claim = sentence.replace(IN_TEXT_CITATION, "").replace(OPENING_CUE, "").trim();
  const reported = REPORTED_CLAIM.exec(claim);
  if (reported) claim = claim.slice(reported.index + reported[0].length);
  else if (CONCESSIVE_OPENING.test(claim)) claim = mainClauseAfterConcession(claim);
  const end = CLAIM_END.exec(claim);
  if (end && end.index > 20) claim = claim.slice(0, end.index);
  claim = claim.replace(/[\s.,;:!?]+$/, "").replace(/,\s*\w+,/, (inserted) => (/meanwhile|however/i.test(inserted) ? "" : inserted));
  if (claim.length > MAX_CLAIM) claim = claim.slice(0, claim.lastIndexOf(" ", MAX_CLAIM)).replace(/[\s,;]+\w*$/, "") + " …";
  return lowerFirstWord(claim, document);
}

/**
 * "While mediators including Turkey, China, and the UN have tried, <claim>": the claim starts after the
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
 * "The talks …" becomes "the talks …" in the middle of the motion, but "Russia …" and "NATO …" keep their
 * capitals: a word stays capitalised when the document writes it that way mid-sentence.
 */
function lowerFirstWord(claim: string, document: KnowledgeDocument): string {
  const first = /^[\p{L}’'-]+/u.exec(claim)?.[0];
  // A possessive ("Putin’s") is almost always a name.
  if (!first || first === first.toLowerCase() || /^\p{Lu}{2,}/u.test(first) || /[’']s$/.test(first)) return claim;
  const capitalisedInside = document.passages.some((passage) => new RegExp(`[^.!?]\\s${escapeRegExp(first)}\\b`, "u").test(passage.text));
  return capitalisedInside ? claim : first.toLowerCase() + claim.slice(first.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
