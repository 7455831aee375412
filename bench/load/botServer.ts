/**
 * Child process for the load benchmark: the bot's HTTP server as production runs it (startBotServer mirrors
 * main.ts), configured from the environment, logging JSON lines at the production level to stdout. Tells the
 * parent its port over IPC and stops on SIGTERM.
 */
import nock from "nock";
import { createLogger, jsonLineDestination } from "../../src/logger.js";
import { startBotServer } from "../../tests/support/startBotServer.js";

// Loopback only. Startup checks the Slack token once (auth.test); that one call is answered here.
nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1/);
nock("https://slack.com").post("/api/auth.test").reply(200, { ok: true, team: "Load", user_id: "UBOT", bot_id: "BBOT" });

// As main.ts logs off a terminal: JSON lines on stdout.
const logger = createLogger({ level: process.env.LOG_LEVEL ?? "info", destination: jsonLineDestination(1) });
// The store the environment names (memory unless STORE, DATA_DIR or REDIS_URL say otherwise: see load.bench.ts).
const bot = await startBotServer({ env: process.env, logger, openState: true, watchKnowledge: process.env.BENCH_WATCH_KNOWLEDGE === "1" });
process.send?.({ port: bot.port });

process.once("SIGTERM", () => {
  void bot.close().finally(() => process.exit(0));
});
process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
