import type { EvidenceUnit } from "./evidenceUnits.js";
import type { DebateMaterial } from "./findMotions.js";
import { REPORTED_CLAIM } from "./stance/argumentMap.js";

/** A warm-up question and the sentences it is about. */
export interface WarmUpPrompt {
  question: string;
  units: EvidenceUnit[];
}

/**
 * One prompt per contested place in the document, in document order: the contrasts it draws, worded by the
 * kind of contrast (two attributed claims, a claim and its answer, two stands side by side, one sentence
 * holding both sides). The wording takes no side: neither half is called hopeful or right, and nothing
 * assumes what the document is about.
 */
export function warmUpPrompts(material: DebateMaterial): WarmUpPrompt[] {
  return material.contrasts.map((contrast): WarmUpPrompt => {
    const units = contrast.second ? [contrast.first, contrast.second] : [contrast.first];
    const author = contrast.first.citations[0]?.author;
    if (contrast.second && REPORTED_CLAIM.test(contrast.first.text) && REPORTED_CLAIM.test(contrast.second.text)) {
      const other = contrast.second.citations.find((citation) => citation.author !== author)?.author;
      const who = author && other ? `${author} and ${other}` : "These two camps";
      return { units, question: `${who} make opposite claims here. Which fits the evidence better, and what would change your mind?` };
    }
    if (contrast.kind === "within" && REPORTED_CLAIM.test(contrast.first.text)) {
      return { units, question: `${author ?? "The document"} puts forward a claim, and the same sentence gives a reason against it. Which half carries more weight?` };
    }
    switch (contrast.cue) {
      case "however":
      case "but":
      case "yet":
      case "nevertheless":
      case "nonetheless":
        return { units, question: "The text states one thing, then answers it. Does the answer outweigh what it answers, or only qualify it?" };
      case "meanwhile":
        return { units, question: "Two positions side by side. Which would have to give way first for the two to meet, and why?" };
      case "conversely":
        return { units, question: "The text sets two readings against each other. Which is more convincing, and what evidence would settle it?" };
      default:
        return { units, question: "This sentence holds a claim and a qualification. Does the qualification undo the claim, or only limit it?" };
    }
  });
}
