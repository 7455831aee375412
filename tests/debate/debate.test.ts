import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import { decodeInvocation, MAX_INVOCATION_LENGTH } from "../../src/reply/invocation.js";
import type { CommandRegistry, Reply } from "../../src/commands/index.js";
import { ANOTHER_MOTION_LABEL } from "../../src/commands/debate/commands/debateCommand.js";
import { expectVerbatim, loadDebateKnowledge, realRegistry, run, seededRegistry, user } from "./debateFixtures.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

let kb: KnowledgeBase;
let registry: CommandRegistry;

beforeAll(async () => {
  kb = await loadDebateKnowledge();
  registry = realRegistry(kb);
});

const motionOf = (reply: Reply) => /Motion: (.*)/.exec(reply.text ?? "")?.[1] ?? "";
const side = (reply: Reply, label: string) => reply.quotes.filter((q) => q.label?.startsWith(`${label}: `));
const anotherMotion = (reply: Reply) => reply.actions?.find((a) => a.label === ANOTHER_MOTION_LABEL)?.value;

/**
 * Both sides of a motion, as the document argues them: each quote labelled with its side and why it is
 * there, no sentence on both sides, at most four a side, and a side with fewer than two said to be thin
 * rather than padded.
 */
function expectSides(reply: Reply): void {
  const proposition = side(reply, "Proposition");
  const opposition = side(reply, "Opposition");
  expect(proposition.length).toBeGreaterThanOrEqual(1);
  expect(proposition.length).toBeLessThanOrEqual(4);
  expect(opposition.length).toBeLessThanOrEqual(4);
  expect(proposition.length + opposition.length).toBe(reply.quotes.length);
  for (const quote of reply.quotes) expect(quote.label!.length).toBeGreaterThan("Opposition: ".length);
  for (const [name, quotes] of [["Proposition", proposition], ["Opposition", opposition]] as const) {
    if (quotes.length < 2) expect(reply.text).toMatch(new RegExp(`offers little for (the ${name}|either side)`));
  }
  // No words of the document are quoted for both sides.
  for (const p of proposition) {
    for (const o of opposition) {
      expect(p.text.includes(o.text) || o.text.includes(p.text)).toBe(false);
    }
  }
  expectVerbatim(kb, reply.quotes);
  const questions = reply.fields?.find((f) => f.label === "Rebuttal questions")?.value.split("\n") ?? [];
  expect(questions.length).toBeGreaterThanOrEqual(2);
  expect(questions.length).toBeLessThanOrEqual(3);
}

