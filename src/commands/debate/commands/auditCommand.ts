import type { KnowledgeBase, KnowledgeDocument, Section } from "../../../knowledge/index.js";
import { chooseDocument, documentOption, whichDocumentReply } from "../../shared/chooseDocument.js";
import { foldForComparison } from "../../../text/normalizeText.js";
import { answerReply, errorReply } from "../../../reply/builders.js";
import type { Reply } from "../../../reply/types.js";
import type { CommandDefinition } from "../../registry/types.js";
import { documentExamples } from "../../shared/documentExamples.js";
import { evidenceUnitsOf, type EvidenceUnit } from "../analysis/evidenceUnits.js";
import { quoteEvidence } from "./quoteEvidence.js";

const MAX_UNCITED_QUOTES = 8;
/** Sections looked at for one typed heading: enough to see the same heading in several documents. */
const MAX_SECTION_HITS = 10;
/** A reply holds 25 fields on every platform. */
const MAX_DOCUMENT_FIELDS = 25;

/**
 * /audit [section] [document]: how well the essay supports itself. For a section, the sentences that cite
 * nothing and the sources it leans on; with no section, cited and uncited counts for every section; with
 * several documents and none named, a line for each document, or the section of whichever has it.
 */
export const auditCommand: CommandDefinition = {
  name: "audit",
  description: "Which claims in a section cite nothing, and which sources it leans on",
  usage: "[section] [document: name]",
  options: [
    { name: "section", description: "A section heading, roughly: {section}", kind: "text", main: true, autocomplete: "sections" },
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge }) => {
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const wanted = args.section?.trim();
    const example = `/${command} ${documentExamples(knowledge).section}`;
    if (!wanted) {
      return choice.document ? summaryReply(choice.document, evidenceUnitsOf(choice.document), example) : everyDocumentReply(knowledge, command);
    }
    const hits = knowledge.findSections(wanted, { documentId: choice.document?.id, limit: MAX_SECTION_HITS });
    const best = hits[0];
    if (!best) {
      const where = choice.document ? choice.document.title : "any loaded document";
      return errorReply("No such section", `No section of ${where} matches '${wanted.slice(0, 80)}'.`, {
        fields: [{ label: "Sections", value: (choice.document ?? knowledge.documents[0]!).sections.map((s) => s.heading).join("\n") }],
      });
    }
    // The same heading in several documents ("Conclusion") is a different audit in each: ask which.
    const alike = hits.filter((hit) => foldForComparison(hit.section.heading) === foldForComparison(best.section.heading));
    const candidates = [...new Set(alike.map((hit) => hit.document))];
    if (candidates.length > 1) {
      return whichDocumentReply(knowledge, candidates, command, args, { main: "section", why: `Several documents have a section '${best.section.heading}'.` });
    }
    const document = best.document;
    const units = evidenceUnitsOf(document).filter((unit) => unit.passage.sectionIndex === best.section.index);
    return sectionReply(knowledge, document, best.section, units, !choice.document && knowledge.documents.length > 1);
  },
};

/** With several documents and none named: how well each supports itself, one line each. */
function everyDocumentReply(knowledge: KnowledgeBase, command: string): Reply {
  const shown = knowledge.documents.slice(0, MAX_DOCUMENT_FIELDS);
  const fields = shown.map((document) => {
    const units = evidenceUnitsOf(document);
    const cited = units.filter((unit) => unit.citations.length > 0).length;
    return { label: document.title, value: `${cited} of ${units.length} sentences cite a source (${document.sections.length} section${document.sections.length === 1 ? "" : "s"}).` };
  });
  const more = knowledge.documents.length - shown.length;
  return answerReply("Audit of the loaded documents", {
    text: `How many sentences of each document cite a source. Name a document to see its sections, for example: /${command} ${documentOption.name}: ${shown[0]!.id}`,
    fields,
    footer: more > 0 ? `${more} more documents not shown.` : undefined,
  });
}

/** `named`: say which document the section is from (several are loaded and none was named). */
function sectionReply(knowledge: KnowledgeBase, document: KnowledgeDocument, section: Section, units: EvidenceUnit[], named = false): Reply {
  const uncited = units.filter((unit) => unit.citations.length === 0);
  const leanedOn = new Map<string, number>();
  for (const unit of units) {
    for (const citation of unit.citations) {
      const source = knowledge.sourceOf(document.id, citation);
      const name = `${citation.author} (${citation.year})${source?.reference ? "" : ", not in the reference list"}`;
      leanedOn.set(name, (leanedOn.get(name) ?? 0) + 1);
    }
  }
  const sources = [...leanedOn.entries()].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name}: ${count} sentence${count === 1 ? "" : "s"}`);
  const shown = uncited.slice(0, MAX_UNCITED_QUOTES).map((unit) => quoteEvidence(knowledge, unit, "No citation"));
  const cited = `${units.length - uncited.length} of ${units.length} sentences in this section cite a source.`;
  return answerReply(named ? `Audit: ${section.heading} (${document.title})` : `Audit: ${section.heading}`, {
    text: `${cited} ${uncited.length > 0 ? "These claims carry no citation:" : "Every sentence cites a source."}`,
    quotes: shown,
    fields: [{ label: "Sources it leans on", value: sources.length > 0 ? sources.join("\n") : "None: the section cites no source." }],
    footer: uncited.length > shown.length ? `${uncited.length - shown.length} more uncited sentences not shown.` : undefined,
  });
}

/** `example` is a command line that audits one section: `/audit limits of pricing`. */
function summaryReply(document: KnowledgeDocument, units: EvidenceUnit[], example: string): Reply {
  const fields = document.sections.slice(0, 25).map((section) => {
    const inSection = units.filter((unit) => unit.passage.sectionIndex === section.index);
    const cited = inSection.filter((unit) => unit.citations.length > 0).length;
    return { label: section.heading, value: `${cited} cited, ${inSection.length - cited} uncited sentence${inSection.length - cited === 1 ? "" : "s"}` };
  });
  const cited = units.filter((unit) => unit.citations.length > 0).length;
  return answerReply(`Audit: ${document.title}`, {
    text: `${cited} of ${units.length} sentences cite a source. Name a section to see its uncited claims: ${example}`,
    fields,
  });
}
