import type { RequestListener } from "node:http";
import { createDiscordClient } from "../platforms/discord/createDiscordClient.js";
import { createDiscordInteractionsHandler } from "../platforms/discord/createDiscordInteractionsHandler.js";
import { createSlackApp, startSlackSocketMode } from "../platforms/slack/index.js";
import type { CommandRegistry } from "../commands/registry/commandRegistry.js";
import type { Config } from "../config/loadConfig.js";
import type { Logger } from "../logger.js";
import type { PlatformHandler } from "../http/createHttpServer.js";
import { ConnectionBoard, keepConnecting, type BackoffOptions, type Connection } from "./keepConnecting.js";

/** A gateway login that has not finished by then is given up and tried again. */
export const DISCORD_LOGIN_TIMEOUT_MS = 20_000;

export interface PlatformAdapters {
  /** Handlers for the shared HTTP server, for the HTTP modes that are on. */
  http: { slack?: RequestListener; discord?: PlatformHandler };
  /** How the adapters that hold a connection (Socket Mode, the gateway) stand, for /healthz. */
  connections: ConnectionBoard;
  /** Disconnects and cancels pending follow-ups and retries; never throws. */
  stop(): Promise<void>;
}

export interface StartAdaptersOptions {
  /** Waits between connection attempts (tests shorten them). */
  backoff?: BackoffOptions;
  discordLoginTimeoutMs?: number;
}

/**
 * Starts every chat adapter the configuration turns on: Slack over Socket Mode or HTTP, Discord over the
 * gateway and/or HTTP interactions. HTTP modes are ready at once. Socket Mode and the gateway connect in the
 * background and keep trying, with backoff, when they cannot: one unreachable platform or wrong token never
 * takes the others down, and `connections` says which one is down and why.
 */
export async function startPlatformAdapters(
  config: Config,
  registry: CommandRegistry,
  logger: Logger,
  options: StartAdaptersOptions = {},
): Promise<PlatformAdapters> {
  const stops: Array<{ name: string; stop: () => Promise<unknown> | void }> = [];
  const http: PlatformAdapters["http"] = {};
  const connections = new ConnectionBoard();
  const stop = async () => {
    await Promise.all(
      stops.map(async ({ name, stop }) => {
        try {
          await stop();
        } catch (error) {
          logger.warn({ err: error, adapter: name }, "adapter did not stop cleanly");
        }
      }),
    );
  };
  const keep = (name: string, connect: () => Promise<Connection>) => {
    const kept = keepConnecting({ name, connect, board: connections, logger: logger.child({ adapter: name }), backoff: options.backoff });
    stops.push({ name, stop: () => kept.stop() });
  };

  const { slack, discord } = config;
  if (slack) {
    if (slack.mode === "socket") {
      // A fresh app for each attempt: a Bolt app whose start failed is not started again.
      keep("slack-socket", async () => {
        const app = createSlackApp({ ...slack, registry, logger: logger.child({ adapter: "slack" }) });
        await startSlackSocketMode(app, logger);
        return { stop: () => app.app.stop().then(() => undefined, () => undefined) };
      });
    } else {
      const app = createSlackApp({ ...slack, registry, logger: logger.child({ adapter: "slack" }) });
      http.slack = app.requestListener;
      // Slash commands answer without the token, so a bad one is reported, not fatal.
      void app.checkToken();
    }
  }
  if (discord?.publicKey) {
    const handler = createDiscordInteractionsHandler({ publicKey: discord.publicKey, registry, logger: logger.child({ adapter: "discord-http" }) });
    http.discord = handler;
    stops.push({ name: "discord-http", stop: () => handler.close() });
  }
  if (discord?.token) {
    const token = discord.token;
    keep("discord-gateway", async () => {
      const gateway = createDiscordClient({ registry, logger: logger.child({ adapter: "discord-gateway" }) });
      try {
        await withTimeout(gateway.client.login(token), options.discordLoginTimeoutMs ?? DISCORD_LOGIN_TIMEOUT_MS);
      } catch (error) {
        await gateway.destroy().catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Discord gateway login failed (${reason}). Check DISCORD_TOKEN and that this machine can reach discord.com.`);
      }
      return { stop: () => gateway.destroy().catch(() => undefined) };
    });
  }
  return { http, connections, stop };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
