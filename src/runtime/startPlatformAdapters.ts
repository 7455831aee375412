import type { RequestListener } from "node:http";
import { createDiscordClient } from "../adapters/discord/createDiscordClient.js";
import { createDiscordInteractionsHandler } from "../adapters/discord/createDiscordInteractionsHandler.js";
import { createSlackApp, startSlackSocketMode } from "../adapters/slack/index.js";
import type { CommandRegistry } from "../commands/commandRegistry.js";
import type { Config } from "../config/loadConfig.js";
import type { Logger } from "../logger.js";
import type { PlatformHandler } from "../server/createHttpServer.js";

export interface PlatformAdapters {
  /** Handlers for the shared HTTP server, for the HTTP modes that are on. */
  http: { slack?: RequestListener; discord?: PlatformHandler };
  /** Disconnects and cancels pending follow-ups; never throws. */
  stop(): Promise<void>;
}

/**
 * Starts every chat adapter the configuration turns on: Slack over Socket Mode or HTTP, Discord over the
 * gateway and/or HTTP interactions. A connection that cannot be made rejects with one line saying what to
 * check, after whatever did start has been stopped again.
 */
export async function startPlatformAdapters(config: Config, registry: CommandRegistry, logger: Logger): Promise<PlatformAdapters> {
  const stops: Array<{ name: string; stop: () => Promise<unknown> | void }> = [];
  const http: PlatformAdapters["http"] = {};
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

  try {
    const { slack, discord } = config;
    if (slack) {
      const app = createSlackApp({ ...slack, registry, logger: logger.child({ adapter: "slack" }) });
      if (slack.mode === "socket") {
        await startSlackSocketMode(app, logger);
        stops.push({ name: "slack", stop: () => app.app.stop() });
      } else {
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
      const gateway = createDiscordClient({ registry, logger: logger.child({ adapter: "discord-gateway" }) });
      stops.push({ name: "discord-gateway", stop: () => gateway.destroy() });
      try {
        await gateway.client.login(discord.token);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Discord gateway login failed (${reason}). Check DISCORD_TOKEN and that this machine can reach discord.com.`);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { http, stop };
}
