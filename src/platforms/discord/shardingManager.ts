/**
 * `npm run discord:shards`: the gateway bot for more than 2,500 servers, where Discord requires sharding.
 * discord.js's ShardingManager asks Discord how many shards the bot needs and runs each as a process of
 * `gatewayShard`, restarting any that die. Run it instead of the gateway part of `npm start`; HTTP interactions
 * need no sharding (any number of stateless instances behind a load balancer).
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { config as loadDotenv } from "dotenv";
import { ShardingManager } from "discord.js";
import { createLogger, type Logger } from "../../logger.js";

/** Running from TypeScript sources (tsx) or from the build (node dist/): the shard script is the same kind. */
const RUNNING_TYPESCRIPT = import.meta.url.endsWith(".ts");

export const SHARD_SCRIPT = fileURLToPath(new URL(`./gatewayShard.${RUNNING_TYPESCRIPT ? "ts" : "js"}`, import.meta.url));

export function createShardingManager(options: { token: string; logger: Logger }): ShardingManager {
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token: options.token,
    totalShards: "auto",
    respawn: true,
    // Shards are forked Node processes; from sources they need tsx's loader to run TypeScript.
    execArgv: RUNNING_TYPESCRIPT ? ["--import", "tsx"] : [],
  });
  manager.on("shardCreate", (shard) => {
    options.logger.info({ shard: shard.id }, "discord shard started");
    shard.on("death", () => options.logger.warn({ shard: shard.id }, "discord shard exited; restarting"));
  });
  return manager;
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const token = process.env.DISCORD_TOKEN?.trim();
  if (!token) {
    process.stderr.write("discord:shards: set DISCORD_TOKEN (the bot token) to start the sharded gateway bot.\n");
    process.exitCode = 1;
    return;
  }
  const logger = createLogger();
  const manager = createShardingManager({ token, logger });
  const shards = await manager.spawn({ timeout: 60_000 });
  logger.info({ shards: shards.size }, "discord shards running");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`discord:shards: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
