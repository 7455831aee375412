import { documentOption, requireDocument } from "../chooseDocument.js";
import { noMatchReply } from "../noMatchReply.js";
import { referencesOf } from "../quotePassage.js";
import type { CommandDefinition } from "../types.js";
import { counterEvidence } from "./counterEvidence.js";
import { unitsOfPassage } from "./evidenceUnits.js";
import { contrastPartners } from "./findContrasts.js";
import { debateMaterialOf } from "./findMotions.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { similarity, termsOf } from "./textSimilarity.js";
import { errorReply } from "../errorReply.js";

const MAX_COUNTERS = 4;

/**
 * /counter <claim>: the sentences that cut against a claim. The claim is matched to the document's closest
 * sentence; the answer is what the text sets against that sentence, then its other contested sentences.
 */
export const counterCommand: CommandDefinition = {
  name: "counter",
  description: "Passages that cut against a claim or show its other side, with citations",
  usage: "<claim> [document: name]",
  options: [
    { name: "claim", description: "The claim to test: nato expansion caused the war", kind: "text", required: true, main: true },
    documentOption,
  ],
  cacheable: true,
  handler: ({ args, knowledge }) => {
    const claim = args.claim?.trim() ?? "";
    if (!claim) {
      return errorReply("Which claim?", "Type a claim after /counter, for example: /counter NATO expansion made compromise impossible");
    }
    const choice = requireDocument(knowledge, args.document, "counter");
    if (choice.reply || !choice.document) return choice.reply!;
    const hit = knowledge.search(claim, { documentId: choice.document.id, limit: 1 }).hits[0];
    if (!hit) return noMatchReply(knowledge, choice.document, claim);

    const material = debateMaterialOf(choice.document);
    const claimTerms = termsOf(claim);
    const candidates = unitsOfPassage(hit.passage).map((unit) => ({ unit, fit: similarity(claimTerms, termsOf(unit.text)) }));
    const bestFit = Math.max(...candidates.map((c) => c.fit));
    const matched = candidates.filter((c) => c.fit === bestFit).map((c) => c.unit);
    const partners = new Set(matched.flatMap((unit) => contrastPartners(material.contrasts, unit)).map((unit) => unit.key));
    const counters = counterEvidence(material, matched, claim).slice(0, MAX_COUNTERS);
    const quotes = counters.map((unit) =>
      quoteEvidence(knowledge, unit, partners.has(unit.key) ? "Set against it in the text" : "The other side"),
    );
    return {
      title: "Counter-evidence",
      text: [
        `Your claim is closest to the document's sentence in “${hit.passage.section}”.`,
        quotes.length > 0
          ? "These passages cut against it or show its other side, quoted word for word:"
          : "The document sets nothing against it.",
      ].join("\n"),
      quotes,
      references: referencesOf(quotes),
      visibility: "private",
      kind: quotes.length > 0 ? "answer" : "notice",
    };
  },
};
