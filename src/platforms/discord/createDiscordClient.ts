import { Client, Events, GatewayIntentBits, Options } from "discord.js";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { createMemoryButtonKeys, type ButtonKeyStore } from "./buttonKeys.js";
import type { KeepTimers } from "./keepTimers.js";
import { respondThroughDiscordJs } from "./respondThroughDiscordJs.js";
import { createFollowUpScheduler, type FollowUpScheduler } from "./scheduleFollowUps.js";

export interface DiscordClientOptions {
  registry: CommandRegistry;
  logger: Logger;
  deferAfterMs?: number;
  /** Short keys for long button values (default: kept in this process's memory). */
  buttonKeys?: ButtonKeyStore;
  /** Keeps a timer's reminders in the store (default: follow-ups on the interaction, in this process). */
  timers?: KeepTimers;
}

export interface DiscordGatewayClient {
  client: Client;
  followUps: FollowUpScheduler;
  /** Cancels pending follow-ups and disconnects. */
  destroy(): Promise<void>;
}

/**
 * Interactions reach a bot whatever its intents, so it asks only for Guilds (which keeps guild, channel and role
 * caches correct) and keeps no messages, members, presences or reactions: memory stays flat however many servers
 * it is in.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds] as const;

export function createDiscordClient(options: DiscordClientOptions): DiscordGatewayClient {
  const { logger } = options;
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // Guild, channel and role managers are never limited: discord.js relies on them for permissions and routing.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      DMMessageManager: 0,
      GuildMessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user?.id },
    },
    allowedMentions: { parse: [] },
  });
  const followUps = createFollowUpScheduler(logger);
  const buttonKeys = options.buttonKeys ?? createMemoryButtonKeys();

  client.on(Events.InteractionCreate, (interaction) => {
    respondThroughDiscordJs(interaction, { registry: options.registry, logger, followUps, deferAfterMs: options.deferAfterMs, buttonKeys, timers: options.timers }).catch(
      (error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error), interaction: interaction.id }, "discord interaction failed"),
    );
  });
  client.on(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "discord gateway ready"));
  client.on(Events.Error, (error) => logger.error({ err: error.message }, "discord client error"));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error.message, shardId }, "discord shard error"));

  return {
    client,
    followUps,
    destroy: async () => {
      followUps.cancelAll();
      await client.destroy();
    },
  };
}
