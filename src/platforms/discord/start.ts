import { answersMentionsIn } from "../../app/usage/applyChannelSettings.js";
import { Conversation } from "../../conversation/index.js";
import type { PlatformContext, RunningPlatform } from "../types.js";
import type { DiscordSettings } from "./config.js";
import { storeReplayGuard } from "../../http/replayGuard.js";
import { createStoreButtonKeys } from "./buttonKeys.js";
import { createDiscordReminderPoster, createTimerKeeper } from "./keepTimers.js";
import { createDiscordClient } from "./createDiscordClient.js";
import { createDiscordInteractionsHandler, DISCORD_INTERACTIONS_PATH } from "./createDiscordInteractionsHandler.js";

/** A gateway login that has not finished by then is given up and tried again. */
export const DISCORD_LOGIN_TIMEOUT_MS = 20_000;

/** Starts the gateway and/or HTTP interactions, as the settings ask. */
export async function startDiscord(settings: DiscordSettings, context: PlatformContext): Promise<RunningPlatform> {
  const { registry, logger, state, reminders } = context;
  // Long button values behind short keys in the shared store: a button made here works on every instance.
  const buttonKeys = createStoreButtonKeys(state.keyValues);
  // One for both modes: a mention is answered over the gateway, its Stop button may be clicked over HTTP.
  // Mentions and thread follow-ups are answered only where /settings leaves them on.
  const conversation = new Conversation({
    registry,
    state,
    answersIn: ({ platform, channel }) => answersMentionsIn(state.channelSettings, `${platform}:${channel}`),
  });
  const apiBase = settings.apiUrl ? `${settings.apiUrl}/v10` : undefined;
  const token = settings.token;
  // With the bot token, timers' reminders are kept in the store and posted over REST by whichever instance is up.
  const timers = token ? createTimerKeeper(reminders, logger.child({ adapter: "discord" })) : undefined;
  if (token) reminders.deliverWith("discord", createDiscordReminderPoster(token, logger.child({ adapter: "discord", component: "reminders" }), apiBase ? { apiBase } : {}));
  const interactions = settings.publicKey
    ? createDiscordInteractionsHandler({
        publicKey: settings.publicKey,
        registry,
        conversation,
        logger: logger.child({ adapter: "discord-http" }),
        ...(apiBase ? { apiBase } : {}),
        // Answered interaction ids in the shared store: a replay refused by one instance is refused by all.
        replays: storeReplayGuard(state, "discord:interaction:"),
        buttonKeys,
        timers,
      })
    : undefined;
  if (token) {
    context.keepConnected("discord-gateway", async () => {
      const gateway = createDiscordClient({
        registry,
        logger: logger.child({ adapter: "discord-gateway" }),
        buttonKeys,
        timers,
        conversation,
        messageContent: settings.messageContent,
        apiUrl: settings.apiUrl,
      });
      try {
        await withTimeout(gateway.client.login(token), context.connectTimeoutMs ?? DISCORD_LOGIN_TIMEOUT_MS);
      } catch (error) {
        await gateway.destroy().catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Discord gateway login failed (${reason}). Check DISCORD_TOKEN and that this machine can reach discord.com.`);
      }
      return { stop: () => gateway.destroy().catch(() => undefined) };
    });
  }
  return {
    routes: interactions ? [{ path: DISCORD_INTERACTIONS_PATH, handler: interactions }] : [],
    stop: async () => interactions?.close(),
  };
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
