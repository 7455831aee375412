import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { BotMetrics } from "../../src/metrics/botMetrics.js";

describe("BotMetrics gauges", () => {
  it("reads the store's health at each scrape: 1 while it answers, 0 while it is down, labelled by backend", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    let status: "ok" | "unavailable" = "ok";
    metrics.watch({ storeHealth: () => ({ backend: "redis", status }), knowledge: () => ({ documents: 3, passages: 120, errors: 1 }) });
    expect(await metrics.render()).toMatch(/^ground_truth_store_up\{backend="redis"\} 1$/m);
    status = "unavailable";
    const down = await metrics.render();
    expect(down).toMatch(/^ground_truth_store_up\{backend="redis"\} 0$/m);
    expect(down).toMatch(/^ground_truth_knowledge_documents 3$/m);
    expect(down).toMatch(/^ground_truth_knowledge_passages 120$/m);
    expect(down).toMatch(/^ground_truth_knowledge_errors 1$/m);
    expect(down).not.toMatch(/^process_/m);
  });

  it("keeps each bot's counts in its own registry", async () => {
    const first = new BotMetrics({ defaultMetrics: false });
    const second = new BotMetrics({ defaultMetrics: false });
    first.commandFinished({ command: "ask", platform: "discord", outcome: "answer", durationMs: 30 });
    expect(await first.render()).toMatch(/^ground_truth_commands_total\{command="ask",platform="discord",outcome="answer"\} 1$/m);
    expect(await first.render()).toMatch(/^ground_truth_command_duration_seconds_bucket\{le="0\.05",command="ask",platform="discord"\} 1$/m);
    expect(await first.render()).toMatch(/^ground_truth_command_duration_seconds_bucket\{le="0\.025",command="ask",platform="discord"\} 0$/m);
    expect(await second.render()).not.toContain('command="ask"');
  });
});

describe("METRICS and METRICS_TOKEN", () => {
  const base = { PORT: "0" };
  it("are off and unset by default", () => {
    const result = loadConfig(base);
    expect(result.ok && result.config.metrics).toEqual({ enabled: false });
  });

  it("turn on with a token", () => {
    const result = loadConfig({ ...base, METRICS: "ON", METRICS_TOKEN: "0123456789abcdef0123" });
    expect(result.ok && result.config.metrics).toEqual({ enabled: true, token: "0123456789abcdef0123" });
  });

  it("refuse other values in one line each, never repeating the token", () => {
    const result = loadConfig({ ...base, METRICS: "yes", METRICS_TOKEN: "short-secret" });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'METRICS must be on or off (got "yes").',
      "METRICS_TOKEN must be at least 16 characters with no spaces (e.g. from `openssl rand -hex 24`).",
    ]);
    expect(problems.join(" ")).not.toContain("short-secret");
  });
});
