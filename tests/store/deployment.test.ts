/**
 * No Docker engine runs here, so the deployment files are checked by reading them: the compose file parses and
 * wires two replicas to one persistent Redis the store accepts; the image keeps DATA_DIR on a volume the bot's
 * user can write; git ignores the data folder.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readStoreConfig, SQLITE_FILE_NAME } from "../../src/store/storeConfig.js";

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
}

describe("docker-compose.yml", () => {
  const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
  const { redis, bot } = compose.services;

  it("runs two bot replicas on one Redis that the store accepts", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["bot", "redis"]);
    expect(bot!.deploy?.replicas).toBe(2);
    const store = readStoreConfig(bot!.environment ?? {});
    expect(store).toEqual({ ok: true, config: { backend: "redis", url: "redis://redis:6379" } });
    expect(bot!.depends_on).toEqual({ redis: { condition: "service_healthy" } });
    // One host port per replica.
    const [range] = bot!.ports!;
    const [, from, to] = /^"?(\d+)-(\d+):3000"?$/.exec(range!)!;
    expect(Number(to) - Number(from) + 1).toBe(2);
  });

  it("keeps Redis's data on a volume, written with an append-only file", () => {
    expect(redis!.image).toMatch(/^redis:7/);
    expect(redis!.command).toEqual(expect.arrayContaining(["--appendonly", "yes"]));
    expect(redis!.volumes).toEqual(["redis-data:/data"]);
    expect(Object.keys(compose.volumes)).toEqual(["redis-data"]);
    expect(redis!.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  });
});

describe("the Dockerfile", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8");

  it("keeps DATA_DIR on a volume the unprivileged user owns", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(runtime).toContain("ENV DATA_DIR=/app/data");
    expect(runtime).toMatch(/RUN mkdir -p \/app\/data && chown node:node \/app\/data\n/);
    expect(runtime.indexOf("chown node:node /app/data")).toBeLessThan(runtime.indexOf("VOLUME /app/data"));
    expect(runtime.indexOf("VOLUME /app/data")).toBeLessThan(runtime.indexOf("USER node"));
    expect(readStoreConfig({ DATA_DIR: "/app/data" })).toMatchObject({ config: { file: `/app/data/${SQLITE_FILE_NAME}` } });
  });

  it("ships the native SQLite module built in its own stage, without the toolchain", () => {
    expect(dockerfile).toMatch(/FROM node:20-slim AS deps\n[\s\S]*RUN npm ci --omit=dev/);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(runtime).toContain("COPY --from=deps /app/node_modules ./node_modules");
    expect(runtime).not.toMatch(/g\+\+|npm ci/);
  });
});

describe("the data folder", () => {
  it("is ignored by git, so the SQLite file is never committed", () => {
    const ignored = execFileSync("git", ["check-ignore", "--no-index", `data/${SQLITE_FILE_NAME}`, `data/${SQLITE_FILE_NAME}-wal`], { encoding: "utf8" });
    expect(ignored.trim().split("\n")).toEqual([`data/${SQLITE_FILE_NAME}`, `data/${SQLITE_FILE_NAME}-wal`]);
  });
});
