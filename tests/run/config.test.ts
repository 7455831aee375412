import { describe, expect, it } from "vitest";
import { loadConfig, settingsOf, type Environment } from "../../src/config/loadConfig.js";

const SLACK_BOT = "xoxb-1111-2222-fakebottokenvalue";
const SLACK_APP = "xapp-1-A111-2222-fakeapptokenvalue";
const SLACK_SECRET = "0123456789abcdef0123456789abcdef";
const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GfakeX.fake-discord-token-value_123";
const DISCORD_KEY = "a".repeat(64);
const DISCORD_APP = "123456789012345678";

function problemsOf(env: Environment): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error("expected configuration problems");
  return result.problems;
}

function configOf(env: Environment) {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

describe("loadConfig", () => {
  it("keeps state in SQLite under data/ by default, in Redis when REDIS_URL is set, and names a bad STORE", () => {
    expect(configOf({}).state).toEqual({ backend: "sqlite", dataDir: "data", file: "data/ground-truth.sqlite" });
    expect(configOf({ DATA_DIR: "/var/lib/gt" }).state).toMatchObject({ backend: "sqlite", file: "/var/lib/gt/ground-truth.sqlite" });
    expect(configOf({ REDIS_URL: "redis://cache:6379" }).state).toEqual({ backend: "redis", url: "redis://cache:6379" });
    expect(configOf({ STORE: "memory", REDIS_URL: "redis://cache:6379" }).state).toEqual({ backend: "memory" });
    expect(problemsOf({ STORE: "postgres" }).join("\n")).toMatch(/STORE must be memory, sqlite or redis/);
    const secret = problemsOf({ REDIS_URL: "http://user:hunter2@cache" }).join("\n");
    expect(secret).toMatch(/REDIS_URL must look like/);
    expect(secret).not.toContain("hunter2");
  });

  it("defaults to the console, port 3000, knowledge/ and 10 commands per 10 seconds", () => {
    const config = configOf({});
    expect(config.adapters).toEqual(["console"]);
    expect(config.port).toBe(3000);
    expect(config.host).toBe("0.0.0.0");
    expect(config.knowledge).toEqual({ directory: "knowledge" });
    expect(config.rateLimit).toEqual({ limit: 10, windowMs: 10_000 });
    expect(config.logLevel).toBeUndefined();
  });

  it("says a value kept in quotes (Docker's --env-file keeps them) is quoted, without echoing it", () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: `"${SLACK_BOT}"`, SLACK_APP_TOKEN: `'${SLACK_APP}'` });
    expect(problems).toEqual([
      "SLACK_BOT_TOKEN is wrapped in quotes: remove them (Docker's --env-file keeps quotes as part of the value).",
      "SLACK_APP_TOKEN is wrapped in quotes: remove them (Docker's --env-file keeps quotes as part of the value).",
    ]);
    expect(problems.join("\n")).not.toContain("fakebottokenvalue");
  });

  it("binds HOST when given, and refuses one that is not an address or a host name", () => {
    expect(configOf({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
    expect(configOf({ HOST: "::1" }).host).toBe("::1");
    expect(configOf({ HOST: "localhost" }).host).toBe("localhost");
    expect(problemsOf({ HOST: "127.0.0.1:3000" })).toEqual([expect.stringMatching(/^HOST must be an IP address/)]);
  });

  it("treats empty values as unset, as a copied .env.example leaves them", () => {
    expect(configOf({ SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "  ", PORT: "" }).adapters).toEqual(["console"]);
  });

  it("selects every adapter whose variables are present", () => {
    expect(configOf({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP }).adapters).toEqual(["slack-socket"]);
    const http = configOf({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SLACK_SECRET });
    expect(http.adapters).toEqual(["slack-http"]);
    expect(configOf({ DISCORD_TOKEN: DISCORD_TOKEN }).adapters).toEqual(["discord-gateway"]);
    expect(configOf({ DISCORD_PUBLIC_KEY: DISCORD_KEY }).adapters).toEqual(["discord-http"]);
    const all = configOf({
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      DISCORD_TOKEN: DISCORD_TOKEN,
      DISCORD_PUBLIC_KEY: DISCORD_KEY,
      DISCORD_APPLICATION_ID: DISCORD_APP,
      DISCORD_GUILD_ID: "987654321098765432",
    });
    expect(all.adapters).toEqual(["slack-socket", "discord-gateway", "discord-http"]);
    expect(settingsOf(all, "discord")).toMatchObject({ applicationId: DISCORD_APP, guildId: "987654321098765432" });
  });

  it("reads PORT, KNOWLEDGE_DIR, LOG_LEVEL and RATE_LIMIT forms", () => {
    const config = configOf({ PORT: "8080", KNOWLEDGE_DIR: "/data/docs", LOG_LEVEL: "DEBUG", RATE_LIMIT: "20/1m" });
    expect(config).toMatchObject({ port: 8080, knowledge: { directory: "/data/docs", setBy: "KNOWLEDGE_DIR" }, logLevel: "debug", rateLimit: { limit: 20, windowMs: 60_000 } });
    expect(configOf({ RATE_LIMIT: "0" }).rateLimit).toBeNull();
    expect(configOf({ RATE_LIMIT: "off" }).rateLimit).toBeNull();
    expect(configOf({ RATE_LIMIT: "5/s" }).rateLimit).toEqual({ limit: 5, windowMs: 1000 });
    // The limiter keeps a timestamp per allowed command, so a huge limit would cost memory in proportion.
    expect(configOf({ RATE_LIMIT: "100/h" }).rateLimit).toEqual({ limit: 100, windowMs: 3_600_000 });
    expect(problemsOf({ RATE_LIMIT: "999999/s" })).toEqual([expect.stringMatching(/^RATE_LIMIT must look like .*at most 100 commands/)]);
  });

  it("reads REPLY_CACHE_SIZE, with a default and 0 for none, and refuses anything else", () => {
    expect(configOf({}).replyCacheSize).toBe(1000);
    expect(configOf({ REPLY_CACHE_SIZE: "250" }).replyCacheSize).toBe(250);
    expect(configOf({ REPLY_CACHE_SIZE: "0" }).replyCacheSize).toBe(0);
    expect(configOf({ REPLY_CACHE_SIZE: "100000" }).replyCacheSize).toBe(100_000);
    for (const bad of ["-1", "lots", "1e3", "100001", "9999999"]) {
      const result = loadConfig({ REPLY_CACHE_SIZE: bad });
      expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^REPLY_CACHE_SIZE must be a whole number/)]);
    }
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxp-123-user-token", SLACK_APP_TOKEN: SLACK_APP }, "SLACK_BOT_TOKEN", /xoxb-.*user token/],
    [{ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: "xoxb-not-an-app-token" }, "SLACK_APP_TOKEN", /xapp-/],
    [{ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: "not a secret!" }, "SLACK_SIGNING_SECRET", /hexadecimal/],
    [{ SLACK_BOT_TOKEN: SLACK_BOT }, "SLACK_BOT_TOKEN", /neither SLACK_APP_TOKEN .* nor SLACK_SIGNING_SECRET/],
    [{ SLACK_APP_TOKEN: SLACK_APP }, "SLACK_BOT_TOKEN", /missing/],
    [{ DISCORD_TOKEN: "Bot abc.def.ghi" }, "DISCORD_TOKEN", /remove the "Bot " prefix/],
    [{ DISCORD_TOKEN: "just-some-words" }, "DISCORD_TOKEN", /does not look like a bot token/],
    [{ DISCORD_PUBLIC_KEY: "abc123", DISCORD_APPLICATION_ID: DISCORD_APP }, "DISCORD_PUBLIC_KEY", /64 hexadecimal characters \(got 6 characters\)/],
    [{ DISCORD_PUBLIC_KEY: "z".repeat(64), DISCORD_APPLICATION_ID: DISCORD_APP }, "DISCORD_PUBLIC_KEY", /not all hexadecimal/],
    [{ DISCORD_TOKEN: DISCORD_TOKEN, DISCORD_APPLICATION_ID: "my-app" }, "DISCORD_APPLICATION_ID", /17-20 digits/],
    [{ DISCORD_TOKEN: DISCORD_TOKEN, DISCORD_GUILD_ID: "12" }, "DISCORD_GUILD_ID", /17-20 digits/],
    [{ DISCORD_GUILD_ID: "987654321098765432" }, "DISCORD_TOKEN or DISCORD_PUBLIC_KEY", /is needed/],
    [{ PORT: "http" }, "PORT", /0 to 65535/],
    [{ PORT: "70000" }, "PORT", /0 to 65535/],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", /one of fatal, error/],
    [{ RATE_LIMIT: "ten per second" }, "RATE_LIMIT", /10\/10s/],
  ] as Array<[Environment, string, RegExp]>)("%o is one line naming %s", (env, variable, wording) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    const [line] = problems;
    expect(line!.startsWith(variable)).toBe(true);
    expect(line).toMatch(wording);
    expect(line).not.toContain("\n");
    expect(line).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it("reports every problem at once and never repeats a secret's value", () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxp-secret-user-token-value",
      SLACK_APP_TOKEN: "badapp-secret-value",
      SLACK_SIGNING_SECRET: "secret signing value",
      DISCORD_TOKEN: "Bot secret.discord.token",
      DISCORD_PUBLIC_KEY: "secretpublickeyvalue",
    };
    const problems = problemsOf(secrets);
    expect(problems.map((line) => line.split(" ")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_APP_TOKEN",
      "SLACK_SIGNING_SECRET",
      "DISCORD_TOKEN",
      "DISCORD_PUBLIC_KEY",
    ]);
    const text = problems.join("\n");
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    expect(text).not.toContain("secret");
  });
});
