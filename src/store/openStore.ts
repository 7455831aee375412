import type { Logger } from "pino";
import { createMemoryStore } from "./memory/memoryStore.js";
import { openRedisStore } from "./redis/redisStore.js";
import { openSqliteStore } from "./sqlite/sqliteStore.js";
import type { Store } from "./store.js";
import type { StoreConfig } from "./storeConfig.js";

/**
 * The store the configuration names. SQLite throws when its file cannot be opened (the message names the file);
 * Redis never throws for an unreachable server (one line is logged and it keeps trying).
 */
export async function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  switch (config.backend) {
    case "memory":
      return createMemoryStore();
    case "sqlite":
      return openSqliteStore({ file: config.file, logger });
    case "redis":
      return openRedisStore({ url: config.url, logger, ...(config.keyPrefix ? { keyPrefix: config.keyPrefix } : {}) });
  }
}
