import { beforeAll, describe, expect, it } from "vitest";
import { decodeInvocation } from "../../src/reply/invocation.js";
import { loadBot, MINSK_PASSAGE, passageTexts, type Bot } from "./loadRegistry.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot();
});

describe("/source", () => {
  it.each(["minsk", "minks", "istambul", "Minsk accords"])("finds the Minsk passage for '%s'", async (name) => {
    const reply = await bot.run("source", name);
    expect(reply.kind).toBe("answer");
    expect(reply.visibility).toBe("private");
    const minsk = reply.quotes.find((quote) => quote.text === MINSK_PASSAGE);
    expect(minsk, JSON.stringify(reply.quotes)).toBeDefined();
    expect(minsk!.section).toBe("The Trust Deficit and Enforcement Challenges");
    expect(minsk!.document).toBe("Russia Ukraine Peace Talks");
    // The document cites nothing for this sentence; the reply says so rather than borrowing a citation.
    expect(minsk!.citations).toEqual([]);
    expect(reply.footer).toMatch(/cites no source of its own/);
  });

  it("says which typo it corrected", async () => {
    const reply = await bot.run("source", "minks");
    expect(reply.text).toContain("Searched for minsk (you typed minks)");
    expect(reply.title).toContain("minsk");
  });

  it("quotes the Bucha passage with its citation and the full reference", async () => {
    const reply = await bot.run("source", "bucha");
    const bucha = reply.quotes.find((quote) => quote.text.includes("atrocities in Bucha"));
    expect(bucha?.citations).toEqual([
      { author: "BBC", year: "2022", reference: "BBC. (2022).", warning: "the reference entry gives no title or venue" },
    ]);
    expect(reply.references).toEqual(["BBC. (2022)."]);
  });

  it("finds a name of two words and warns that its citation is not in the reference list", async () => {
    const reply = await bot.run("source", "grain deal");
    expect(reply.quotes[0]!.text).toContain("the grain deal brokered by Turkey and the UN");
    expect(reply.quotes[0]!.citations[0]).toMatchObject({
      author: "Reuters",
      reference: null,
      warning: "Reuters (2023) is not in the reference list, so it cannot be checked",
    });
  });

  it("answers a name the document never uses without a stock list of suggestions", async () => {
    const reply = await bot.run("source", "zzyzx quux");
    expect(reply.quotes).toEqual([]);
    // "Did you mean" comes from what was typed; nothing typed here looks like a word of the document.
    expect(reply.text).toBe("Nothing in Russia Ukraine Peace Talks matches 'zzyzx quux'.");
  });
});

describe("/cite", () => {
  it("gives Mearsheimer's reference entry and the passage that cites him", async () => {
    for (const query of ["mearsheimer", "mershimer"]) {
      const reply = await bot.run("cite", query);
      expect(reply.title).toBe("Mearsheimer (2014)");
      expect(reply.references).toEqual(["Mearsheimer, J. (2014). Foreign Affairs."]);
      expect(reply.fields).toContainEqual({ label: "Reference entry", value: "Mearsheimer, J. (2014). Foreign Affairs." });
      expect(reply.quotes).toHaveLength(1);
      expect(reply.quotes[0]!.text).toContain("Scholars like Mearsheimer (2014) argue that NATO expansion");
      expect(reply.quotes[0]!.citations.map((c) => c.reference)).toContain("Mearsheimer, J. (2014). Foreign Affairs.");
    }
  });

  it("says plainly that Reuters is not in the reference list", async () => {
    const reply = await bot.run("cite", "reuters");
    expect(reply.text).toBe("Reuters (2023) is cited in the text but is not in the reference list, so it cannot be checked.");
    expect(reply.references).toEqual([]);
    expect(reply.quotes[0]!.text).toContain("grain deal");
  });

  it("says the BBC entry gives no title or venue", async () => {
    const reply = await bot.run("cite", "bbc");
    expect(reply.text).toContain("gives no title or venue");
    expect(reply.references).toEqual(["BBC. (2022)."]);
    expect(reply.quotes[0]!.text).toContain("atrocities in Bucha");
  });

  it("lists the sources when nothing matches", async () => {
    const reply = await bot.run("cite", "qqqqqqqq");
    expect(reply.quotes).toEqual([]);
    expect(reply.fields?.[0]?.value).toContain("Mearsheimer");
  });
});

