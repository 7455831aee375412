/**
 * The bot's HTTP server wired exactly as src/main.ts wires it (main.ts runs on import and exports nothing):
 * checked config, the knowledge store, the registry wrapped in in-flight tracking, the command log and the
 * rate limit, the platform adapters, and one HTTP server for both platforms. The load benchmark runs it in a
 * child process and the reliability tests in-process; both need to reach it on loopback only.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CommandRegistry, commandsFor } from "../../src/commands/index.js";
import type { CommandDefinition } from "../../src/commands/types.js";
import { loadConfig, type Environment } from "../../src/config/loadConfig.js";
import type { Logger } from "../../src/logger.js";
import { KnowledgeStore, summarize } from "../../src/runtime/knowledgeStore.js";
import { createCommandLog } from "../../src/runtime/logCommands.js";
import { rateLimitCommands } from "../../src/runtime/rateLimitCommands.js";
import { SlidingWindowRateLimiter } from "../../src/runtime/rateLimiter.js";
import { startPlatformAdapters } from "../../src/runtime/startPlatformAdapters.js";
import { trackCommandsInFlight } from "../../src/runtime/trackCommandsInFlight.js";
import { wrapCommandRuns } from "../../src/runtime/wrapCommandRuns.js";
import { createHttpServer } from "../../src/server/createHttpServer.js";
import { shutdownHttpServer } from "../../src/server/shutdownHttpServer.js";

export interface BotServerOptions {
  env: Environment;
  logger: Logger;
  /** Commands added to the production set (tests add one that throws). */
  extraCommands?: CommandDefinition[];
  host?: string;
}

export interface BotServer {
  server: Server;
  port: number;
  /** The registry under every wrapper: what actually runs commands. Tests spy on it. */
  commands: CommandRegistry;
  close(): Promise<void>;
}

export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const result = loadConfig(options.env);
  if (!result.ok) throw new Error(`bad test configuration: ${result.problems.join(" ")}`);
  const config = result.config;
  const { logger } = options;

  const store = await KnowledgeStore.open(config.knowledgeDir, { logger, watch: false });
  const inFlight = trackCommandsInFlight();
  const commandLog = createCommandLog(logger);
  const commands = new CommandRegistry([...commandsFor(store.get()), ...(options.extraCommands ?? [])], () => store.get(), {
    onError: commandLog.onError,
  });
  // The same layers, in the same order, as main.ts's buildRegistry.
  let registry = commands;
  if (config.rateLimit) registry = wrapCommandRuns(registry, rateLimitCommands(new SlidingWindowRateLimiter(config.rateLimit)));
  registry = wrapCommandRuns(registry, commandLog.middleware);
  registry = wrapCommandRuns(registry, inFlight.middleware);

  const adapters = await startPlatformAdapters(config, registry, logger);
  const server = createHttpServer({ ...adapters.http, health: () => summarize(store.get()), logger });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    commands,
    close: async () => {
      await shutdownHttpServer(server, 2_000);
      await inFlight.settled(2_000);
      await adapters.stop();
      await store.close();
    },
  };
}
