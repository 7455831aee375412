import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CommandRegistry } from "../../src/commands/registry/commandRegistry.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createLogger } from "../../src/logger.js";
import { createCommandLog } from "../../src/app/logCommands.js";
import { rateLimitCommands } from "../../src/app/rateLimitCommands.js";
import { createMemoryStore } from "../../src/store/index.js";
import { wrapCommandRuns } from "../../src/commands/registry/wrapCommandRuns.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";

const FAKE_TOKEN = "xoxb-999-888-FAKETOKENSHOULDNEVERBELOGGED";

function capturedLogger() {
  const stream = new PassThrough();
  const lines: Array<Record<string, unknown>> = [];
  let raw = "";
  stream.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { logger: createLogger({ level: "info", destination: stream }), lines, raw: () => raw };
}

describe("createCommandLog", () => {
  it("writes one line per command with command, platform, duration and outcome, and nothing the user typed", async () => {
    const { logger, lines, raw } = capturedLogger();
    const knowledge = await loadKnowledge("knowledge");
    const log = createCommandLog(logger);
    const registry = wrapCommandRuns(createCommandRegistry(() => knowledge, { onError: log.onError }), log.middleware);

    const reply = await registry.run({
      command: "source",
      text: `minsk ${FAKE_TOKEN}`,
      user: { id: "U123", name: FAKE_TOKEN },
      platform: slackTraits,
    });
    expect(reply.quotes.length).toBeGreaterThan(0);
    await registry.run({ command: "no-such-command", user: { id: "U123" }, platform: discordTraits });

    const commandLines = lines.filter((line) => line.msg === "command");
    expect(commandLines).toHaveLength(2);
    expect(commandLines[0]).toMatchObject({ command: "source", platform: "slack", outcome: "answer", level: 30 });
    expect(commandLines[0]!.durationMs).toEqual(expect.any(Number));
    expect(commandLines[1]).toMatchObject({ command: "no-such-command", platform: "discord", outcome: "error" });
    expect(raw()).not.toContain(FAKE_TOKEN);
    expect(raw()).not.toContain("minsk");
  });

  it("logs a failing handler once with its reference id, and the command line says failed", async () => {
    const { logger, lines, raw } = capturedLogger();
    const knowledge = await loadKnowledge("knowledge");
    const log = createCommandLog(logger);
    const failing = new CommandRegistry(
      [{ name: "explode", description: "fails", usage: "", options: [], handler: () => { throw new Error("handler exploded"); } }],
      () => knowledge,
      { onError: log.onError },
    );
    const registry = wrapCommandRuns(failing, log.middleware);
    const reply = await registry.run({ command: "explode", user: { id: "U1" }, platform: discordTraits });
    const referenceId = /reference ([0-9a-f]+)/.exec(reply.text ?? "")?.[1];
    expect(referenceId).toMatch(/^[0-9a-f]{8}$/);

    const errorLine = lines.find((line) => line.msg === "command failed");
    expect(errorLine).toMatchObject({ referenceId, command: "explode", platform: "discord", level: 50 });
    expect((errorLine!.err as { message: string }).message).toBe("handler exploded");
    expect(lines.find((line) => line.msg === "command")).toMatchObject({ command: "explode", outcome: "failed" });
    expect(raw()).not.toContain(FAKE_TOKEN);
  });

  it("marks refused commands as rate-limited", async () => {
    const { logger, lines } = capturedLogger();
    const knowledge = await loadKnowledge("knowledge");
    const log = createCommandLog(logger);
    const limited = wrapCommandRuns(
      createCommandRegistry(() => knowledge, { onError: log.onError }),
      rateLimitCommands(createMemoryStore().rateLimits, { limit: 1, windowMs: 10_000 }),
    );
    const registry = wrapCommandRuns(limited, log.middleware);
    await registry.run({ command: "help", user: { id: "U1" }, platform: slackTraits });
    await registry.run({ command: "help", user: { id: "U1" }, platform: slackTraits });
    expect(lines.filter((line) => line.msg === "command").map((line) => line.outcome)).toEqual(["notice", "rate-limited"]);
  });
});