describe("/ask", () => {
  it("returns the best passages, verbatim, with Context buttons", async () => {
    const reply = await bot.run("ask", "why did the istanbul talks fail");
    const texts = passageTexts(bot.knowledge);
    expect(reply.quotes.length).toBeGreaterThan(0);
    expect(reply.quotes.length).toBeLessThanOrEqual(3);
    for (const quote of reply.quotes) expect(texts.has(quote.text)).toBe(true);
    expect(reply.quotes.map((q) => q.text)).toContain(MINSK_PASSAGE);
    const context = reply.actions!.filter((action) => action.label.startsWith("Context"));
    expect(context.map((action) => action.label)).toEqual(reply.quotes.map((_, i) => `Context ${i + 1}`));
    for (const action of reply.actions!) expect(action.value.length).toBeLessThanOrEqual(100);
  });

  it("says when the document never mentions what is asked, and shows no passage as an answer", async () => {
    const none = await bot.run("ask", "What is the population of Crimea?");
    expect(none.kind).toBe("notice");
    expect(none.quotes).toEqual([]);
    expect(none.text).toBe("Russia Ukraine Peace Talks never mentions population, Crimea. It does not discuss this.");

    const weak = await bot.run("ask", "What sanctions have been imposed on Russia?");
    expect(weak.kind).toBe("answer");
    expect(weak.text).toMatch(/^Russia Ukraine Peace Talks never mentions sanctions, imposed\. No passage answers this directly; these are the nearest\./);
  });

  it("answers questions about the essay itself from its thesis, conclusion, sections and sources", async () => {
    const thesis = await bot.run("ask", "What's the main argument of the essay?");
    expect(thesis.quotes[0]!.text).toContain("peace talks remain deadlocked due to irreconcilable war aims");
    expect(thesis.text).toMatch(/^The thesis of Russia Ukraine Peace Talks:/);

    const conclusion = await bot.run("ask", "what does the author conclude");
    expect(conclusion.quotes.map((q) => q.section)).toEqual(Array(3).fill("Conclusion: Peace or Prolonged War?"));

    const trust = await bot.run("ask", "summarise the section on trust");
    expect(trust.text).toMatch(/^The section “The Trust Deficit and Enforcement Challenges”/);
    expect(trust.quotes[0]!.text).toBe("A core issue is the absence of credible enforcement mechanisms.");

    const kofman = await bot.run("ask", "who is Kofman?");
    expect(kofman.text).toBe("Kofman (2023) is a source the essay cites: Kofman, M. (2023). War on the Rocks. Passages 1-1 of 1.");
    expect(kofman.quotes[0]!.text).toContain("(e.g., Kofman, 2023) contend");

    // "Who is" a name that is no source is a question like any other.
    const putin = await bot.run("ask", "who is Putin");
    expect(putin.quotes[0]!.text).toContain("Putin’s September 2022 annexation");
  });

  it("marks which sentence of a passage answered", async () => {
    const reply = await bot.run("ask", "What did Ukraine offer in exchange for security guarantees?");
    const [first] = reply.quotes;
    expect(first!.answering).toBe(
      "Early talks in Belarus and Turkey (March-April 2022) briefly raised hopes, with Ukraine proposing neutrality in exchange for security guarantees and Russia suggesting troop withdrawals.",
    );
    const bucha = await bot.run("ask", "What did the discovery of atrocities in Bucha do?");
    expect(bucha.quotes[0]!.answering).toMatch(/^However, the discovery of atrocities in Bucha/);
  });

  it("pages with More to different passages", async () => {
    const first = await bot.run("ask", "why did the istanbul talks fail");
    const more = first.actions!.find((action) => action.label === "More");
    expect(more).toBeDefined();
    expect(decodeInvocation(more!.value)).toMatchObject({ command: "ask", page: 1 });
    const second = await bot.registry.runInvocation(more!.value, { id: "U999" }, discordTraits);
    expect(second.kind).toBe("answer");
    expect(second.quotes.length).toBeGreaterThan(0);
    const firstIds = new Set(first.quotes.map((q) => q.passageId));
    for (const quote of second.quotes) expect(firstIds.has(quote.passageId)).toBe(false);
    expect(second.text).toMatch(/^Passages 4-/);
  });

  it("addresses the reply to one person and makes it public", async () => {
    const reply = await bot.run("ask", "what about the grain deal for: <@U123|dana>");
    expect(reply.visibility).toBe("public");
    expect(reply.mentions).toEqual(["U123"]);
    expect(reply.title).toBe("what about the grain deal");
    expect(reply.share).toBeUndefined();
    const discord = await bot.registry.run({ command: "source", args: { name: "minsk", for: "<@112233445566778899>" }, user: { id: "1" }, platform: discordTraits });
    expect(discord.mentions).toEqual(["112233445566778899"]);
    expect(discord.visibility).toBe("public");
  });

  it("keeps a reply without a person private", async () => {
    const reply = await bot.run("ask", "grain deal");
    expect(reply.visibility).toBe("private");
    expect(reply.mentions).toBeUndefined();
  });

  it("explains how to ask when the question is empty", async () => {
    for (const text of ["", "   ", "\u0000\u0007"]) {
      const reply = await bot.run("ask", text);
      expect(reply.kind).toBe("error");
      expect(reply.text).toContain("for example: /ask");
    }
  });

  it("survives huge input and control characters", async () => {
    const huge = await bot.run("ask", "minsk ".repeat(20_000));
    expect(huge.quotes[0]?.text).toBe(MINSK_PASSAGE);
    const controls = await bot.run("ask", "min\u0000sk\u202E accords\u0007");
    expect(controls.quotes.map((q) => q.text)).toContain(MINSK_PASSAGE);
    const nonsense = await bot.run("ask", "\u{1F600}\u{1F600} ???");
    expect(nonsense.kind).not.toBe("answer");
  });
});

