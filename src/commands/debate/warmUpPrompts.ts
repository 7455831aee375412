import type { EvidenceUnit } from "./evidenceUnits.js";
import type { DebateMaterial } from "./findMotions.js";

/** A warm-up question and the sentences it is about. */
export interface WarmUpPrompt {
  question: string;
  units: EvidenceUnit[];
}

const REPORTED = /\b(argues?|contends?|suggests?|claims?|maintains?|insists?)\b/i;

/**
 * One prompt per contested place in the document, in document order: the contrasts it draws, worded by
 * the kind of contrast (a scholar's claim, a hope undone, two sides of one sentence, two parties' stands).
 */
export function warmUpPrompts(material: DebateMaterial): WarmUpPrompt[] {
  return material.contrasts.map((contrast): WarmUpPrompt => {
    const units = contrast.second ? [contrast.first, contrast.second] : [contrast.first];
    const author = contrast.first.citations[0]?.author;
    if (contrast.second && REPORTED.test(contrast.first.text) && REPORTED.test(contrast.second.text)) {
      const other = contrast.second.citations[0]?.author;
      const who = author && other ? `${author} and ${other}` : "These two camps";
      return { units, question: `${who} explain the deadlock in opposite ways. Which explanation fits the evidence better, and what would change your mind?` };
    }
    if (contrast.kind === "within" && REPORTED.test(contrast.first.text)) {
      return { units, question: `${author ?? "The document"} floats an outcome and the same sentence gives reasons it may not happen. Is it still worth proposing?` };
    }
    switch (contrast.cue) {
      case "however":
      case "but":
      case "yet":
      case "nevertheless":
      case "nonetheless":
        return { units, question: "Something promising is followed by what undid or limited it. Was the setback inevitable, or could it have gone the other way?" };
      case "meanwhile":
        return { units, question: "Two parties, two stands, side by side. Which one would have to move first for talks to resume, and why?" };
      case "conversely":
        return { units, question: "The text sets two readings against each other. Which is more convincing, and what evidence would settle it?" };
      default:
        return { units, question: "This sentence holds both sides of an argument. Which half matters more for peace, and why?" };
    }
  });
}
