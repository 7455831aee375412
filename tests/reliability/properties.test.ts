/**
 * Hostile input through every command and every renderer. Whatever anyone types (or a broken client sends
 * as a button click), the bot answers without throwing, within every Slack and Discord limit, without a live
 * mention or broadcast, and without control characters. Over 10,000 generated inputs in all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCommandRegistry, type CommandRegistry } from "../../src/commands/index.js";
import type { Reply } from "../../src/reply/types.js";
import type { CommandDefinition, CommandRequest, PlatformTraits } from "../../src/commands/registry/types.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { renderText } from "../../src/platforms/console/render.js";
import { HOSTILE_FRAGMENTS, hostileText } from "./hostileText.js";
import { discordMessageProblems, slackMessageProblems, terminalTextProblems, textProblems } from "./messageProblems.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

const MINSK_PASSAGE =
  "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
/** Generated inputs per command; with the button clicks this is well over 10,000 in all. */
const RUNS_PER_COMMAND = 640;
const BUTTON_RUNS = 1_000;
const MINIMUM_INPUTS = 10_000;
/** The reply itself, before rendering, stays bounded however large the input was. */
const REPLY_JSON_CEILING = 200_000;

// Loaded before the tests are collected, so there is one test per command the registry lists.
const knowledge: KnowledgeBase = await loadKnowledge("knowledge");
const registry: CommandRegistry = createCommandRegistry(() => knowledge);
let inputs = 0;
const replyKinds = new Map<string, Set<string>>();

