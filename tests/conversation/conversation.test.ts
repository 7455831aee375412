import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { Conversation, readFollowUp, type ConversationMessage, type ThreadContext } from "../../src/conversation/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { parseRateLimit } from "../../src/app/parseRateLimit.js";
import { silentLogger } from "../../src/logger.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";

const knowledge = loadKnowledge("knowledge");
const CHINA_PASSAGE = "While international mediators including Turkey, China, and the UN have attempted to broker ceasefires";

async function conversationWith(options: { state?: Store; contextTtlMs?: number; answersIn?: () => boolean } = {}) {
  const kb = await knowledge;
  return new Conversation({ registry: createCommandRegistry(() => kb), state: options.state ?? createMemoryStore(), ...options });
}

let ids = 0;
function said(text: string, overrides: Partial<ConversationMessage> = {}): ConversationMessage {
  return { platform: consoleTraits, thread: "C1:100.1", message: `m${++ids}`, channel: "C1", text, user: { id: "dana" }, addressed: true, ...overrides };
}

const context: ThreadContext = { question: "why did the Istanbul talks fail?", terms: ["Istanbul", "talks", "fail"], document: "Doc", page: 0, places: ["Doc — One"], references: ["A. (2020)."] };

describe("reading a message against the thread", () => {
  it("is a fresh question without a context, whatever it says", () => {
    expect(readFollowUp("and China?", undefined)).toMatchObject({ kind: "question", question: "and China?", page: 0 });
    expect(readFollowUp("more", undefined)).toMatchObject({ kind: "question", question: "more" });
  });

  it("pages on with “more”, asks for sources with “who says so?”, and asks why of the subject", () => {
    expect(readFollowUp("more please", context)).toEqual({ kind: "question", question: context.question, document: "Doc", page: 1, terms: context.terms });
    for (const text of ["who says so?", "Says who?", "show the source", "what are the sources?", "citations please"]) {
      expect(readFollowUp(text, context), text).toEqual({ kind: "sources" });
    }
    expect(readFollowUp("why?", context)).toMatchObject({ kind: "question", question: "why Istanbul talks fail", document: "Doc" });
  });

  it("asks the thread's things about X for “and X?”, dropping the names X replaces and the verbs", () => {
    for (const text of ["and China?", "what about China?", "And what about China?", "but how about China"]) {
      expect(readFollowUp(text, context), text).toMatchObject({ kind: "question", question: "China talks", document: "Doc", terms: context.terms });
    }
  });

  it("keeps a continuation in the thread's document, and lets a new question leave it", () => {
    expect(readFollowUp("and did they sign anything?", context)).toMatchObject({ question: "and did they sign anything?", document: "Doc" });
    expect(readFollowUp("What does the author conclude?", context)).not.toHaveProperty("document");
    expect(readFollowUp(" ?! ", context)).toEqual({ kind: "empty" });
  });
});

