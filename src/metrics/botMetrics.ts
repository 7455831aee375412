import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CommandOutcome } from "../app/logCommands.js";
import type { StoreHealth } from "../store/index.js";

/** Every metric's name starts with this, so a shared Prometheus tells the bot's series apart. */
export const METRIC_PREFIX = "ground_truth_";

/** Command latency buckets, in seconds: most answers take milliseconds; a slow store or reload shows above 1 s. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One finished command, as labelled: a known command name (or "unknown"), the platform, how it ended. */
export interface CommandRun {
  command: string;
  platform: string;
  outcome: CommandOutcome;
  durationMs: number;
}

/** What the gauges read at each scrape: the store's health and the size of the loaded knowledge. */
export interface MetricsSources {
  storeHealth: () => StoreHealth;
  knowledge: () => { documents: number; passages: number; errors: number };
}

/** Store call buckets, in seconds: SQLite answers in tens of microseconds, Redis in about a millisecond. */
export const STORE_BUCKETS_SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 2];

export interface BotMetricsOptions {
  /** prom-client's process metrics (CPU, memory, event loop lag, handles), under their usual unprefixed names; on unless turned off. */
  defaultMetrics?: boolean;
}

/**
 * The bot's Prometheus metrics in one registry of their own (not prom-client's global one, so two bots in one
 * process, as in tests, never share counts). Labels are only ever command names from the registry, platform
 * names and outcomes: never a user id, a channel or anything typed, which keeps both privacy and the number of
 * series bounded. Gauges are read when scraped, from the sources given to `watch`.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly commands: Counter<"command" | "platform" | "outcome">;
  private readonly latency: Histogram<"command" | "platform">;
  private readonly responses: Counter<"route" | "status">;
  private readonly reloads: Counter<"outcome">;
  private readonly reloadErrors: Counter;
  private readonly storeCalls: Histogram<"group" | "operation" | "outcome">;
  private sources?: MetricsSources;

  constructor(options: BotMetricsOptions = {}) {
    const registers = [this.registry];
    this.commands = new Counter({
      name: `${METRIC_PREFIX}commands_total`,
      help: "Commands run (button clicks included), by command, platform and outcome (answer, notice, error, failed, rate-limited).",
      labelNames: ["command", "platform", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: `${METRIC_PREFIX}command_duration_seconds`,
      help: "Time from a command reaching the registry to its reply, by command and platform.",
      labelNames: ["command", "platform"],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.responses = new Counter({
      name: `${METRIC_PREFIX}http_responses_total`,
      help: "HTTP responses by route and status: 401 a refused signature, 409 a replay, 413 a body over the limit, 408 a slow client, 503 the body budget spent or shutting down.",
      labelNames: ["route", "status"],
      registers,
    });
    this.reloads = new Counter({
      name: `${METRIC_PREFIX}knowledge_reloads_total`,
      help: "Loads of the knowledge folder (the first at start included), by outcome: ok, or with_errors when a file could not be read.",
      labelNames: ["outcome"],
      registers,
    });
    this.reloadErrors = new Counter({
      name: `${METRIC_PREFIX}knowledge_reload_errors_total`,
      help: "Files that could not be read, summed over reloads (each reload counts every file still broken).",
      registers,
    });
    this.storeCalls = new Histogram({
      name: `${METRIC_PREFIX}store_call_duration_seconds`,
      help: "Time of each store call, by group (rateLimits, replayKeys, reminders, keyValues…), operation and outcome (ok, failed).",
      labelNames: ["group", "operation", "outcome"],
      buckets: STORE_BUCKETS_SECONDS,
      registers,
    });
    const read = <T>(pick: (sources: MetricsSources) => T): T | undefined => (this.sources ? pick(this.sources) : undefined);
    new Gauge({
      name: `${METRIC_PREFIX}store_up`,
      help: "1 while the store (memory, sqlite or redis) answers, 0 while it is unavailable.",
      labelNames: ["backend"],
      registers,
      collect() {
        const health = read((sources) => sources.storeHealth());
        this.reset();
        if (health) this.set({ backend: health.backend }, health.status === "ok" ? 1 : 0);
      },
    });
    const knowledgeGauge = (name: string, help: string, key: "documents" | "passages" | "errors") =>
      new Gauge({
        name: `${METRIC_PREFIX}knowledge_${name}`,
        help,
        registers,
        collect() {
          const size = read((sources) => sources.knowledge());
          if (size) this.set(size[key]);
        },
      });
    knowledgeGauge("documents", "Documents loaded and answering.", "documents");
    knowledgeGauge("passages", "Passages indexed across the loaded documents.", "passages");
    knowledgeGauge("errors", "Files in the knowledge folder that could not be read.", "errors");
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one finished command and its time. */
  commandFinished(run: CommandRun): void {
    this.commands.inc({ command: run.command, platform: run.platform, outcome: run.outcome });
    this.latency.observe({ command: run.command, platform: run.platform }, run.durationMs / 1000);
  }

  /** Counts one HTTP response; `route` is a served path or "other", never the path a client made up. */
  httpResponse(route: string, status: number): void {
    this.responses.inc({ route, status: String(status) });
  }

  /** Counts one reload of the knowledge folder and the files it could not read. */
  knowledgeReloaded(errors: number): void {
    this.reloads.inc({ outcome: errors > 0 ? "with_errors" : "ok" });
    if (errors > 0) this.reloadErrors.inc(errors);
  }

  /** Times one store call (see timeStore). */
  storeCall(group: string, operation: string, seconds: number, failed: boolean): void {
    this.storeCalls.observe({ group, operation, outcome: failed ? "failed" : "ok" }, seconds);
  }

  /** Where the gauges read from; set once the store and the knowledge are open. */
  watch(sources: MetricsSources): void {
    this.sources = sources;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text Prometheus scrapes. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
