import { ShardingManager } from "discord.js";
import type { Logger } from "../../logger.js";

/** Running from TypeScript sources (tsx) or from the build (node dist/): shards are forked the same way. */
const RUNNING_TYPESCRIPT = import.meta.url.endsWith(".ts");

/**
 * discord.js's ShardingManager for a bot in more than 2,500 servers, where Discord requires sharding: it asks
 * Discord how many shards the bot needs and runs `script` (one gateway shard) as a process for each,
 * restarting any that die.
 */
export function createShardingManager(options: { token: string; logger: Logger; script: string }): ShardingManager {
  const manager = new ShardingManager(options.script, {
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