describe("/context", () => {
  it("shows the passages before and after a quoted one in its section", async () => {
    const ask = await bot.run("source", "minsk");
    const button = ask.actions!.find((action) => action.label === "Context 1")!;
    const reply = await bot.registry.runInvocation(button.value, { id: "U999" }, slackTraits);
    const labels = reply.quotes.map((quote) => quote.label);
    expect(labels).toContain("Before");
    expect(labels).toContain("After");
    expect(reply.quotes.find((q) => q.label === "The passage")?.text).toBe(MINSK_PASSAGE);
    expect(reply.quotes.find((q) => q.label === "Before")?.text).toBe("A core issue is the absence of credible enforcement mechanisms.");
    expect(new Set(reply.quotes.map((q) => q.section))).toEqual(new Set(["The Trust Deficit and Enforcement Challenges"]));
  });

  it("says when a passage no longer exists", async () => {
    const reply = await bot.run("context", "russia-ukraine-peace-talks#999");
    expect(reply.kind).toBe("error");
    expect(reply.text).toContain("no longer in the loaded documents");
  });
});

describe("/thesis and /section", () => {
  it("quotes the thesis statement", async () => {
    const reply = await bot.run("thesis");
    expect(reply.quotes).toHaveLength(1);
    expect(reply.quotes[0]!.section).toBe("Thesis Statement");
    expect(reply.quotes[0]!.text).toMatch(/^Despite intermittent diplomatic overtures/);
  });

  it("lists the sections with no argument", async () => {
    const reply = await bot.run("section");
    const list = reply.fields?.[0]?.value ?? "";
    expect(list).toContain("1. The Illusion of Diplomacy");
    expect(list).toContain("4. The Trust Deficit and Enforcement Challenges (5 passages)");
    expect(list).toContain("Conclusion: Peace or Prolonged War?");
  });

  it("finds a section by a rough heading and quotes it", async () => {
    const reply = await bot.run("section", "trust deficit");
    expect(reply.title).toBe("The Trust Deficit and Enforcement Challenges");
    expect(reply.quotes.map((q) => q.text)).toContain(MINSK_PASSAGE);
    expect(reply.quotes).toHaveLength(5);
  });

  it("offers the list when no heading matches", async () => {
    const reply = await bot.run("section", "zzqqxx");
    expect(reply.text).toContain("No section heading matches 'zzqqxx'");
    expect(reply.fields?.[0]?.value).toContain("Thesis Statement");
  });
});

