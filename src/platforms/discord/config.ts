import { readApiBaseUrl } from "../../config/apiBaseUrl.js";
import { variableReader, type Environment, type ReadVariable } from "../../config/environment.js";

/** Discord's variables: the bot token (gateway, registration) and/or the public key (HTTP interactions). */
export const DISCORD_VARIABLES = ["DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "DISCORD_PUBLIC_KEY", "DISCORD_GUILD_ID", "DISCORD_API_URL", "DISCORD_MESSAGE_CONTENT"] as const;

const SNOWFLAKE = /^\d{17,20}$/;

export interface DiscordSettings {
  /** The bot token: the gateway connection (and command registration). */
  token?: string;
  /** Only command registration needs it; interactions carry their own application id. */
  applicationId?: string;
  /** Verifies HTTP interactions. */
  publicKey?: string;
  /** Registers commands to one server (instant) instead of globally. */
  guildId?: string;
  /** Discord's REST base (`https://discord.com/api` when unset): a shared REST proxy, or a local stand-in. */
  apiUrl?: string;
  /**
   * The privileged Message Content intent is on (in the Developer Portal too): plain messages in a thread the
   * bot answered are followed. Without it Discord gives the bot only the words of messages addressed to it.
   */
  messageContent?: boolean;
}

/** Discord's settings, or null when none of its variables is set or one is wrong (each problem one line). */
export function readDiscordSettings(read: ReadVariable, problems: string[]): DiscordSettings | null {
  const token = read("DISCORD_TOKEN");
  const applicationId = read("DISCORD_APPLICATION_ID");
  const publicKey = read("DISCORD_PUBLIC_KEY");
  const guildId = read("DISCORD_GUILD_ID");
  if (!token && !applicationId && !publicKey && !guildId) return null;

  const before = problems.length;
  const apiUrl = readApiBaseUrl(read("DISCORD_API_URL"), "DISCORD_API_URL", "https://discord.com/api", problems)?.replace(/\/+$/, "");
  const contentFlag = read("DISCORD_MESSAGE_CONTENT");
  if (contentFlag && !/^(?:true|false|1|0)$/i.test(contentFlag)) problems.push("DISCORD_MESSAGE_CONTENT must be true or false.");
  const messageContent = /^(?:true|1)$/i.test(contentFlag ?? "");
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
  return { token, applicationId, publicKey, guildId, ...(apiUrl ? { apiUrl } : {}), ...(messageContent ? { messageContent } : {}) };
}

/**
 * The Discord variables alone, checked exactly as `npm start` checks them (the bare token without `Bot `, ids of
 * 17-20 digits), for tools that need only Discord (`discord:register`).
 */
export function readDiscordVariables(env: Environment): { discord: DiscordSettings | null; problems: string[] } {
  const problems: string[] = [];
  const discord = readDiscordSettings(variableReader(env, problems), problems);
  return { discord, problems };
}
