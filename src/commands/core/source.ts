import { addressReply, forOption } from "../shared/addressReply.js";
import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { describeCorrections } from "../shared/describeCorrections.js";
import { noMatchReply } from "../shared/noMatchReply.js";
import { noMorePassagesReply, passagePage, PASSAGES_PER_PAGE } from "../shared/passagePage.js";
import { referencesOf } from "../shared/quotePassage.js";
import type { TermCorrection } from "../../knowledge/termVocabulary.js";
import type { CommandDefinition } from "../registry/types.js";
import { answerReply, errorReply } from "../../reply/builders.js";
import { documentExamples, firstExample } from "../shared/documentExamples.js";

export const sourceCommand: CommandDefinition = {
  name: "source",
  description: "Where the document speaks of a name or term ({terms}), with full references",
  usage: "<name or term> [for: @person] [document: name]",
  options: [
    { name: "name", description: "A name or term: {terms}", kind: "text", required: true, main: true, autocomplete: "terms" },
    forOption,
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge, page, platform }) => {
    const name = args.name?.trim() ?? "";
    if (!name) {
      return errorReply("Which name or term?", `Type a name or term after /${command}, for example: /${command} ${firstExample(documentExamples(knowledge).terms)}`);
    }
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const search = (match: "all" | "any") =>
      knowledge.search(name, { documentId: choice.document?.id, limit: PASSAGES_PER_PAGE, offset: page * PASSAGES_PER_PAGE, match });
    // A name of several words (`retail park`) should find passages naming all of it; if none does, the
    // passages naming part of it are still better than nothing.
    let outcome = search("all");
    let partial = false;
    if (outcome.total === 0) {
      outcome = search("any");
      partial = outcome.total > 0 && outcome.words.length > 1;
    }
    if (outcome.hits.length === 0) {
      return page > 0 ? noMorePassagesReply(`mentioning '${name.slice(0, 80)}'`) : noMatchReply(knowledge, choice.document, name);
    }
    const shown = passagePage(knowledge, outcome, { command, args: { name, document: args.document }, page });
    const uncited = shown.quotes.filter((quote) => quote.citations.length === 0).length;
    const lead = [
      describeCorrections(outcome.corrections),
      partial ? `No passage names all of '${name.slice(0, 80)}'; these name part of it.` : "",
      shown.range,
    ];
    const footer = [
      uncited > 0
        ? uncited === 1
          ? "One passage cites no source of its own; open it in context to see the surrounding citations."
          : `${uncited} passages cite no source of their own; open them in context to see the surrounding citations.`
        : "",
      shown.moreUnavailable ?? "",
    ].filter(Boolean).join(" ");
    const reply = answerReply(`Where the document mentions ${correctedName(name, outcome.corrections)}`, {
      text: lead.filter(Boolean).join(" "),
      quotes: shown.quotes,
      references: referencesOf(shown.quotes),
      actions: shown.actions,
      footer: footer || undefined,
    });
    return addressReply(reply, args.for, platform);
  },
};

/** The name as searched: `lodnon` reads `london` in the title, the lead says what was corrected. */
function correctedName(name: string, corrections: readonly TermCorrection[]): string {
  return corrections.reduce(
    (text, correction) => text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(correction.from)}(?![\\p{L}\\p{N}])`, "giu"), correction.to),
    name,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
