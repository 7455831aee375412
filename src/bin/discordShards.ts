/**
 * `npm run discord:shards`: the gateway bot for more than 2,500 servers, where Discord requires sharding.
 * discord.js's ShardingManager asks Discord how many shards the bot needs and runs each as a process of
 * `discordShard`, restarting any that die. Run it instead of the gateway part of `npm start`; HTTP interactions
 * need no sharding (any number of stateless instances behind a load balancer).
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { config as loadDotenv } from "dotenv";
import { createLogger } from "../logger.js";
import { createShardingManager } from "../platforms/discord/shardingManager.js";

/** One shard's process: the sibling script, as TypeScript under tsx or as the build's JavaScript. */
export const SHARD_SCRIPT = fileURLToPath(new URL(`./discordShard.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url));

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const token = process.env.DISCORD_TOKEN?.trim();
  if (!token) {
    process.stderr.write("discord:shards: set DISCORD_TOKEN (the bot token) to start the sharded gateway bot.\n");
    process.exitCode = 1;
    return;
  }
  const logger = createLogger();
  const manager = createShardingManager({ token, logger, script: SHARD_SCRIPT });
  const shards = await manager.spawn({ timeout: 60_000 });
  logger.info({ shards: shards.size }, "discord shards running");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`discord:shards: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
