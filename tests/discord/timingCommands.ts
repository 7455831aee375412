import type { CommandDefinition, ReplyFollowUp } from "../../src/commands/index.js";

/**
 * Test commands for timing behaviour over the real knowledge: one that answers slowly (so the adapter must
 * defer), one whose reply schedules follow-ups (a speaking timer's reminders).
 */
export const slowMinskCommand: CommandDefinition = {
  name: "slow",
  description: "Answers after a while",
  usage: "",
  options: [],
  handler: async ({ knowledge }) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const passage = knowledge.search("Minsk accords").hits[0]!.passage;
    return { title: "Slow", quotes: [{ passageId: passage.id, text: passage.text, document: "doc", section: passage.section, citations: [] }], visibility: "private" };
  },
};

export function timerCommand(followUps: ReplyFollowUp[]): CommandDefinition {
  return {
    name: "timer",
    description: "Reminds you",
    usage: "",
    options: [],
    handler: () => ({ title: "Timer started", quotes: [], visibility: "public", followUps }),
  };
}
