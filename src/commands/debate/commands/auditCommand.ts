import type { KnowledgeBase, KnowledgeDocument, Section } from "../../../knowledge/index.js";
import { documentOption, requireDocument } from "../../shared/chooseDocument.js";
import { answerReply, errorReply } from "../../../reply/builders.js";
import type { Reply } from "../../../reply/types.js";
import type { CommandDefinition } from "../../registry/types.js";
import { documentExamples } from "../../shared/documentExamples.js";
import { evidenceUnitsOf, type EvidenceUnit } from "../analysis/evidenceUnits.js";
import { quoteEvidence } from "./quoteEvidence.js";

const MAX_UNCITED_QUOTES = 8;

/**
 * /audit [section] [document]: how well the essay supports itself. For a section, the sentences that cite
 * nothing and the sources it leans on; with no section, cited and uncited counts for every section.
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
    const choice = requireDocument(knowledge, args.document, command);
    if (choice.reply) return choice.reply;
    const document = choice.document;
    const units = evidenceUnitsOf(document);
    const wanted = args.section?.trim();
    if (!wanted) return summaryReply(document, units, `/${command} ${documentExamples(knowledge).section}`);
    const section = knowledge.findSections(wanted, { documentId: document.id, limit: 1 })[0]?.section;
    if (!section) {
      return errorReply("No such section", `No section of ${document.title} matches '${wanted.slice(0, 80)}'.`, {
        fields: [{ label: "Sections", value: document.sections.map((s) => s.heading).join("\n") }],
      });
    }
    return sectionReply(knowledge, document, section, units.filter((unit) => unit.passage.sectionIndex === section.index));
  },
};

function sectionReply(knowledge: KnowledgeBase, document: KnowledgeDocument, section: Section, units: EvidenceUnit[]): Reply {
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
  return answerReply(`Audit: ${section.heading}`, {
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
