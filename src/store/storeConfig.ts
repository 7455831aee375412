import { join } from "node:path";

export type StoreConfig =
  | { backend: "memory" }
  | { backend: "sqlite"; dataDir: string; file: string }
  /** keyPrefix: put before every key (default `gt:`); tests give each case its own. */
  | { backend: "redis"; url: string; keyPrefix?: string };

export type StoreConfigResult = { ok: true; config: StoreConfig } | { ok: false; problems: string[] };

export const DEFAULT_DATA_DIR = "data";
/** The SQLite store's file inside DATA_DIR. */
export const SQLITE_FILE_NAME = "ground-truth.sqlite";

/**
 * Which store the environment asks for: Redis when REDIS_URL is set, otherwise SQLite in DATA_DIR (default
 * `data/`). STORE=memory|sqlite|redis overrides the choice (memory: nothing survives a restart; for tests and
 * benchmarks). Problems are one line each and never repeat REDIS_URL, which may hold a password.
 */
export function readStoreConfig(env: Readonly<Record<string, string | undefined>>): StoreConfigResult {
  const value = (name: string) => {
    const text = env[name]?.trim();
    return text ? text : undefined;
  };
  const problems: string[] = [];
  const chosen = value("STORE")?.toLowerCase();
  const url = value("REDIS_URL");
  if (chosen !== undefined && chosen !== "memory" && chosen !== "sqlite" && chosen !== "redis") {
    problems.push(`STORE must be memory, sqlite or redis (got "${value("STORE")}"), or be left empty to choose by REDIS_URL.`);
  }
  if (url !== undefined && !isRedisUrl(url)) {
    problems.push("REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0 (the value is not repeated here: it may hold a password).");
  }
  if (chosen === "redis" && url === undefined) problems.push("STORE=redis needs REDIS_URL (redis://host:6379).");
  if (problems.length > 0) return { ok: false, problems };

  const backend = (chosen ?? (url !== undefined ? "redis" : "sqlite")) as StoreConfig["backend"];
  if (backend === "memory") return { ok: true, config: { backend } };
  if (backend === "redis") return { ok: true, config: { backend, url: url! } };
  const dataDir = value("DATA_DIR") ?? DEFAULT_DATA_DIR;
  return { ok: true, config: { backend, dataDir, file: join(dataDir, SQLITE_FILE_NAME) } };
}

function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}
