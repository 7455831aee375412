import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CommandRegistry } from "../commands/registry/commandRegistry.js";
import type { Config } from "../config/loadConfig.js";
import type { Logger } from "../logger.js";
import { createHttpServer } from "../http/createHttpServer.js";
import { shutdownHttpServer } from "../http/shutdownHttpServer.js";
import type { KnowledgeStore } from "./knowledgeStore.js";
import { summarize } from "./knowledgeStore.js";
import { startPlatformAdapters, type StartAdaptersOptions } from "./startPlatformAdapters.js";
import type { InFlightCommands } from "./trackCommandsInFlight.js";

export interface PlatformServerOptions {
  config: Config;
  registry: CommandRegistry;
  store: KnowledgeStore;
  logger: Logger;
  inFlight: InFlightCommands;
  /** Where to listen, instead of the configured HOST (the load benchmark and tests use loopback). */
  host?: string;
  /** Passed to the adapters: connection retry waits and timeouts (tests shorten them). */
  adapters?: StartAdaptersOptions;
}

export interface PlatformServer {
  server: Server;
  port: number;
  /** The HTTP paths served besides /healthz. */
  paths: string[];
  /** Stops taking requests, finishes those in flight (each step bounded by `drainMs`), then the adapters. */
  close(drainMs: number): Promise<boolean>;
}

/**
 * Starts every configured platform adapter and the one HTTP server (/healthz, and Slack's and Discord's
 * paths for the HTTP modes that are on). Always serves /healthz when a platform runs: orchestrators probe
 * Socket Mode and gateway deployments too, and it reports an adapter still connecting or retrying (which
 * never stops the rest). Rejects with one line when the port fails, after stopping whatever had started.
 */
export async function servePlatforms(options: PlatformServerOptions): Promise<PlatformServer> {
  const { config, registry, store, logger, inFlight } = options;
  const adapters = await startPlatformAdapters(config, registry, logger, options.adapters);
  const health = () => {
    const counts = summarize(store.get());
    return adapters.connections.size > 0 ? { ...counts, adapters: adapters.connections.report() } : counts;
  };
  const server = createHttpServer({ ...adapters.http, health, logger });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, options.host ?? config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await adapters.stop();
    throw new Error(`cannot listen on PORT ${config.port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return {
    server,
    port: (server.address() as AddressInfo).port,
    paths: [...(adapters.http.slack ? ["/slack/events"] : []), ...(adapters.http.discord ? ["/discord/interactions"] : [])],
    async close(drainMs) {
      await shutdownHttpServer(server, drainMs);
      const settled = await inFlight.settled(drainMs);
      if (!settled) logger.warn({ commands: inFlight.count }, "stopping with commands still running");
      await adapters.stop();
      return settled;
    },
  };
}
