import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { SHARD_SCRIPT } from "../../src/bin/discordShards.js";
import { createShardingManager } from "../../src/platforms/discord/shardingManager.js";

describe("Discord sharding manager", () => {
  it("lets Discord choose the shard count and runs the gateway shard script under tsx", () => {
    const manager = createShardingManager({ token: "MTEx.test-token.part", logger: silentLogger, script: SHARD_SCRIPT });
    expect(manager.totalShards).toBe("auto");
    expect(manager.respawn).toBe(true);
    expect(manager.file).toBe(SHARD_SCRIPT);
    expect(SHARD_SCRIPT).toMatch(/src\/bin\/discordShard\.ts$/);
    expect(existsSync(SHARD_SCRIPT)).toBe(true);
    expect((manager as unknown as { execArgv: string[] }).execArgv).toEqual(["--import", "tsx"]);
    expect(manager.shards.size).toBe(0);
  });
});
