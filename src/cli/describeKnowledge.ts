import { pagesOf, type KnowledgeBase } from "../knowledge/index.js";

/** The parsed model as `npm run knowledge -- --json` prints it: the CLI's stable contract. */
export function describeKnowledge(knowledge: KnowledgeBase) {
  return {
    documents: knowledge.documents.map((document) => ({
      id: document.id,
      title: document.title,
      sections: document.sections.map((section) => ({ heading: section.heading })),
      passages: document.passages.map((passage) => ({ text: passage.text, section: passage.section, ...pagesOf(passage) })),
      citations: document.sources.map((source) => ({
        author: source.author,
        year: source.year,
        inReferenceList: source.inReferenceList,
        reference: source.reference?.text ?? null,
        passages: source.passageIds.length,
      })),
      problems: document.problems,
    })),
    errors: knowledge.errors,
  };
}