describe("a conversation in a thread", () => {
  it("answers a mention in the open, pinging nobody, and then follows the thread", async () => {
    const conversation = await conversationWith();
    const first = await conversation.answer(said("why did the Istanbul talks fail? for: <@U123>"));
    expect(first.answered).toBe(true);
    if (!first.answered) return;
    expect(first.reply).toMatchObject({ visibility: "public", share: undefined, mentions: undefined });
    expect(await conversation.follows(consoleTraits, "C1:100.1")).toBe(true);

    const followUp = await conversation.answer(said("and China?", { addressed: false }));
    expect(followUp.answered && followUp.reply.quotes[0]!.text).toContain(CHINA_PASSAGE);
  });

  it("answers “who says so?” with the last answer's references", async () => {
    const conversation = await conversationWith();
    const first = await conversation.answer(said("why did the Istanbul talks fail?"));
    const sources = await conversation.answer(said("who says so?", { addressed: false }));
    expect(first.answered && sources.answered).toBe(true);
    if (!first.answered || !sources.answered) return;
    expect(first.reply.references?.length).toBeGreaterThan(0);
    expect(sources.reply.title).toBe("Sources of the last answer");
    expect(sources.reply.references).toEqual(first.reply.references);
    expect(sources.reply.text).toContain("Its passages cite BBC (2022)");
  });

  it("names a cited source missing from the reference list, rather than saying there is none", async () => {
    const conversation = await conversationWith();
    await conversation.answer(said("why did the Istanbul talks fail?"));
    await conversation.answer(said("and China?", { addressed: false }));
    const sources = await conversation.answer(said("who says so?", { addressed: false }));
    expect(sources.answered && sources.reply.text).toContain("Financial Times (2023), not in the reference list");
  });

  it("pages on with “more”", async () => {
    const conversation = await conversationWith();
    const first = await conversation.answer(said("why did the Istanbul talks fail?"));
    const more = await conversation.answer(said("more", { addressed: false }));
    if (!first.answered || !more.answered) throw new Error("both should be answered");
    const firstIds = first.reply.quotes.map((quote) => quote.passageId);
    expect(more.reply.quotes.length).toBeGreaterThan(0);
    for (const quote of more.reply.quotes) expect(firstIds).not.toContain(quote.passageId);
  });

  it("leaves plain messages alone in a thread it never answered, or one that was stopped", async () => {
    const conversation = await conversationWith();
    expect(await conversation.answer(said("and China?", { addressed: false }))).toEqual({ answered: false, why: "not-followed" });
    await conversation.answer(said("why did the Istanbul talks fail?"));
    await conversation.stop(consoleTraits, "C1:100.1");
    expect(await conversation.answer(said("and China?", { addressed: false }))).toEqual({ answered: false, why: "stopped" });
    // A mention is still an explicit question.
    expect((await conversation.answer(said("and China?"))).answered).toBe(true);
    // Another thread is not affected.
    expect((await conversation.answer(said("what does the author conclude?", { thread: "C1:200.1" }))).answered).toBe(true);
  });

  it("answers each message once, across instances sharing a store", async () => {
    const state = createMemoryStore();
    const one = await conversationWith({ state });
    const two = await conversationWith({ state });
    const message = said("why did the Istanbul talks fail?");
    expect((await one.answer(message)).answered).toBe(true);
    expect(await two.answer(message)).toEqual({ answered: false, why: "already-answered" });
    // The other instance also sees the thread's context.
    expect((await two.answer(said("and China?", { addressed: false }))).answered).toBe(true);
  });

  it("stops following a thread when its context runs out", async () => {
    const conversation = await conversationWith({ contextTtlMs: 40 });
    await conversation.answer(said("why did the Istanbul talks fail?"));
    expect(await conversation.follows(consoleTraits, "C1:100.1")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await conversation.answer(said("and China?", { addressed: false }))).toEqual({ answered: false, why: "not-followed" });
  });

  it("asks the settings hook where it may answer", async () => {
    const conversation = await conversationWith({ answersIn: () => false });
    expect(await conversation.answer(said("why did the Istanbul talks fail?"))).toEqual({ answered: false, why: "not-here" });
  });

  it("greets a bare mention, and ignores a bare follow-up", async () => {
    const conversation = await conversationWith();
    const bare = await conversation.answer(said("  "));
    expect(bare.answered && bare.reply.title).toBe("Ask me about the documents");
    await conversation.answer(said("why did the Istanbul talks fail?"));
    expect(await conversation.answer(said("!!", { addressed: false }))).toEqual({ answered: false, why: "nothing-asked" });
  });

  it("still answers while the store's key/values are down, and does not follow plain messages then", async () => {
    const state = createMemoryStore();
    const failing = { ...state, keyValues: { get: () => Promise.reject(new Error("down")), set: () => Promise.reject(new Error("down")), delete: () => Promise.reject(new Error("down")) } };
    const conversation = await conversationWith({ state: failing });
    expect((await conversation.answer(said("why did the Istanbul talks fail?"))).answered).toBe(true);
    expect(await conversation.answer(said("and China?", { addressed: false }))).toEqual({ answered: false, why: "not-followed" });
  });

  it("counts messages against the rate limit like commands, and a refusal leaves the thread's context alone", async () => {
    const kb = await knowledge;
    const registry = createBotRegistry({ knowledge: () => kb, logger: silentLogger, rateLimit: parseRateLimit("1/1m")! });
    const conversation = new Conversation({ registry, state: createMemoryStore() });
    const first = await conversation.answer(said("why did the Istanbul talks fail?", { platform: slackTraits }));
    expect(first.answered && first.reply.quotes.length).toBeGreaterThan(0);
    const refused = await conversation.answer(said("and China?", { platform: slackTraits, addressed: false }));
    expect(refused.answered && refused.reply.title).toBe("One moment");
    expect((await conversation.context(slackTraits, "C1:100.1"))?.question).toBe("why did the Istanbul talks fail?");
  });
});
