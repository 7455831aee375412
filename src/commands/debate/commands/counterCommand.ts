import { chooseDocument, documentOption } from "../../shared/chooseDocument.js";
import { documentsOn } from "../../shared/acrossDocuments.js";
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
 * claim the document itself argues gets "offers little", not filler. With no document named, the documents that
 * speak to the claim are used, each judged on its own argument.
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
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    if (readStatement(claim).terms.size === 0) {
      return errorReply("Which claim?", `That claim has no words a document could discuss. Write it as a sentence with its subject, for example: ${example}`);
    }
    // No document named: the documents that speak to the claim, each judged on its own argument.
    const candidates = choice.document ? [choice.document] : documentsOn(knowledge, claim);
    const judged = candidates.map((document) => {
      const map = argumentMapOf(document);
      return { document, map, missing: undiscussedWords(knowledge, map, claim) };
    });
    const discussing = judged.filter((entry) => !entry.missing);
    if (discussing.length === 0) {
      const missing = judged[0]?.missing ?? knowledge.unmatchedWords(claim);
      const where = choice.document ? "The document does" : "None of the loaded documents";
      const instead = `Try /${askCommand.name} or /${sourceCommand.name} for what it does cover.`;
      return noticeReply(choice.document ? "Not in the document" : "Not in the documents", `${where} ${choice.document ? "not discuss" : "discusses"} ${listWords(missing)}, so ${choice.document ? "it has" : "they have"} nothing to set against that claim. ${instead}`);
    }
    const several = discussing.length > 1;
    const counters = discussing
      .flatMap(({ document, map }) => counterEvidence(map, claim, { knowledge }).map((stance) => ({ document, stance })))
      .sort((a, b) => b.stance.strength - a.stance.strength)
      .slice(0, MAX_COUNTERS);
    const quotes = counters.map(({ document, stance }) => quoteEvidence(knowledge, stance.unit, several ? `${document.title}: ${stance.reason}` : stance.reason));
    const argues = quotes.length < MIN_GOOD_EVIDENCE && discussing.some(({ map }) => supportingEvidence(map, claim, { knowledge }).length > 0);
    const title = several ? "The documents" : discussing[0]!.document.title;
    const lead =
      quotes.length === 0
        ? `${title} ${several ? "set" : "sets"} nothing against this claim: ${argues ? `${several ? "they argue this side themselves" : "it argues this side itself"}` : `${several ? "they do" : "it does"} not take up the other side`}.`
        : quotes.length < MIN_GOOD_EVIDENCE
          ? `${title} ${several ? "offer" : "offers"} little against this claim${argues ? `: ${several ? "they argue this side themselves" : "it argues this side itself"}` : ""}. One passage, quoted word for word:`
          : "These passages cut against your claim, each with why, quoted word for word:";
    return quotes.length > 0 ? answerReply("Counter-evidence", { text: lead, quotes, references: referencesOf(quotes) }) : noticeReply("Counter-evidence", lead);
  },
};

function listWords(words: readonly string[]): string {
  const shown = words.slice(0, 4).map((word) => `“${word}”`);
  return shown.length <= 1 ? (shown[0] ?? "that") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}
