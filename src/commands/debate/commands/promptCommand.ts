import { answerReply, invocationButton, noticeReply, shareValue } from "../../../reply/builders.js";
import type { CommandDefinition } from "../../registry/types.js";
import { chooseDocument, documentOption } from "../../shared/chooseDocument.js";
import { interleave } from "../../shared/acrossDocuments.js";
import { referencesOf } from "../../shared/quotePassage.js";
import { debateMaterialOf } from "../analysis/findMotions.js";
import { warmUpPrompts } from "../analysis/warmUpPrompts.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { encodeSeen, pickUnseen, SEEN_ARG } from "./seenItems.js";

export const ANOTHER_PROMPT_LABEL = "Another prompt";
/** The "seen" bitmask a button carries holds 64 items. */
const MAX_PROMPTS = 64;

/** /prompt [document]: a warm-up question on a contested passage of any document (or the one named); "Another prompt" never repeats until all are shown. */
export function createPromptCommand(random: () => number): CommandDefinition {
  return {
    name: "prompt",
    description: "A warm-up discussion question, with the passage it is about",
    usage: "[document: name]",
    options: [documentOption],
    buttonArgs: [SEEN_ARG, { name: "prompt", description: "The prompt to show, by its place in the list: what Share posts" }],
    handler: ({ command, args, knowledge }) => {
      const choice = chooseDocument(knowledge, args.document);
      if (choice.reply) return choice.reply;
      // With no document named, prompts come from every document (the first 64: a button's mask holds no more),
      // taken from each in turn.
      const documents = choice.document ? [choice.document] : knowledge.documents.slice(0, MAX_PROMPTS);
      const prompts = interleave(documents.map((document) => warmUpPrompts(debateMaterialOf(document)))).slice(0, MAX_PROMPTS);
      if (prompts.length === 0) {
        return noticeReply("No prompts", `${choice.document ? choice.document.title : "None of the loaded documents"} draws no contrasts to discuss.`);
      }
      // "Share in channel" pins the prompt it previewed; every other run draws an unseen one.
      const picked = pickUnseen(prompts.length, args.seen, args.prompt, random);
      const prompt = prompts[picked.index]!;
      const quotes = prompt.units.map((unit) => quoteEvidence(knowledge, unit));
      const next = { document: args.document, seen: encodeSeen(picked.seen) };
      const another = invocationButton(ANOTHER_PROMPT_LABEL, { command, args: next });
      return answerReply("Warm-up question", {
        text: [picked.startedOver ? "Every prompt has been shown once; starting over." : "", prompt.question].filter(Boolean).join("\n"),
        quotes,
        references: referencesOf(quotes),
        actions: another ? [another] : undefined,
        share: shareValue({ command, args: { ...next, prompt: String(picked.index) } }),
        footer: `Prompt ${picked.index + 1} of ${prompts.length}.`,
      });
    },
  };
}
