import { config as loadDotenv } from "dotenv";
import pretty from "pino-pretty";
import type { CommandRegistry } from "../commands/index.js";
import { checkKnowledgeFolder } from "../config/knowledgeFolder.js";
import { loadConfig, type Config } from "../config/loadConfig.js";
import { createLogger, jsonLineDestination, type Logger } from "../logger.js";
import { createBotRegistry } from "../app/createBotRegistry.js";
import { guardProcess } from "../app/guardProcess.js";
import { KnowledgeStore, summarize } from "../app/knowledgeStore.js";
import { formatRateLimit } from "../app/parseRateLimit.js";
import { servePlatforms, startPlatforms } from "../app/servePlatforms.js";
import { trackCommandsInFlight, type InFlightCommands } from "../app/trackCommandsInFlight.js";
import { openStore, startRetentionCleanup, type Store } from "../store/index.js";
import { BotMetrics } from "../metrics/botMetrics.js";
import { timeStore } from "../metrics/timeStore.js";
import type { KnowledgeBase } from "../knowledge/index.js";

/** The whole shutdown must end within this, as container orchestrators expect (SIGKILL follows). */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Each graceful step gets this, leaving room for the rest before the hard limit. */
const DRAIN_MS = 7_000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const result = loadConfig(process.env);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.stderr.write("See .env.example for every variable.\n");
    process.exitCode = 1;
    return;
  }
  const config = result.config;
  const folderProblem = await checkKnowledgeFolder(config.knowledge);
  if (folderProblem) {
    process.stderr.write(`Configuration error: ${folderProblem}\n`);
    process.exitCode = 1;
    return;
  }
  // A platform that talks through this terminal (the console) keeps stdout for its transcript.
  const inTerminal = config.platforms.some(({ setup }) => setup.terminal);
  const logger = createMainLogger(config, inTerminal);
  guardProcess(logger);

  // Only the HTTP server exposes them, so the console counts nothing.
  const metrics = config.metrics.enabled && !inTerminal ? new BotMetrics() : undefined;
  // Opened before anything can need it; SQLite throws (naming its file) when it cannot be opened.
  const opened = await openStore(config.state, logger);
  const state = metrics ? timeStore(opened, (...call) => metrics.storeCall(...call)) : opened;
  // Stopped with the process (its timer does not keep it alive).
  startRetentionCleanup({ store: state, retentionDays: config.usage.retentionDays, logger });
  const store = await KnowledgeStore.open(config.knowledge.directory, {
    logger,
    ...(metrics ? { onReload: (knowledge: KnowledgeBase) => metrics.knowledgeReloaded(knowledge.errors.length) } : {}),
  });
  logger.info({ directory: config.knowledge.directory, ...summarize(store.get()) }, "knowledge loaded");

  const inFlight = trackCommandsInFlight();
  const registry = createBotRegistry({
    knowledge: () => store.get(),
    logger,
    rateLimit: config.rateLimit,
    state,
    replyCacheSize: config.replyCacheSize,
    around: [inFlight.middleware],
    usage: { store: state, keepQuestions: config.usage.keepQuestions },
    metrics,
  });

  if (inTerminal) {
    await runInTerminal(config, registry, store, state, logger);
    return;
  }
  await runPlatforms(config, registry, store, state, logger, inFlight, metrics);
}

/** The console: nothing reaches it over the network, so no HTTP server; the process ends when it does. */
async function runInTerminal(config: Config, registry: CommandRegistry, store: KnowledgeStore, state: Store, logger: Logger): Promise<void> {
  const platforms = await startPlatforms({ config, registry, store, state, logger });
  process.once("SIGTERM", () => void platforms.stop());
  await platforms.done;
  await store.close();
  await state.close();
}

async function runPlatforms(
  config: Config,
  registry: CommandRegistry,
  store: KnowledgeStore,
  state: Store,
  logger: Logger,
  inFlight: InFlightCommands,
  metrics: BotMetrics | undefined,
): Promise<void> {
  logger.info({ adapters: config.adapters, rateLimit: formatRateLimit(config.rateLimit) }, "starting");
  let platforms;
  try {
    const served = metrics ? { metrics, ...(config.metrics.token ? { token: config.metrics.token } : {}) } : undefined;
    platforms = await servePlatforms({ config, registry, store, state, logger, inFlight, ...(served ? { metrics: served } : {}) });
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    await store.close();
    await state.close();
    // A half-started client may hold timers or sockets; the exit must not wait on them.
    process.exit(1);
  }
  logger.info({ host: config.host, port: platforms.port, paths: platforms.paths }, "listening");

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    const hardExit = setTimeout(() => {
      logger.error("shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    hardExit.unref();
    await platforms.close(DRAIN_MS);
    await store.close();
    await state.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * JSON lines for machines, readable lines at a terminal. In the console the transcript is on stdout, so logs
 * go to stderr and only warnings show unless LOG_LEVEL asks for more.
 */
function createMainLogger(config: Config, inTerminal: boolean): Logger {
  const fd = inTerminal ? 2 : 1;
  const level = config.logLevel ?? (inTerminal ? "warn" : "info");
  const isTerminal = Boolean(inTerminal ? process.stderr.isTTY : process.stdout.isTTY);
  const destination = isTerminal
    ? (pretty({ destination: fd, colorize: true, translateTime: "SYS:HH:MM:ss", sync: true }) as NodeJS.WritableStream)
    : jsonLineDestination(fd);
  return createLogger({ level, destination });
}

main().catch((error: unknown) => {
  // Startup failures are reported as one line; the stack is only for LOG_LEVEL=debug.
  process.stderr.write(`Ground Truth could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