/** Renders a reply everywhere and throws with every problem found, so fast-check can shrink to the input. */
function checkReply(reply: Reply, label: string, typed: string): void {
  inputs++;
  if (!reply || typeof reply.title !== "string" || !reply.title.trim()) throw new Error(`${label}: reply without a title`);
  const size = JSON.stringify(reply).length;
  if (size > REPLY_JSON_CEILING) throw new Error(`${label}: reply is ${size} bytes of JSON`);
  // A reply may ping only people the user named (one for `for:`, up to 12 for /teams), never anyone else.
  const mentions = reply.mentions ?? [];
  if (mentions.length > 12) throw new Error(`${label}: reply addressed to ${mentions.length} people`);
  const named = mentions.filter((id) => !typed.includes(id));
  if (named.length > 0) throw new Error(`${label}: reply pings ${named.join(", ")}, whom the input never named`);
  if (reply.kind === "error" && reply.visibility !== "private") throw new Error(`${label}: a public error`);
  const problems = [
    ...slackMessageProblems(renderSlackMessage(reply), mentions).map((p) => `slack ${p}`),
    ...discordMessageProblems(renderDiscordMessage(reply), mentions).map((p) => `discord ${p}`),
    ...terminalTextProblems(renderText(reply)).map((p) => `terminal ${p}`),
  ];
  // Colour is the renderer's own escape codes; strip exactly those and the rest must be clean.
  const coloured = renderText(reply, { color: true }).replace(/\u001b\[\d+m/g, "");
  problems.push(...textProblems("terminal (colour)", coloured).map((p) => `terminal ${p}`));
  if (problems.length > 0) throw new Error(`${label}:\n${problems.slice(0, 8).join("\n")}`);
  const kinds = replyKinds.get(label) ?? new Set<string>();
  kinds.add(reply.kind ?? "answer");
  replyKinds.set(label, kinds);
}

/** A button value as the text it carries, to see which people it names. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** One generated value per option, as Discord sends them (options typed separately). */
function optionsFrom(definition: CommandDefinition, values: ReadonlyArray<string | undefined>): Record<string, string> {
  const args: Record<string, string> = {};
  definition.options.forEach((option, index) => {
    const value = values[index];
    if (value !== undefined) args[option.name] = value;
  });
  return args;
}

const platform = fc.constantFrom<PlatformTraits>(slackTraits, discordTraits, consoleTraits);
const user = fc.record({
  id: fc.oneof(fc.constantFrom("U0123ABCD", "112233445566778899"), fc.string({ maxLength: 40 })),
  name: fc.option(hostileText, { nil: undefined }),
});

describe("every command answers hostile text safely on every platform", () => {
  it("has commands to test, the Minsk passage among the answers", async () => {
    expect(registry.list().length).toBeGreaterThanOrEqual(10);
    const reply = await registry.run({ command: "source", text: "minsk @everyone <!channel>", user: { id: "U1" }, platform: slackTraits });
    expect(reply.quotes.map((quote) => quote.text)).toContain(MINSK_PASSAGE);
    checkReply(reply, "source", "minsk @everyone <!channel>");
  });

  for (const definition of registry.list()) {
    it(`/${definition.name}: typed text (Slack, console) and separately typed options (Discord)`, async () => {
      const typed = fc.record({ kind: fc.constant("text" as const), text: hostileText, platform, user });
      const separate = fc.record({
        kind: fc.constant("options" as const),
        values: fc.array(fc.option(hostileText, { nil: undefined }), { maxLength: definition.options.length }),
        user,
        page: fc.option(fc.integer({ min: -5, max: 5_000 }), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(fc.oneof(typed, separate), async (input) => {
          const request: CommandRequest =
            input.kind === "text"
              ? { command: definition.name, text: input.text, user: input.user, platform: input.platform }
              : { command: definition.name, args: optionsFrom(definition, input.values), user: input.user, platform: discordTraits, page: input.page };
          checkReply(await registry.run(request), definition.name, JSON.stringify(request));
        }),
        { numRuns: RUNS_PER_COMMAND },
      );
    }, 60_000);
  }
});

describe("button clicks with any value", () => {
  // A button carries at most 100 characters, so its arguments are short; hostile all the same.
  const buttonText = hostileText.map((text) => text.slice(0, 200));
  const commandName = fc.oneof(fc.constantFrom("ask", "source", "cite", "debate", "compare", "help", "nope"), fc.string({ maxLength: 12 }));
  const forgedInvocation = fc
    .tuple(commandName, fc.oneof(fc.nat(2_000), fc.string({ maxLength: 6 })), fc.constantFrom("", "s", "x"), fc.dictionary(fc.constantFrom("question", "name", "for", "document", "topic", "first", "second", "claim", "people", "minutes"), buttonText, { maxKeys: 3 }))
    .map(([command, page, share, args]) => {
      // Written as a forger would, with URLSearchParams, not with the bot's own encoder.
      return `gt1|${command}|${page}|${share}|${new URLSearchParams(args as Record<string, string>).toString()}`;
    });
  const buttonValue = fc.oneof(
    { weight: 3, arbitrary: forgedInvocation },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom("", "gt1", "gt1|", "gt1|ask", "gt1|ask|", "gt1|ask|1", "gt1|ask|1|s|%", "gt1|ask|99999999999999999999|s|question=x") },
  );

  it("never throw, and a value that is not a button of ours gets a friendly, private answer", async () => {
    await fc.assert(
      fc.asyncProperty(buttonValue, user, platform, async (value, who, where) => {
        const reply = await registry.runInvocation(value, who, where);
        checkReply(reply, "button", safeDecode(value));
        if (!value.startsWith("gt1|")) {
          expect(reply.kind).toBe("error");
          expect(reply.visibility).toBe("private");
          expect(reply.title).toBe("That button has expired");
        }
      }),
      { numRuns: BUTTON_RUNS },
    );
  }, 60_000);

  it("a More button still runs its command after a round trip through the renderers", async () => {
    const reply = await registry.run({ command: "ask", text: "why did the talks stall", user: { id: "U1" }, platform: slackTraits });
    const more = reply.actions?.find((action) => action.label.startsWith("More"));
    expect(more, "an /ask answer with more passages offers More").toBeDefined();
    const next = await registry.runInvocation(more!.value, { id: "U1" }, discordTraits);
    expect(next.kind).toBe("answer");
    expect(next.quotes.length).toBeGreaterThan(0);
    checkReply(next, "more", safeDecode(more!.value));
  });
});

describe("the checks themselves", () => {
  // A property that can never fail proves nothing: each check must catch what it looks for.
  it("catch live mentions, control characters and broken limits in a hand-made bad message", () => {
    const slack = {
      text: "<!channel> hi",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "x".repeat(151) } },
        { type: "section", text: { type: "mrkdwn", text: "<@U999> and <@U123> \u001b[31m" } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "b".repeat(76) }, action_id: "a", value: "v" }] },
        ...Array.from({ length: 50 }, () => ({ type: "divider" })),
      ],
      response_type: "in_channel",
    } as unknown as Parameters<typeof slackMessageProblems>[0];
    const slackFound = slackMessageProblems(slack, ["U999"]).join("\n");
    for (const expected of ["blocks, limit 50", "151 characters, limit 150", "live Slack mention", "raw control character", "76 characters, limit 75"]) {
      expect(slackFound).toContain(expected);
    }
    expect(slackFound).not.toMatch(/<@U999>.*live/);

    const discord = {
      content: "<@111111> @everyone",
      embeds: [{ title: "t".repeat(257), description: "<@&222222> <#333333>", fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: "", custom_id: "c".repeat(101) }] }],
      allowed_mentions: { parse: ["everyone"], users: ["111111", "444444"] },
    } as unknown as Parameters<typeof discordMessageProblems>[0];
    const discordFound = discordMessageProblems(discord, ["111111"]).join("\n");
    for (const expected of ["257 characters, limit 256", "26 fields", "101 characters, limit 100", "button without label", "parse is", "444444, not an addressee", "unbroken @everyone", "live Discord mention"]) {
      expect(discordFound).toContain(expected);
    }
    expect(terminalTextProblems("\u001b[2J<@U1> @here").length).toBe(3);
  });
});

describe("coverage", () => {
  it("pushed at least 10,000 generated inputs, and the main commands answered some with quotes", () => {
    expect(inputs).toBeGreaterThanOrEqual(MINIMUM_INPUTS);
    const answering = [...replyKinds.entries()].filter(([, kinds]) => kinds.has("answer")).map(([name]) => name);
    expect(answering).toEqual(expect.arrayContaining(["ask", "source", "cite", "thesis", "section", "debate"]));
  });
});
