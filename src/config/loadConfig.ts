import { isIP } from "node:net";
import { DEFAULT_REPLY_CACHE_SIZE } from "../commands/registry/replyCache.js";
import { MAX_RATE_LIMIT, parseRateLimit, type RateLimitSetting } from "../app/parseRateLimit.js";

/** The ways the bot can be reached; every one whose variables are present is started. */
export type AdapterName = "slack-socket" | "slack-http" | "discord-gateway" | "discord-http" | "console";

export interface SlackConfig {
  botToken: string;
  /** Set in HTTP mode (and accepted, unused, in Socket Mode). */
  signingSecret?: string;
  /** Set in Socket Mode. */
  appToken?: string;
  mode: "socket" | "http";
}

export interface DiscordConfig {
  /** The bot token: the gateway connection (and command registration). */
  token?: string;
  /** Only command registration needs it; interactions carry their own application id. */
  applicationId?: string;
  /** Verifies HTTP interactions. */
  publicKey?: string;
  /** Registers commands to one server (instant) instead of globally. */
  guildId?: string;
}

export interface Config {
  knowledgeDir: string;
  port: number;
  /** The address the HTTP server binds: every interface by default (what a container needs), or e.g. 127.0.0.1. */
  host: string;
  /** Unset unless LOG_LEVEL is: the default depends on the mode (quieter in the console). */
  logLevel?: string;
  /** Null when rate limiting is off. */
  rateLimit: RateLimitSetting | null;
  /** Replies kept for repeated commands; 0 keeps none. */
  replyCacheSize: number;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  /** What to start, in order; `["console"]` when no platform is configured. */
  adapters: AdapterName[];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = "0.0.0.0";
const HOST_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i;
export const DEFAULT_RATE_LIMIT = "10/10s";
/** About 1.2 GB of replies at ~12 KB each; the cache reserves its slots up front, so a typo must not. */
const MAX_REPLY_CACHE_SIZE = 100_000;
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Reads and checks the configuration from environment variables. Every problem is one line naming the
 * variable and what is wrong with it; a secret's value is never repeated back, since these lines end up in
 * terminals and deployment logs.
 */
export function loadConfig(env: Environment): ConfigResult {
  const problems: string[] = [];
  const read = readerOf(env, problems);

  const knowledgeDir = read("KNOWLEDGE_DIR") ?? "knowledge";

  let port = DEFAULT_PORT;
  const portText = read("PORT");
  if (portText !== undefined) {
    if (/^\d{1,5}$/.test(portText) && Number(portText) <= 65535) port = Number(portText);
    else problems.push(`PORT must be a whole number from 0 to 65535 (got "${portText}").`);
  }

  const host = read("HOST") ?? DEFAULT_HOST;
  if (!isIP(host) && !HOST_NAME.test(host)) {
    problems.push(`HOST must be an IP address such as 0.0.0.0 or 127.0.0.1, or a host name (got "${host}").`);
  }

  const logLevel = read("LOG_LEVEL")?.toLowerCase();
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${read("LOG_LEVEL")}").`);
  }

  const rateLimitText = read("RATE_LIMIT") ?? DEFAULT_RATE_LIMIT;
  const parsedRateLimit = parseRateLimit(rateLimitText);
  if (parsedRateLimit === undefined) {
    problems.push(`RATE_LIMIT must look like 10/10s or 20/1m (at most ${MAX_RATE_LIMIT} commands per user per window), or 0 to turn it off (got "${rateLimitText}").`);
  }

  const cacheText = read("REPLY_CACHE_SIZE");
  let replyCacheSize = DEFAULT_REPLY_CACHE_SIZE;
  if (cacheText !== undefined) {
    if (/^\d{1,6}$/.test(cacheText) && Number(cacheText) <= MAX_REPLY_CACHE_SIZE) replyCacheSize = Number(cacheText);
    else problems.push(`REPLY_CACHE_SIZE must be a whole number of replies up to ${MAX_REPLY_CACHE_SIZE}, or 0 to keep none (got "${cacheText}").`);
  }

  const slack = readSlack(read, problems);
  const discord = readDiscord(read, problems);

  if (problems.length > 0) return { ok: false, problems };

  const adapters: AdapterName[] = [];
  if (slack) adapters.push(slack.mode === "socket" ? "slack-socket" : "slack-http");
  if (discord?.token) adapters.push("discord-gateway");
  if (discord?.publicKey) adapters.push("discord-http");
  if (adapters.length === 0) adapters.push("console");

  return {
    ok: true,
    config: { knowledgeDir, port, host, logLevel, rateLimit: parsedRateLimit ?? null, replyCacheSize, slack, discord, adapters },
  };
}