describe("/docs, /help and unknown commands", () => {
  it("lists the document with its counts and integrity problems", async () => {
    const reply = await bot.run("docs");
    expect(reply.fields?.[0]?.label).toBe("Russia Ukraine Peace Talks (russia-ukraine-peace-talks)");
    const value = reply.fields?.[0]?.value ?? "";
    expect(value).toContain("6 sections, 19 passages");
    expect(value).toContain("Reuters (2023) is cited in the text but missing from the reference list.");
    expect(value).toContain("Topic commands: /why-stalled");
  });

  it("lists every registered command in /help", async () => {
    const reply = await bot.run("help");
    const labels = reply.fields!.map((field) => field.label.split(" ")[0]);
    expect(labels).toEqual(bot.registry.list().map((command) => `/${command.name}`));
    expect(labels).toEqual(expect.arrayContaining(["/ask", "/source", "/cite", "/why-stalled", "/thesis", "/section", "/docs", "/help", "/context"]));
  });

  it("answers an unknown command kindly", async () => {
    const reply = await bot.run("nonsense");
    expect(reply.kind).toBe("error");
    expect(reply.text).toContain("There is no /nonsense command");
  });
});

describe("autocomplete", () => {
  it("completes names, sources, sections and documents", () => {
    expect(bot.registry.complete("source", "name", "Mins")).toContain("Minsk");
    expect(bot.registry.complete("cite", "source", "mear")).toContain("Mearsheimer");
    expect(bot.registry.complete("section", "heading", "trust")).toContain("The Trust Deficit and Enforcement Challenges");
    expect(bot.registry.complete("ask", "document", "russia")).toEqual(["russia-ukraine-peace-talks"]);
  });
});

describe("for: a person", () => {
  it.each([
    ["slack", "@everyone"],
    ["slack", "<!channel>"],
    ["slack", "dana"],
    ["discord", "<@&123456789>"],
    ["discord", "@here"],
    ["console", "@everyone"],
  ] as const)("refuses %s reference %s rather than pinging no one or everyone", async (platform, person) => {
    const traits = { slack: slackTraits, discord: discordTraits, console: consoleTraits }[platform];
    const reply = await bot.run("source", `minsk for: ${person}`, traits);
    expect(reply.kind).toBe("error");
    expect(reply.visibility).toBe("private");
    expect(reply.mentions).toBeUndefined();
    expect(reply.text).toContain("Mention one person");
  });

  it("addresses a plain name in the console", async () => {
    const reply = await bot.run("ask", "minsk for: @dana", consoleTraits);
    expect(reply).toMatchObject({ visibility: "public", mentions: ["dana"] });
  });
});

describe("More with a long question", () => {
  it("keeps More for a long question: the button carries it whole", async () => {
    const question = "why did the talks between russia and ukraine fail after the istanbul communique and the minsk accords were violated";
    const reply = await bot.run("ask", question);
    expect(reply.quotes.length).toBe(3);
    const more = reply.actions?.find((action) => action.label === "More");
    expect(decodeInvocation(more!.value)).toMatchObject({ command: "ask", args: { question }, page: 1 });
    expect(decodeInvocation(reply.share!)).toMatchObject({ args: { question }, share: true });
  });

  it("offers no More button that would page a shortened question, and says so", async () => {
    const question = `${"why did the talks between russia and ukraine fail ".repeat(45)}`.slice(0, 2_000).trim();
    const reply = await bot.run("ask", question);
    expect(reply.quotes.length).toBe(3);
    expect(reply.actions?.some((action) => action.label === "More")).toBe(false);
    expect(reply.footer).toContain("ask a shorter question");
  });
});
