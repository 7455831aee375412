import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CommandRegistry } from "../commands/index.js";
import type { Config } from "../config/loadConfig.js";
import { createHttpServer, HEALTH_PATH, type HttpRoute } from "../http/createHttpServer.js";
import { shutdownHttpServer } from "../http/shutdownHttpServer.js";
import type { Logger } from "../logger.js";
import type { PlatformContext, RunningPlatform } from "../platforms/index.js";
import type { KnowledgeStore } from "./knowledgeStore.js";
import { createMemoryStore, type Store } from "../store/index.js";
import { summarize } from "./knowledgeStore.js";
import { createReminderDesk, type ReminderDeskOptions } from "./reminderDesk.js";
import { ConnectionBoard, keepConnecting, type BackoffOptions } from "./keepConnecting.js";
import type { InFlightCommands } from "./trackCommandsInFlight.js";
import type { BotMetrics } from "../metrics/botMetrics.js";
import { metricsRoute } from "../metrics/metricsRoute.js";

export interface StartPlatformsOptions {
  config: Config;
  registry: CommandRegistry;
  store: KnowledgeStore;
  /** What the bot remembers (src/store); a memory store when none is given (tests, tools). */
  state?: Store;
  logger: Logger;
  /** Waits between connection attempts and how long one may take (tests shorten them). */
  connections?: { backoff?: BackoffOptions; connectTimeoutMs?: number };
  /** The reminder runner's polling, lease and lateness (defaults in REMINDER_DEFAULTS). */
  reminders?: ReminderDeskOptions;
}

export interface StartedPlatforms {
  /** Every platform's HTTP endpoints. */
  routes: HttpRoute[];
  /** How the kept connections stand, for /healthz. */
  connections: ConnectionBoard;
  /** Settles when every platform that ends by itself (the console) has ended. */
  done: Promise<void>;
  /** What the platforms were given as `state` (for /healthz). */
  state: Store;
  /** Closes kept connections and stops every platform, all at once; never throws. */
  stop(): Promise<void>;
}

/**
 * Starts every configured platform, handing each the shared registry and a way to keep a connection up.
 * A platform that fails to start stops the ones before it, and the failure is thrown.
 */
export async function startPlatforms(options: StartPlatformsOptions): Promise<StartedPlatforms> {
  const { config, registry, store, logger } = options;
  const connections = new ConnectionBoard();
  const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
  const state = options.state ?? createMemoryStore();
  const reminders = createReminderDesk(state, logger, options.reminders);
  // Stopped with the platforms, before the app closes the store.
  stops.push({ name: "reminders", stop: () => reminders.stop() });
  const context: PlatformContext = {
    registry,
    logger,
    keepConnected(name, connect) {
      const kept = keepConnecting({ name, connect, board: connections, logger: logger.child({ adapter: name }), backoff: options.connections?.backoff });
      stops.push({ name, stop: () => kept.stop() });
    },
    connectTimeoutMs: options.connections?.connectTimeoutMs,
    state,
    reminders,
    knowledgeSummary: () => summarize(store.get()),
  };
  const stop = () => stopAll(stops, logger);
  const running: RunningPlatform[] = [];
  try {
    for (const { adapter, setup } of config.platforms) {
      const platform = await setup.start(context);
      running.push(platform);
      stops.push({ name: adapter.name, stop: () => platform.stop() });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // One runner per process, for every platform that posts reminders: each due one is claimed by one instance.
  reminders.start();
  return {
    routes: running.flatMap((platform) => platform.routes),
    connections,
    state,
    done: Promise.all(running.flatMap((platform) => (platform.done ? [platform.done] : []))).then(() => undefined),
    stop,
  };
}

export interface PlatformServerOptions extends StartPlatformsOptions {
  inFlight: InFlightCommands;
  /** Where to listen, instead of the configured HOST (the load benchmark and tests use loopback). */
  host?: string;
  /** METRICS=on: served as GET /metrics (behind METRICS_TOKEN when set), its gauges reading the store and knowledge. */
  metrics?: { metrics: BotMetrics; token?: string };
}

export interface PlatformServer {
  server: Server;
  port: number;
  /** The HTTP paths served besides /healthz. */
  paths: string[];
  /** Stops taking requests, finishes those in flight (each step bounded by `drainMs`), then the platforms. */
  close(drainMs: number): Promise<boolean>;
}

/**
 * Starts every configured platform and the one HTTP server: /healthz, and the routes the platforms hand in.
 * Always serves /healthz when a platform runs: orchestrators probe Socket Mode and gateway deployments too,
 * and it reports a connection still connecting or retrying (which never stops the rest). Rejects with one line
 * when the port fails, after stopping whatever had started.
 */
export async function servePlatforms(options: PlatformServerOptions): Promise<PlatformServer> {
  const { config, store, logger, inFlight } = options;
  const platforms = await startPlatforms(options);
  const { routes, connections, stop } = platforms;
  const state = platforms.state;
  const health = () => {
    const counts = { ...summarize(store.get()), store: state.health() };
    return connections.size > 0 ? { ...counts, adapters: connections.report() } : counts;
  };
  if (options.metrics) {
    const { metrics, token } = options.metrics;
    const state = options.state;
    metrics.watch({ storeHealth: () => (state ? state.health() : { backend: "memory", status: "ok" }), knowledge: () => summarize(store.get()) });
    routes.push(metricsRoute(metrics, token));
  }
  const served = options.metrics?.metrics;
  const server = createHttpServer({ routes, health, logger, ...(served ? { onResponse: (route: string, status: number) => served.httpResponse(route, status) } : {}) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, options.host ?? config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`cannot listen on PORT ${config.port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return {
    server,
    port: (server.address() as AddressInfo).port,
    paths: [HEALTH_PATH, ...routes.map((route) => route.path)],
    async close(drainMs) {
      await shutdownHttpServer(server, drainMs);
      const settled = await inFlight.settled(drainMs);
      if (!settled) logger.warn({ commands: inFlight.count }, "stopping with commands still running");
      await stop();
      return settled;
    },
  };
}

/** Disconnects and cancels pending follow-ups and retries, all at once; a platform that fails to stop is logged. */
async function stopAll(stops: ReadonlyArray<{ name: string; stop: () => Promise<unknown> }>, logger: Logger): Promise<void> {
  await Promise.all(
    stops.map(async ({ name, stop }) => {
      try {
        await stop();
      } catch (error) {
        logger.warn({ err: error, adapter: name }, "adapter did not stop cleanly");
      }
    }),
  );
}
