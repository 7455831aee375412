import type { Source } from "../../knowledge/index.js";
import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { contextActions } from "./context.js";
import { quotePassage } from "../shared/quotePassage.js";
import type { ReplyField } from "../../reply/types.js";
import { answerReply, errorReply, noticeReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";
import { documentExamples } from "../shared/documentExamples.js";

/** Every passage citing a source is shown, up to this many; an essay rarely cites one source more often. */
const MAX_CITING_PASSAGES = 10;

export const citeCommand: CommandDefinition = {
  name: "cite",
  description: "A source's reference entry, whether it can be checked, and every passage that cites it",
  usage: "<author or source> [document: name]",
  options: [
    { name: "source", description: "An author or source: {source}", kind: "text", required: true, main: true, autocomplete: "sources" },
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge }) => {
    const query = args.source?.trim() ?? "";
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const inScope = choice.document ? [choice.document] : knowledge.documents;
    const known = [...new Set(inScope.flatMap((d) => d.sources.map((s) => s.author)))].join(", ");
    const sourcesCited = [{ label: "Sources cited", value: known || "none" }];
    if (!query) {
      const example = documentExamples(knowledge).source;
      return errorReply("Which source?", `Type an author or source after /${command}, for example: /${command} ${example}`, { fields: sourcesCited });
    }
    const hits = knowledge.findSources(query, { documentId: choice.document?.id, limit: 5 });
    const best = hits[0];
    if (!best) {
      const where = choice.document?.title ?? "the loaded documents";
      return noticeReply("No such source", `No source matching '${query.slice(0, 80)}' is cited in ${where}.`, { fields: sourcesCited });
    }
    const { source, document } = best;
    const passages = source.passageIds.map((id) => knowledge.passage(id)).filter((p) => p !== undefined);
    const quotes = passages.slice(0, MAX_CITING_PASSAGES).map((passage) => quotePassage(knowledge, passage));
    const fields: ReplyField[] = [
      { label: "Reference entry", value: source.reference?.text ?? "None: not in the reference list" },
      { label: "Cited in", value: passages.length === 0 ? "No passage cites it" : `${passages.length} passage${passages.length === 1 ? "" : "s"} of ${document.title}` },
    ];
    const others = hits.slice(1).map((hit) => `${hit.source.author} (${hit.source.year})`);
    if (others.length > 0) fields.push({ label: "Other matches", value: others.join(", ") });
    return answerReply(`${source.author} (${source.year})`, {
      text: describeStanding(source),
      quotes,
      references: source.reference ? [source.reference.text] : [],
      fields,
      actions: contextActions(quotes),
      footer: passages.length > quotes.length ? `Showing ${quotes.length} of ${passages.length} citing passages.` : undefined,
    });
  },
};

/** Whether a reader can check the source, said plainly. */
function describeStanding(source: Source): string {
  const name = `${source.author} (${source.year})`;
  if (!source.reference) {
    return `${name} is cited in the text but is not in the reference list, so it cannot be checked.`;
  }
  const uncited = source.cited ? "" : " No passage of the text cites it.";
  if (!source.reference.details) {
    return `${name} is in the reference list, but the reference entry gives no title or venue, so it cannot be fully checked.${uncited}`;
  }
  return `${name} is in the reference list: ${source.reference.text}${uncited}`;
}
