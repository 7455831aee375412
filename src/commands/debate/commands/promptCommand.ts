import { documentOption, requireDocument } from "../../shared/chooseDocument.js";
import { encodeInvocationIntact } from "../../../reply/invocation.js";
import { referencesOf } from "../../shared/quotePassage.js";
import type { CommandDefinition } from "../../registry/types.js";
import { debateMaterialOf } from "../analysis/findMotions.js";
import { quoteEvidence } from "./quoteEvidence.js";
import { decodeSeen, encodeSeen } from "./seenMotions.js";
import { warmUpPrompts } from "../analysis/warmUpPrompts.js";

export const ANOTHER_PROMPT_LABEL = "Another prompt";

/** /prompt [document]: a warm-up question on a contested passage; "Another prompt" never repeats until all are shown. */
export function createPromptCommand(random: () => number): CommandDefinition {
  return {
    name: "prompt",
    description: "A warm-up discussion question, with the passage it is about",
    usage: "[document: name]",
    options: [documentOption],
    handler: ({ args, knowledge }) => {
      const choice = requireDocument(knowledge, args.document, "prompt");
      if (choice.reply || !choice.document) return choice.reply!;
      const prompts = warmUpPrompts(debateMaterialOf(choice.document)).slice(0, 64);
      if (prompts.length === 0) {
        return { title: "No prompts", text: `${choice.document.title} draws no contrasts to discuss.`, quotes: [], visibility: "private", kind: "notice" };
      }
      const seen = decodeSeen(args.seen, prompts.length);
      // "Share in channel" pins the prompt it previewed; every other run draws an unseen one.
      const pinned = Number(args.prompt);
      const isPinned = args.prompt !== undefined && Number.isInteger(pinned) && pinned >= 0 && pinned < prompts.length;
      let unseen = prompts.map((_, i) => i).filter((i) => !seen.has(i));
      const startedOver = !isPinned && unseen.length === 0;
      if (startedOver) {
        seen.clear();
        unseen = prompts.map((_, i) => i);
      }
      const index = isPinned ? pinned : unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))]!;
      seen.add(index);
      const prompt = prompts[index]!;
      const quotes = prompt.units.map((unit) => quoteEvidence(knowledge, unit));
      const next = encodeInvocationIntact({ command: "prompt", args: { document: args.document, seen: encodeSeen(seen) } });
      const share = encodeInvocationIntact({ command: "prompt", args: { document: args.document, seen: encodeSeen(seen), prompt: String(index) }, share: true });
      return {
        title: "Warm-up question",
        text: [startedOver ? "Every prompt has been shown once; starting over." : "", prompt.question].filter(Boolean).join("\n"),
        quotes,
        references: referencesOf(quotes),
        ...(next ? { actions: [{ label: ANOTHER_PROMPT_LABEL, value: next }] } : {}),
        ...(share ? { share } : {}),
        footer: `Prompt ${index + 1} of ${prompts.length}.`,
        visibility: "private",
        kind: "answer",
      };
    },
  };
}