type Read = (name: string) => string | undefined;

/**
 * A variable's value, trimmed; undefined when empty. A value wrapped in quotes is one problem line (dotenv
 * strips quotes, but Docker's --env-file and some orchestrators keep them as part of the value), and the
 * value inside is checked as usual.
 */
function readerOf(env: Environment, problems: string[]): Read {
  const quotedNames = new Set<string>();
  return (name) => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
    if (!quoted) return value;
    if (!quotedNames.has(name)) problems.push(`${name} is wrapped in quotes: remove them (Docker's --env-file keeps quotes as part of the value).`);
    quotedNames.add(name);
    return quoted[2]!.trim() || undefined;
  };
}

/**
 * The Discord variables alone, checked exactly as `npm start` checks them (the bare token without `Bot `, ids of
 * 17-20 digits), for tools that need only Discord (`discord:register`).
 */
export function readDiscordVariables(env: Environment): { discord: DiscordConfig | null; problems: string[] } {
  const problems: string[] = [];
  const discord = readDiscord(readerOf(env, problems), problems);
  return { discord, problems };
}

function readSlack(read: Read, problems: string[]): SlackConfig | null {
  const botToken = read("SLACK_BOT_TOKEN");
  const signingSecret = read("SLACK_SIGNING_SECRET");
  const appToken = read("SLACK_APP_TOKEN");
  if (!botToken && !signingSecret && !appToken) return null;

  const before = problems.length;
  if (!botToken) {
    problems.push("SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-…) from OAuth & Permissions.");
  } else if (!botToken.startsWith("xoxb-")) {
    problems.push(`SLACK_BOT_TOKEN must start with "xoxb-" (the Bot User OAuth Token)${describeTokenKind(botToken)}.`);
  }
  if (appToken && !appToken.startsWith("xapp-")) {
    problems.push(`SLACK_APP_TOKEN must start with "xapp-" (an app-level token with connections:write)${describeTokenKind(appToken)}.`);
  }
  if (signingSecret && !/^[0-9a-f]{16,128}$/i.test(signingSecret)) {
    problems.push("SLACK_SIGNING_SECRET must be the hexadecimal Signing Secret from Basic Information (not a token).");
  }
  if (botToken && !appToken && !signingSecret) {
    problems.push("SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is.");
  }
  if (problems.length > before || !botToken) return null;
  return appToken
    ? { botToken, appToken, signingSecret, mode: "socket" }
    : { botToken, signingSecret, mode: "http" };
}

function readDiscord(read: Read, problems: string[]): DiscordConfig | null {
  const token = read("DISCORD_TOKEN");
  const applicationId = read("DISCORD_APPLICATION_ID");
  const publicKey = read("DISCORD_PUBLIC_KEY");
  const guildId = read("DISCORD_GUILD_ID");
  if (!token && !applicationId && !publicKey && !guildId) return null;

  const before = problems.length;
  if (token) {
    if (/^bot\s/i.test(token)) problems.push('DISCORD_TOKEN must be the bare bot token: remove the "Bot " prefix.');
    else if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
      problems.push("DISCORD_TOKEN does not look like a bot token (three dot-separated parts, from the Bot page).");
    }
  }
  if (applicationId && !SNOWFLAKE.test(applicationId)) {
    problems.push(`DISCORD_APPLICATION_ID must be the application's numeric id, 17-20 digits (got "${applicationId}").`);
  }
  if (publicKey && !/^[0-9a-f]{64}$/i.test(publicKey)) {
    problems.push(`DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (got ${publicKey.length} characters${/^[0-9a-f]*$/i.test(publicKey) ? "" : ", not all hexadecimal"}).`);
  }
  if (guildId && !SNOWFLAKE.test(guildId)) {
    problems.push(`DISCORD_GUILD_ID must be a server's numeric id, 17-20 digits (got "${guildId}").`);
  }
  if (!token && !publicKey) {
    problems.push("DISCORD_TOKEN or DISCORD_PUBLIC_KEY is needed to start Discord (gateway or HTTP interactions); the other Discord variables alone start nothing.");
  }
  if (problems.length > before) return null;
  return { token, applicationId, publicKey, guildId };
}

/** Names a well-known token kind from its public prefix, so the fix is obvious without echoing the value. */
function describeTokenKind(value: string): string {
  const kinds: Array<[string, string]> = [
    ["xoxb-", "a bot token"],
    ["xoxp-", "a user token"],
    ["xapp-", "an app-level token"],
    ["xoxe", "a refresh or configuration token"],
  ];
  const kind = kinds.find(([prefix]) => value.startsWith(prefix));
  return kind ? `; this one is ${kind[1]}` : "";
}
