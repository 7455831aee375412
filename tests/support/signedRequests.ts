/**
 * Requests signed as Slack and Discord sign them, written from their documentation rather than from the bot's
 * verifiers, so a mistake there cannot hide itself. Shared by the load benchmark and the reliability tests.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export const SLACK_SIGNING_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
export const SLACK_BOT_TOKEN = "xoxb-000000000000-000000000000-loadtestloadtestloadtest";
export const DISCORD_APPLICATION_ID = "111111111111111111";

export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

let triggers = 0;

/** A slash command as Slack posts it: form-encoded, signed over the raw body. */
export function slackSlashCommand(
  command: string,
  text: string,
  userId: string,
  options: { secret?: string; timestamp?: number } = {},
): SignedRequest {
  const body = new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0001",
    team_domain: "example",
    channel_id: "C0001",
    channel_name: "debate",
    user_id: userId,
    user_name: "dana",
    command: `/${command}`,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/T0001/1/abc",
    // Unique, as Slack's are: the bot refuses a signature it has already answered as a replay.
    trigger_id: `1.2.${++triggers}`,
  }).toString();
  const timestamp = String(options.timestamp ?? nowSeconds());
  return {
    path: "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": slackSignature(options.secret ?? SLACK_SIGNING_SECRET, timestamp, body),
    },
    body,
  };
}

export interface DiscordKeys {
  /** The 32-byte public key as hex, as the Developer Portal shows it. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function createDiscordKeys(): DiscordKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKeyHex: publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex"), privateKey };
}

/** Ed25519 over timestamp + body, as hex. */
export function discordSignature(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
}

let lastInteractionId = 1_200_000_000_000_000_000n;

/** What every interaction Discord sends carries, from a member in a server. */
export function discordInteractionBase(id: string, userId: string) {
  return {
    id,
    application_id: DISCORD_APPLICATION_ID,
    token: "interaction-token",
    version: 1,
    guild_id: "333333333333333333",
    channel_id: "444444444444444444",
    locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_388_608,
    member: {
      user: { id: userId, username: "dana", global_name: "Dana", discriminator: "0", avatar: null },
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: "0",
    },
  };
}

/** A chat-input command interaction with a fresh id (the bot refuses a repeated one). */
export function discordInteraction(command: string, options: Record<string, string>, userId: string): Record<string, unknown> {
  lastInteractionId += 1n;
  return {
    ...discordInteractionBase(String(lastInteractionId), userId),
    type: 2,
    data: {
      id: "555555555555555555",
      type: 1,
      name: command,
      options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })),
    },
  };
}

export function signedDiscordRequest(privateKey: KeyObject, payload: unknown, timestamp = nowSeconds()): SignedRequest {
  const body = JSON.stringify(payload);
  const stamp = String(timestamp);
  return {
    path: "/discord/interactions",
    headers: {
      "content-type": "application/json",
      "x-signature-timestamp": stamp,
      "x-signature-ed25519": discordSignature(privateKey, stamp, body),
    },
    body,
  };
}

/** The environment main.ts reads, for Slack and Discord in HTTP mode with test credentials. */
export function botEnvironment(discordPublicKeyHex: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KNOWLEDGE_DIR: "knowledge",
    PORT: "0",
    SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
    DISCORD_PUBLIC_KEY: discordPublicKeyHex,
    DISCORD_APPLICATION_ID,
    ...extra,
  };
}
