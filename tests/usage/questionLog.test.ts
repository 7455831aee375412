/**
 * What the question log keeps: every command with its outcome and passages, the question text only with
 * QUESTION_LOG=on, never a user's name or id; and answers go out (without feedback buttons) when the store fails.
 */
import { describe, expect, it } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { readUsageConfig } from "../../src/app/usage/usageConfig.js";
import { variableReader } from "../../src/config/environment.js";
import { silentLogger } from "../../src/logger.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { sharedKnowledge } from "../slack/slackHarness.js";

async function botOn(store: Store, keepQuestions: boolean) {
  const knowledge = await sharedKnowledge();
  const registry = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: null, usage: { store, keepQuestions } });
  return (command: string, text: string) => registry.run({ command, text, user: { id: "U0SECRET", name: "dana" }, platform: slackTraits, channel: "slack:T1:C1" });
}

describe("the question log", () => {
  it("keeps the question and outcome with QUESTION_LOG=on, and no text with it off; never the user", async () => {
    const on = createMemoryStore();
    const ask = await botOn(on, true);
    await ask("ask", "why are the talks stalled?");
    await ask("ask", "what does it say about penguins on mars?");
    await ask("source", "minsk");
    const logged = await on.questionLog.since(0);
    expect(logged.map((entry) => [entry.command, entry.question, entry.outcome])).toEqual([
      ["ask", "why are the talks stalled?", "strong"],
      ["ask", "what does it say about penguins on mars?", "none"],
      ["source", "minsk", "strong"],
    ]);
    expect(logged[0]!.passages.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toMatch(/U0SECRET|dana/);
    expect(new Set(logged.map((entry) => entry.asker)).size).toBe(1);

    const off = createMemoryStore();
    await (await botOn(off, false))("ask", "why are the talks stalled?");
    const [kept] = await off.questionLog.since(0);
    expect(kept).not.toHaveProperty("question");
    expect(kept).toMatchObject({ command: "ask", outcome: "strong" });
  });

  it("still answers, without feedback buttons, when the store cannot log", async () => {
    const store = createMemoryStore();
    const ask = await botOn(store, true);
    const withButtons = await ask("ask", "why are the talks stalled?");
    expect(withButtons.actions?.map((action) => action.label)).toContain("Helpful");
    await store.close();
    const without = await ask("ask", "why are the talks stalled?");
    expect(without.quotes.length).toBeGreaterThan(0);
    expect(without.actions?.map((action) => action.label) ?? []).not.toContain("Helpful");
  });

  it("reads QUESTION_LOG and RETENTION_DAYS, refusing other values", () => {
    const problems: string[] = [];
    expect(readUsageConfig(variableReader({}, problems), problems)).toEqual({ keepQuestions: true, retentionDays: 30 });
    expect(readUsageConfig(variableReader({ QUESTION_LOG: "OFF", RETENTION_DAYS: "7" }, problems), problems)).toEqual({ keepQuestions: false, retentionDays: 7 });
    expect(problems).toEqual([]);
    readUsageConfig(variableReader({ QUESTION_LOG: "maybe" }, problems), problems);
    expect(problems).toEqual([expect.stringMatching(/^QUESTION_LOG must be on or off/)]);
  });
});
