/**
 * One shard of the gateway bot, as a process of its own: what `discordShards.ts` spawns. discord.js reads
 * the shard ids and count the manager put in this process's environment (SHARDS, SHARD_COUNT) and the token
 * it passed as DISCORD_TOKEN. Only the gateway runs here; HTTP endpoints and Slack stay in `npm start`.
 */
import { config as loadDotenv } from "dotenv";
import { loadConfig, settingsOf } from "../config/loadConfig.js";
import type { DiscordSettings } from "../platforms/discord/config.js";
import { createLogger } from "../logger.js";
import { createBotRegistry } from "../app/createBotRegistry.js";
import { KnowledgeStore } from "../app/knowledgeStore.js";
import { createDiscordClient } from "../platforms/discord/createDiscordClient.js";
import { createStoreButtonKeys } from "../platforms/discord/buttonKeys.js";
import { createDiscordReminderPoster, createTimerKeeper } from "../platforms/discord/keepTimers.js";
import { createReminderDesk } from "../app/reminderDesk.js";
import { openStore } from "../store/index.js";

async function startGatewayShard(): Promise<void> {
  loadDotenv({ quiet: true });
  const result = loadConfig(process.env);
  const token = result.ok ? (settingsOf(result.config, "discord") as DiscordSettings | undefined)?.token : undefined;
  if (!result.ok || !token) {
    const problems = result.ok ? ["DISCORD_TOKEN is missing."] : result.problems;
    for (const problem of problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.exitCode = 1;
    return;
  }
  const { config } = result;
  const logger = createLogger({ level: config.logLevel }).child({ adapter: "discord-gateway", shards: process.env.SHARDS });
  // Each shard opens the configured store (SQLite file or Redis), shared with `npm start` and the other shards.
  const state = await openStore(config.state, logger);
  const store = await KnowledgeStore.open(config.knowledge.directory, { logger });
  const registry = createBotRegistry({ knowledge: () => store.get(), logger, rateLimit: config.rateLimit, state, replyCacheSize: config.replyCacheSize });
  // Timers as `npm start` keeps them: in the store, posted with the bot token by one runner per process.
  const reminders = createReminderDesk(state, logger);
  reminders.deliverWith("discord", createDiscordReminderPoster(token, logger.child({ component: "reminders" })));
  reminders.start();

  const gateway = createDiscordClient({ registry, logger, buttonKeys: createStoreButtonKeys(state.keyValues), timers: createTimerKeeper(reminders, logger) });
  const stop = async () => {
    await gateway.destroy();
    await reminders.stop();
    await store.close();
    await state.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  await gateway.client.login(token);
}

startGatewayShard().catch((error: unknown) => {
  process.stderr.write(`Discord shard could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
