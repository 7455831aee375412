import { beforeAll, describe, expect, it } from "vitest";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import type { CommandRegistry } from "../../src/commands/index.js";
import { expectVerbatim, loadDebateKnowledge, realRegistry, run } from "./debateFixtures.js";

let kb: KnowledgeBase;
let registry: CommandRegistry;
const THESIS_ID = "russia-ukraine-peace-talks#4";

beforeAll(async () => {
  kb = await loadDebateKnowledge();
  registry = realRegistry(kb);
});

describe("/counter", () => {
  it("answers the thesis with what the essay concedes, not with the thesis or its evidence", async () => {
    const thesis = kb.passage(THESIS_ID)!.text.replace(/^Thesis Statement /, "");
    const reply = await run(registry, "counter", thesis);
    expect(reply.kind).toBe("answer");
    expect(reply.quotes.length).toBeGreaterThanOrEqual(1);
    expect(reply.quotes.every((q) => q.passageId !== THESIS_ID)).toBe(true);
    expectVerbatim(kb, reply.quotes);
    expect(reply.quotes[0]!.text).toMatch(/briefly raised hopes|limited cooperation was possible/);
    // The evidence /why-stalled gives for the thesis is never shown against it.
    expect(reply.quotes.map((q) => q.text).join(" ")).not.toMatch(/violated multiple agreements|refuses to negotiate|maximalist demands/);
    if (reply.quotes.length < 2) expect(reply.text).toMatch(/offers little against this claim/);
  });

  it("sets Kofman against a claim that matches Mearsheimer, with the citation and why", async () => {
    const reply = await run(registry, "counter", "NATO expansion created a security dilemma for Russia");
    const first = reply.quotes[0]!;
    expect(first.label).toMatch(/^Cuts against it: the text sets it against .*Conversely/);
    expect(first.text).toMatch(/^Conversely, .*Kofman, 2023/);
    expect(first.citations[0]).toMatchObject({ author: "Kofman", year: "2023", reference: "Kofman, M. (2023). War on the Rocks." });
    expect(reply.quotes.some((q) => /Mearsheimer/.test(q.text))).toBe(false);
  });

  it("shows nothing against a claim the essay argues itself, rather than filler", async () => {
    const reply = await run(registry, "counter", "Russia violated the Minsk accords");
    expect(reply.quotes).toEqual([]);
    expect(reply.text).toMatch(/sets nothing against this claim: it argues this side itself/);
  });

  it("says the essay does not discuss a claim none of whose subject it names", async () => {
    const reply = await run(registry, "counter", "sanctions will end the war");
    expect(reply.quotes).toEqual([]);
    expect(reply.text).toBe("The document does not discuss “sanctions”, so it has nothing to set against that claim. Try /ask or /source for what it does cover.");
  });

  it("never labels a passage that supports the claim as cutting against it", async () => {
    const reply = await run(registry, "counter", "Russia is negotiating in good faith");
    expect(reply.quotes[0]!.text).toMatch(/accusing the other of bad faith/);
    expect(reply.quotes.map((q) => q.text).join(" ")).not.toMatch(/Russia suggesting troop withdrawals/);
    for (const quote of reply.quotes) expect(quote.label).toMatch(/^Cuts against it: \S/);
  });

  it("asks for a claim when none is given", async () => {
    const reply = await run(registry, "counter", "");
    expect(reply.kind).toBe("error");
  });
});

describe("/compare", () => {
  it.each(["mearsheimer kofman", "mearsheimer vs kofman", "Mearsheimer, Kofman"])("shows both references for '%s'", async (text) => {
    const reply = await run(registry, "compare", text);
    expect(reply.kind).toBe("answer");
    expect(reply.fields).toEqual([
      { label: "Mearsheimer (2014)", value: expect.stringContaining("Mearsheimer, J. (2014). Foreign Affairs.") },
      { label: "Kofman (2023)", value: expect.stringContaining("Kofman, M. (2023). War on the Rocks.") },
    ]);
    // The two sources share one passage; each side quotes only its own sentence.
    const mearsheimer = reply.quotes.filter((q) => q.label === "Mearsheimer");
    const kofman = reply.quotes.filter((q) => q.label === "Kofman");
    expect(mearsheimer.map((q) => q.text)).toEqual([
      "Scholars like Mearsheimer (2014) argue that NATO expansion created an existential security dilemma for Russia, making compromise difficult.",
    ]);
    expect(kofman[0]!.text).toMatch(/^Conversely, .*designed to subjugate Ukraine rather than achieve peace\.$/);
    expectVerbatim(kb, reply.quotes);
  });

  it("takes the two names as Discord options, and warns about a source missing from the reference list", async () => {
    const reply = await registry.run({ command: "compare", args: { first: "financial times", second: "wilson" }, user: { id: "1" }, platform: discordTraits });
    expect(reply.fields![0]).toEqual({ label: "Financial Times (2023)", value: expect.stringMatching(/Not in the reference list\.[\s\S]*Warning: Financial Times \(2023\) is cited in the text but missing/) });
    expect(reply.fields![1]!.value).toMatch(/Wilson, A\. \(2022\)\. Chatham House\./);
    expect(reply.quotes.map((q) => q.label)).toEqual(["Financial Times", "Wilson"]);
  });

  it("asks again when a name matches no source", async () => {
    const reply = await run(registry, "compare", "mearsheimer vs zzqxv");
    expect(reply.kind).toBe("error");
    expect(reply.fields?.[0]?.value).toMatch(/Kofman \(2023\)/);
  });
});
