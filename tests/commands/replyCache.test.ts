import { beforeAll, describe, expect, it } from "vitest";
import { CommandRegistry, createCommandRegistry } from "../../src/commands/index.js";
import { deepFreeze, memoizeForFrozen } from "../../src/reply/freeze.js";
import type { CommandDefinition, CommandRequest } from "../../src/commands/registry/types.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { jsonBody } from "../../src/http/jsonBody.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await loadKnowledge("knowledge");
});

const request = (command: string, text = "", platform: CommandRequest["platform"] = slackTraits, userId = "U1"): CommandRequest => ({
  command,
  text,
  user: { id: userId },
  platform,
});

/** A cacheable command that counts its runs, so a test can tell a cached answer from a fresh one. */
function countingCommand(options: Partial<CommandDefinition> = {}): CommandDefinition & { runs: () => number } {
  let runs = 0;
  return {
    name: "count",
    description: "counts",
    usage: "[word]",
    options: [{ name: "word", description: "any word", kind: "text", main: true }],
    cacheable: true,
    handler: ({ args }) => {
      runs++;
      return { title: `run ${runs}`, text: args.word ?? "", quotes: [], visibility: "private" };
    },
    runs: () => runs,
    ...options,
  };
}

describe("the reply cache", () => {
  it("answers a repeated cacheable command with the same frozen reply, whoever asks", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const first = await registry.run(request("source", "minsk", slackTraits, "U1"));
    const again = await registry.run(request("source", "minsk", slackTraits, "U2"));
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.quotes) && Object.isFrozen(first.quotes[0])).toBe(true);
    expect(() => {
      (first.quotes as unknown[]).push("tampered");
    }).toThrow(TypeError);
    // The same answer as a registry without a cache gives.
    const uncached = await createCommandRegistry(() => knowledge, { replyCacheSize: 0 }).run(request("source", "minsk"));
    expect(first).toEqual(uncached);
  });

  it("keeps different arguments, pages and platforms apart", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const minsk = await registry.run(request("source", "minsk"));
    const bucha = await registry.run(request("source", "bucha"));
    expect(bucha).not.toBe(minsk);
    expect(bucha.quotes[0]?.text).toContain("Bucha");
    const onDiscord = await registry.run(request("source", "minsk", discordTraits));
    expect(onDiscord).not.toBe(minsk);
    const nextPage = await registry.run({ ...request("ask", "talks"), page: 1 });
    expect(nextPage).not.toBe(await registry.run(request("ask", "talks")));
  });

  it("runs commands that are not cacheable (a random motion) every time", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const first = await registry.run(request("debate"));
    const again = await registry.run(request("debate"));
    expect(again).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });

  it("runs every time when the size is 0, and evicts the least recently used beyond the size", async () => {
    const off = countingCommand();
    const none = new CommandRegistry([off], () => knowledge, { replyCacheSize: 0 });
    await none.run(request("count", "a"));
    await none.run(request("count", "a"));
    expect(off.runs()).toBe(2);

    const counted = countingCommand();
    const small = new CommandRegistry([counted], () => knowledge, { replyCacheSize: 2 });
    for (const word of ["a", "b", "a", "c", "a", "b"]) await small.run(request("count", word));
    // a, b fresh; a cached; c fresh (evicts b, the least recently used); a cached; b fresh again.
    expect(counted.runs()).toBe(4);
  });

  it("is emptied when the knowledge is reloaded", async () => {
    const counted = countingCommand();
    let current = knowledge;
    const registry = new CommandRegistry([counted], () => current);
    await registry.run(request("count", "a"));
    await registry.run(request("count", "a"));
    expect(counted.runs()).toBe(1);
    current = await loadKnowledge("knowledge");
    await registry.run(request("count", "a"));
    expect(counted.runs()).toBe(2);
  });

  it("never keeps a failure: the next request runs again and gets its own reference id", async () => {
    let calls = 0;
    const flaky = countingCommand({
      handler: () => {
        calls++;
        if (calls === 1) throw new Error("boom");
        return { title: "fine", quotes: [], visibility: "private" };
      },
    });
    const registry = new CommandRegistry([flaky], () => knowledge);
    const failed = await registry.run(request("count", "a"));
    expect(failed.title).toBe("Something went wrong");
    const fine = await registry.run(request("count", "a"));
    expect(fine.title).toBe("fine");
    expect(calls).toBe(2);
  });

  it("renders and serialises a cached reply once, to the same text as a fresh one", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const cached = await registry.run(request("cite", "mearsheimer"));
    const fresh = await createCommandRegistry(() => knowledge, { replyCacheSize: 0 }).run(request("cite", "mearsheimer"));
    expect(renderSlackMessage(cached)).toBe(renderSlackMessage(cached));
    expect(renderDiscordMessage(cached)).toBe(renderDiscordMessage(cached));
    expect(jsonBody(renderSlackMessage(cached))).toBe(jsonBody(renderSlackMessage(cached)));
    expect(jsonBody(renderSlackMessage(cached)).toString("utf8")).toBe(JSON.stringify(renderSlackMessage(fresh)));
    expect(jsonBody(renderDiscordMessage(cached)).toString("utf8")).toBe(JSON.stringify(renderDiscordMessage(fresh)));
    // A fresh reply is rendered anew each time.
    expect(renderSlackMessage(fresh)).not.toBe(renderSlackMessage(fresh));
  });
});

describe("memoizeForFrozen", () => {
  it("remembers results for frozen arguments only, and freezes them", () => {
    let calls = 0;
    const wrap = memoizeForFrozen((value: { n: number }) => {
      calls++;
      return { doubled: [value.n * 2] };
    });
    const frozen = deepFreeze({ n: 2 });
    expect(wrap(frozen)).toBe(wrap(frozen));
    expect(Object.isFrozen(wrap(frozen).doubled)).toBe(true);
    expect(calls).toBe(1);
    const open = { n: 3 };
    wrap(open);
    wrap(open);
    expect(calls).toBe(3);
  });
});
