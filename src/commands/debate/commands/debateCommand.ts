import type { KnowledgeBase } from "../../../knowledge/index.js";
import { answerReply, invocationButton, noticeReply, shareValue } from "../../../reply/builders.js";
import type { Reply } from "../../../reply/types.js";
import type { CommandDefinition } from "../../registry/types.js";
import { chooseDocument, documentOption } from "../../shared/chooseDocument.js";
import { documentsOn, interleave } from "../../shared/acrossDocuments.js";
import { noMatchReply } from "../../shared/noMatchReply.js";
import { referencesOf } from "../../shared/quotePassage.js";
import { buildSides, MIN_GOOD_EVIDENCE } from "../analysis/buildSides.js";
import { debateQuestions } from "../analysis/debateQuestions.js";
import { unitsOfPassage } from "../analysis/evidenceUnits.js";
import { debateMaterialOf, findMotions, MAX_MOTIONS, motionFromUnit, motionsAbout, type DebateMaterial, type Motion, type MotionOrigin } from "../analysis/findMotions.js";
import { similarity, termsOf } from "../analysis/textSimilarity.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { encodeSeen, pickUnseen, SEEN_ARG } from "./seenItems.js";

export const ANOTHER_MOTION_LABEL = "Another motion";

/** Where a motion comes from, read after "drawn from". */
const ORIGINS: Record<MotionOrigin, string> = {
  curated: "the document's topic file",
  thesis: "the document's thesis",
  contrast: "a claim the document sets another against",
  argued: "a claim the document reports someone arguing",
  conclusion: "the document's conclusion",
  topic: "the passage that best matches your topic",
};

/**
 * /debate [topic] [document]: a motion with cited evidence for both sides, from the document named, else the
 * documents that speak to the topic, else any document. The "Another motion" button
 * carries the motions already shown (a bitmask in the hidden `seen` argument), so the next click picks an
 * unseen one without any server-side state; `motion` pins one motion, for "Share in channel".
 */
export function createDebateCommand(random: () => number): CommandDefinition {
  return {
    name: "debate",
    description: "A debate motion from the document, with cited evidence for Proposition and Opposition",
    usage: "[topic] [document: name]",
    options: [
      { name: "topic", description: "What the motion should be about: {terms}", kind: "text", main: true, autocomplete: "terms" },
      documentOption,
    ],
    buttonArgs: [SEEN_ARG, { name: "motion", description: "The motion to show, by its place in the list: what Share posts" }],
    handler: ({ command, args, knowledge }) => {
      const choice = chooseDocument(knowledge, args.document);
      if (choice.reply) return choice.reply;
      // Short enough that the topic travels whole in a 100-character button with the seen mask.
      const topic = args.topic?.trim().slice(0, 40) || undefined;
      // No document named: a topic goes to the documents that speak to it; without one, motions come from all.
      const documents = choice.document ? [choice.document] : topic ? documentsOn(knowledge, topic) : knowledge.documents.slice(0, MAX_MOTIONS);
      const several = documents.length > 1;
      const motions = interleave(
        documents.map((document) => {
          const material = debateMaterialOf(document);
          return (topic ? motionsOnTopic(knowledge, material, topic) : findMotions(material)).map((motion) => ({ motion, material }));
        }),
      ).slice(0, MAX_MOTIONS);
      if (motions.length === 0) {
        if (topic) return noMatchReply(knowledge, choice.document, topic);
        return noticeReply("No motions", `${choice.document ? choice.document.title : "None of the loaded documents"} draws no contrasts to debate.`);
      }
      const picked = pickUnseen(motions.length, args.seen, args.motion, random);
      const next = { topic, document: args.document, seen: encodeSeen(picked.seen) };
      const { motion, material } = motions[picked.index]!;
      return motionReply(knowledge, material, motion, {
        position: `Motion ${picked.index + 1} of ${motions.length}${topic ? ` on '${topic}'` : ""}`,
        from: several || !choice.document ? material.document.title : undefined,
        startedOver: picked.startedOver,
        another: invocationButton(ANOTHER_MOTION_LABEL, { command, args: next }),
        share: shareValue({ command, args: { ...next, motion: String(picked.index) } }),
      });
    },
  };
}

/** Motions about the topic; failing those, one made from an arguable sentence the topic search ranks high. */
function motionsOnTopic(knowledge: KnowledgeBase, material: DebateMaterial, topic: string): Motion[] {
  const about = motionsAbout(knowledge, material, findMotions(material), topic);
  if (about.length > 0) return about;
  // Failing those, the best-ranked sentence on the topic that makes an arguable claim; a reported fact makes none.
  const wanted = termsOf(topic);
  for (const hit of knowledge.search(topic, { documentId: material.document.id, limit: 5 }).hits) {
    const ranked = unitsOfPassage(hit.passage).sort((a, b) => similarity(wanted, termsOf(b.text)) - similarity(wanted, termsOf(a.text)));
    for (const unit of ranked) {
      const motion = motionFromUnit(material.document, unit, topic);
      if (motion) return [motion];
    }
  }
  return [];
}

interface MotionReplyOptions {
  position: string;
  /** The document's title, when several were drawn on: which one this motion is from. */
  from?: string;
  startedOver: boolean;
  /** "Another motion" and Share, when their arguments fit whole: a cut topic would mean a different list of motions. */
  another: ReturnType<typeof invocationButton>;
  share: string | undefined;
}

function motionReply(knowledge: KnowledgeBase, material: DebateMaterial, motion: Motion, options: MotionReplyOptions): Reply {
  const sides = buildSides(material, motion, knowledge);
  const proposition = sides.proposition.map((entry) => quoteEvidence(knowledge, entry.unit, `Proposition: ${entry.reason}`));
  const opposition = sides.opposition.map((entry) => quoteEvidence(knowledge, entry.unit, `Opposition: ${entry.reason}`));
  const quotes = [...proposition, ...opposition];
  const questions = debateQuestions(material, motion, sides);
  const thin = [
    sides.proposition.length < MIN_GOOD_EVIDENCE ? "Proposition" : "",
    sides.opposition.length < MIN_GOOD_EVIDENCE ? "Opposition" : "",
  ].filter(Boolean);
  const lead = [
    options.startedOver ? "Every motion has been shown once; starting over." : "",
    `Motion: ${motion.statement}`,
    `${options.position}, drawn from ${ORIGINS[motion.origin]}${options.from ? ` (${options.from})` : ""}. Evidence for each side is quoted word for word below, with why it stands there.`,
    thin.length === 2
      ? "The document offers little for either side of this motion: argue it from your own evidence."
      : thin.length === 1
        ? `The document offers little for the ${thin[0]}: it argues the other side.`
        : "",
  ];
  return answerReply("Debate motion", {
    text: lead.filter(Boolean).join("\n"),
    quotes,
    references: referencesOf(quotes),
    fields: [{ label: "Rebuttal questions", value: questions.map((q, i) => `${i + 1}. ${q}`).join("\n") }],
    actions: options.another ? [options.another] : undefined,
    share: options.share,
  });
}
