import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStoreConfig } from "../../src/store/storeConfig.js";
import { createOutageLog } from "../../src/store/outageLog.js";
import { capturingLogger } from "../support/logLines.js";

describe("readStoreConfig", () => {
  it("chooses SQLite in DATA_DIR by default and Redis when REDIS_URL is set", () => {
    expect(readStoreConfig({})).toEqual({ ok: true, config: { backend: "sqlite", dataDir: "data", file: join("data", "ground-truth.sqlite") } });
    expect(readStoreConfig({ DATA_DIR: " state ", REDIS_URL: "" })).toEqual({ ok: true, config: { backend: "sqlite", dataDir: "state", file: join("state", "ground-truth.sqlite") } });
    expect(readStoreConfig({ REDIS_URL: "redis://cache:6379" })).toEqual({ ok: true, config: { backend: "redis", url: "redis://cache:6379" } });
    expect(readStoreConfig({ REDIS_URL: "rediss://:pw@cache:6380/2" })).toMatchObject({ ok: true, config: { backend: "redis" } });
  });

  it("lets STORE override the choice", () => {
    expect(readStoreConfig({ STORE: "memory", REDIS_URL: "redis://cache:6379" })).toEqual({ ok: true, config: { backend: "memory" } });
    expect(readStoreConfig({ STORE: "SQLite", REDIS_URL: "redis://cache:6379" })).toMatchObject({ ok: true, config: { backend: "sqlite" } });
  });

  it("reports each problem in one line, never repeating REDIS_URL", () => {
    const secret = "http://admin:hunter2@cache:6379";
    const result = readStoreConfig({ STORE: "postgres", REDIS_URL: secret });
    expect(result).toEqual({
      ok: false,
      problems: [
        'STORE must be memory, sqlite or redis (got "postgres"), or be left empty to choose by REDIS_URL.',
        "REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0 (the value is not repeated here: it may hold a password).",
      ],
    });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(readStoreConfig({ STORE: "redis" })).toEqual({ ok: false, problems: ["STORE=redis needs REDIS_URL (redis://host:6379)."] });
    expect(readStoreConfig({ REDIS_URL: "cache:6379" })).toMatchObject({ ok: false });
  });
});

describe("the outage log", () => {
  it("writes a line when an outage starts, at most one a minute while it lasts, and one when it ends", () => {
    let now = 0;
    const { logger, lines } = capturingLogger();
    const outage = createOutageLog({ logger, subject: "Redis at redis://cache:6379/0", meanwhile: "limits per instance", now: () => now });
    outage.failed(new Error("connect ECONNREFUSED"));
    for (now = 1_000; now < 60_000; now += 1_000) outage.failed(new Error("connect ECONNREFUSED"));
    expect(lines().map((line) => line.msg)).toEqual(["Redis at redis://cache:6379/0 is unavailable (connect ECONNREFUSED): limits per instance"]);
    now = 60_000;
    outage.failed(new Error("connect ETIMEDOUT"));
    expect(lines().at(-1)).toMatchObject({
      level: 50,
      failures: 60,
      downForSeconds: 60,
      msg: "Redis at redis://cache:6379/0 is still unavailable (connect ETIMEDOUT; 60 failed operations since the last line): limits per instance",
    });
    expect(outage).toMatchObject({ down: true, reason: "connect ETIMEDOUT" });
    now = 90_000;
    outage.recovered();
    outage.recovered();
    expect(lines().slice(2).map((line) => line.msg)).toEqual(["Redis at redis://cache:6379/0 is available again after 90 s"]);
    expect(outage).toMatchObject({ down: false, reason: undefined });
    // The next outage is reported at once.
    outage.failed(new Error("READONLY"));
    expect(lines()).toHaveLength(4);
  });
});