describe("/debate", () => {
  it("puts a motion with verbatim, cited quotes per side, each labelled with why, the sides quoting different sentences", async () => {
    const reply = await run(registry, "debate");
    expect(reply.kind).toBe("answer");
    expect(motionOf(reply)).toMatch(/^This house believes that /);
    expectSides(reply);
  });

  it("every motion, curated or derived, has distinct sides and says when one is thin", async () => {
    let value = anotherMotion(await run(registry, "debate"))!;
    for (let i = 0; i < 12; i++) {
      const reply = await registry.runInvocation(value, user, slackTraits);
      expectSides(reply);
      value = anotherMotion(reply)!;
    }
  });

  it("sets Mearsheimer's security dilemma against Kofman's maximalist demands on the NATO topic", async () => {
    const reply = await run(registry, "debate", "nato");
    expect(motionOf(reply)).toMatch(/NATO/);
    const proposition = side(reply, "Proposition");
    const opposition = side(reply, "Opposition");
    expect(proposition[0]!.text).toBe(
      "Scholars like Mearsheimer (2014) argue that NATO expansion created an existential security dilemma for Russia, making compromise difficult.",
    );
    expect(proposition[0]!.citations).toEqual([{ author: "Mearsheimer", year: "2014", reference: "Mearsheimer, J. (2014). Foreign Affairs." }]);
    expect(opposition[0]!.text).toMatch(/^Conversely, Ukrainian officials and Western analysts \(e\.g\., Kofman, 2023\) contend/);
    expect(opposition[0]!.citations.map((c) => c.reference)).toEqual(["Kofman, M. (2023). War on the Rocks."]);
    expect(reply.references).toEqual(expect.arrayContaining(["Mearsheimer, J. (2014). Foreign Affairs.", "Kofman, M. (2023). War on the Rocks."]));
  });

  it("finds motions about trust and territory", async () => {
    const trust = await run(registry, "debate", "trust");
    expect(motionOf(trust)).toMatch(/trust/i);
    expectSides(trust);
    const territory = await run(registry, "debate", "territory");
    expect(territory.kind).toBe("answer");
    expectSides(territory);
    expect(territory.quotes.some((q) => /territor/i.test(q.text))).toBe(true);
  });

  it("derives motions from the grain deal's narrow cooperation, the thesis and the conclusion", async () => {
    // The first motion is drawn at random, so it counts as seen too.
    const first = await run(registry, "debate");
    const seen = new Set<string>([motionOf(first)]);
    let value = anotherMotion(first)!;
    let reply: Reply;
    do {
      reply = await registry.runInvocation(value, user, consoleTraits);
      seen.add(motionOf(reply));
      value = anotherMotion(reply)!;
    } while (!reply.text!.includes("starting over") && seen.size < 70);
    const motions = [...seen].join("\n");
    expect(motions).toMatch(/grain deal/);
    expect(motions).toMatch(/peace talks remain deadlocked/);
    expect(motions).toMatch(/negotiations will remain performative rather than substantive/);
  });

  it("'Another motion' never repeats until every motion is shown, then says so and starts over, with no server state", async () => {
    const first = await run(seededRegistry(kb, 7), "debate");
    const total = Number(/of (\d+)/.exec(first.text!)![1]);
    expect(total).toBeGreaterThanOrEqual(6);
    const shown = [motionOf(first)];
    let value = anotherMotion(first)!;
    for (let i = 1; i < total; i++) {
      expect(value.length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
      // A fresh registry each click: only the button's value carries what was seen.
      const reply = await seededRegistry(kb, 100 + i).runInvocation(value, user, discordTraits);
      expect(reply.text).not.toMatch(/starting over/);
      shown.push(motionOf(reply));
      value = anotherMotion(reply)!;
    }
    expect(new Set(shown).size).toBe(total);
    const again = await registry.runInvocation(value, user, discordTraits);
    expect(again.text).toMatch(/Every motion has been shown once; starting over/);
    expect(shown).toContain(motionOf(again));
  });

  it("cycles without repeats within a topic too", async () => {
    const first = await run(registry, "debate", "territory");
    const total = Number(/of (\d+)/.exec(first.text!)![1]);
    const shown = [motionOf(first)];
    let value = anotherMotion(first)!;
    expect(decodeInvocation(value)?.args.topic).toBe("territory");
    for (let i = 1; i < total; i++) {
      const reply = await registry.runInvocation(value, user, slackTraits);
      shown.push(motionOf(reply));
      value = anotherMotion(reply)!;
    }
    expect(new Set(shown).size).toBe(total);
  });

  it("keeps a long topic whole in a button that fits Discord's 100 characters", async () => {
    const reply = await run(registry, "debate", "territorial concessions and occupied territories of Ukraine");
    const value = anotherMotion(reply)!;
    expect(value.length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
    expect(decodeInvocation(value)?.args.topic).toBe("territorial concessions and occupied ter");
    expect(decodeInvocation(reply.share!)?.args.topic).toBe("territorial concessions and occupied ter");
  });

  it("shares the very motion it showed", async () => {
    const reply = await run(registry, "debate");
    const shared = await registry.runInvocation(reply.share!, user, slackTraits);
    expect(shared.visibility).toBe("public");
    expect(motionOf(shared)).toBe(motionOf(reply));
    expect(shared.quotes.map((q) => q.text)).toEqual(reply.quotes.map((q) => q.text));
  });

  it("answers an unknown topic with a notice, not an invented motion", async () => {
    const reply = await run(registry, "debate", "zzzqx");
    expect(reply.kind).not.toBe("answer");
    expect(reply.quotes).toEqual([]);
  });
});
