import { documentOption, requireDocument } from "../../shared/chooseDocument.js";
import { referencesOf } from "../../shared/quotePassage.js";
import type { CommandDefinition } from "../../registry/types.js";
import { answerReply, errorReply, noticeReply } from "../../../reply/builders.js";
import { askCommand } from "../../core/ask.js";
import { sourceCommand } from "../../core/source.js";
import { counterEvidence, MIN_GOOD_EVIDENCE, supportingEvidence } from "../analysis/counterEvidence.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { argumentMapOf } from "../analysis/stance/argumentMap.js";
import { readStatement } from "../analysis/stance/readStatement.js";
import { undiscussedWords } from "../analysis/stance/undiscussedWords.js";

const MAX_COUNTERS = 4;

/**
 * /counter <claim>: the sentences that cut against a claim, each with the reason it does. A sentence is shown
 * only when the text puts it against the claim; a claim the document does not discuss is told so, and a
 * claim the document itself argues gets "offers little", not filler.
 */
export const counterCommand: CommandDefinition = {
  name: "counter",
  description: "Passages that cut against a claim, each with why, and citations",
  usage: "<claim> [document: name]",
  options: [
    { name: "claim", description: "The claim to test, in your own words", kind: "text", required: true, main: true },
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge }) => {
    const claim = args.claim?.trim() ?? "";
    const example = `/${command} the main argument is wrong`;
    if (!claim) return errorReply("Which claim?", `Type a claim after /${command}, in your own words, for example: ${example}`);
    const choice = requireDocument(knowledge, args.document, command);
    if (choice.reply) return choice.reply;
    const document = choice.document;
    if (readStatement(claim).terms.size === 0) {
      return errorReply("Which claim?", `That claim has no words a document could discuss. Write it as a sentence with its subject, for example: ${example}`);
    }
    const map = argumentMapOf(document);
    const missing = undiscussedWords(knowledge, map, claim);
    if (missing) {
      const instead = `Try /${askCommand.name} or /${sourceCommand.name} for what it does cover.`;
      return noticeReply("Not in the document", `The document does not discuss ${listWords(missing)}, so it has nothing to set against that claim. ${instead}`);
    }
    const counters = counterEvidence(map, claim, { knowledge }).slice(0, MAX_COUNTERS);
    const quotes = counters.map((stance) => quoteEvidence(knowledge, stance.unit, stance.reason));
    const argues = quotes.length < MIN_GOOD_EVIDENCE && supportingEvidence(map, claim, { knowledge }).length > 0;
    const lead =
      quotes.length === 0
        ? `${document.title} sets nothing against this claim: ${argues ? "it argues this side itself" : "it does not take up the other side"}.`
        : quotes.length < MIN_GOOD_EVIDENCE
          ? `${document.title} offers little against this claim${argues ? ": it argues this side itself" : ""}. One passage, quoted word for word:`
          : "These passages cut against your claim, each with why, quoted word for word:";
    return quotes.length > 0 ? answerReply("Counter-evidence", { text: lead, quotes, references: referencesOf(quotes) }) : noticeReply("Counter-evidence", lead);
  },
};

function listWords(words: readonly string[]): string {
  const shown = words.slice(0, 4).map((word) => `“${word}”`);
  return shown.length <= 1 ? (shown[0] ?? "that") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}
