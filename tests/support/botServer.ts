import { afterEach, beforeEach } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { KnowledgeStore } from "../../src/app/knowledgeStore.js";
import type { RateLimitSetting } from "../../src/app/parseRateLimit.js";
import { servePlatforms, type PlatformServer } from "../../src/app/servePlatforms.js";
import { trackCommandsInFlight } from "../../src/app/trackCommandsInFlight.js";
import { loadConfig, type Environment } from "../../src/config/loadConfig.js";
import { BotMetrics } from "../../src/metrics/botMetrics.js";
import { timeStore } from "../../src/metrics/timeStore.js";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { blockNetwork, captureLogs, restoreNetwork, type LogCapture } from "../slack/slackHarness.js";

export interface RunningBot {
  /** `http://127.0.0.1:<port>` */
  base: string;
  state: Store;
  logs: LogCapture;
  platforms: PlatformServer;
}

export interface BotServerOptions {
  /** Default: off. */
  rateLimit?: RateLimitSetting | null;
}

/**
 * The bot as src/bin/main.ts starts it from these variables (the usage log, metrics when METRICS=on, every
 * platform's routes on one server), on a loopback port, over the seed knowledge and a memory store, with the
 * network blocked; everything is stopped after each test of the calling suite.
 */
export function useBotServer(): (env: Environment, options?: BotServerOptions) => Promise<RunningBot> {
  const opened: Array<() => Promise<unknown>> = [];
  beforeEach(() => blockNetwork());
  afterEach(async () => {
    for (const close of opened.splice(0).reverse()) await close();
    restoreNetwork();
  });
  return async (env, options = {}) => {
    const result = loadConfig({ PORT: "0", ...env });
    if (!result.ok) throw new Error(result.problems.join(" "));
    const { config } = result;
    const logs = captureLogs();
    const metrics = config.metrics.enabled ? new BotMetrics() : undefined;
    const knowledge = await KnowledgeStore.open("knowledge", {
      watch: false,
      ...(metrics ? { onReload: (loaded: KnowledgeBase) => metrics.knowledgeReloaded(loaded.errors.length) } : {}),
    });
    const memory = createMemoryStore();
    const state = metrics ? timeStore(memory, (...call) => metrics.storeCall(...call)) : memory;
    opened.push(() => state.close(), () => knowledge.close());
    const registry = createBotRegistry({
      knowledge: () => knowledge.get(),
      logger: logs.logger,
      rateLimit: options.rateLimit ?? null,
      state,
      usage: { store: state, keepQuestions: true },
      metrics,
    });
    const platforms = await servePlatforms({
      config,
      registry,
      store: knowledge,
      state,
      logger: logs.logger,
      inFlight: trackCommandsInFlight(),
      host: "127.0.0.1",
      ...(metrics ? { metrics: { metrics, ...(config.metrics.token ? { token: config.metrics.token } : {}) } } : {}),
    });
    opened.push(() => platforms.close(1_000));
    return { base: `http://127.0.0.1:${platforms.port}`, state, logs, platforms };
  };
}
