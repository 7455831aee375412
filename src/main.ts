import { config as loadDotenv } from "dotenv";
import pretty from "pino-pretty";
import { startConsole } from "./platforms/console/index.js";
import type { CommandRegistry } from "./commands/index.js";
import { checkKnowledgeFolder } from "./config/checkKnowledgeFolder.js";
import { loadConfig, type Config } from "./config/loadConfig.js";
import { createLogger, jsonLineDestination, type Logger } from "./logger.js";
import { createBotRegistry } from "./app/createBotRegistry.js";
import { guardProcess } from "./app/guardProcess.js";
import { KnowledgeStore, summarize } from "./app/knowledgeStore.js";
import { formatRateLimit } from "./app/parseRateLimit.js";
import { trackCommandsInFlight, type InFlightCommands } from "./app/trackCommandsInFlight.js";

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
  const folderProblem = await checkKnowledgeFolder(config.knowledgeDir, process.env.KNOWLEDGE_DIR?.trim() ? "KNOWLEDGE_DIR" : undefined);
  if (folderProblem) {
    process.stderr.write(`Configuration error: ${folderProblem}\n`);
    process.exitCode = 1;
    return;
  }
  const consoleMode = config.adapters.includes("console");
  const logger = createMainLogger(config, consoleMode);
  guardProcess(logger);

  const store = await KnowledgeStore.open(config.knowledgeDir, { logger });
  logger.info({ directory: config.knowledgeDir, ...summarize(store.get()) }, "knowledge loaded");

  const inFlight = trackCommandsInFlight();
  const registry = createBotRegistry({
    knowledge: () => store.get(),
    logger,
    rateLimit: config.rateLimit,
    replyCacheSize: config.replyCacheSize,
    around: [inFlight.middleware],
  });

  if (consoleMode) {
    await runConsole(registry, store);
    return;
  }
  await runPlatforms(config, registry, store, logger, inFlight);
}

async function runConsole(registry: CommandRegistry, store: KnowledgeStore): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const { documents, passages } = summarize(store.get());
  const session = startConsole({
    registry,
    interactive,
    color: Boolean(process.stdout.isTTY),
    width: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    greeting:
      `Ground Truth: ${documents} document${documents === 1 ? "" : "s"}, ${passages} passages. ` +
      "Ask a question, or type /help. Tab completes commands; Ctrl-C clears the line, and on an empty line (or Ctrl-D) quits.\n",
  });
  process.once("SIGTERM", () => session.close());
  await session.done;
  await store.close();
}

async function runPlatforms(
  config: Config,
  registry: CommandRegistry,
  store: KnowledgeStore,
  logger: Logger,
  inFlight: InFlightCommands,
): Promise<void> {
  logger.info({ adapters: config.adapters, rateLimit: formatRateLimit(config.rateLimit) }, "starting");
  let platforms;
  try {
    // Loaded only here: Bolt and discord.js take a second to import, which the console should not wait for.
    const { servePlatforms } = await import("./app/servePlatforms.js");
    platforms = await servePlatforms({ config, registry, store, logger, inFlight });
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    await store.close();
    // A half-started client may hold timers or sockets; the exit must not wait on them.
    process.exit(1);
  }
  logger.info({ host: config.host, port: platforms.port, paths: ["/healthz", ...platforms.paths] }, "listening");

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
function createMainLogger(config: Config, consoleMode: boolean): Logger {
  const fd = consoleMode ? 2 : 1;
  const level = config.logLevel ?? (consoleMode ? "warn" : "info");
  const isTerminal = Boolean(consoleMode ? process.stderr.isTTY : process.stdout.isTTY);
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
