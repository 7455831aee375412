import { ChannelType, Client, Events, GatewayIntentBits, Options, Partials, type Message } from "discord.js";
import type { Conversation } from "../../conversation/index.js";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { createMemoryButtonKeys, type ButtonKeyStore } from "./buttonKeys.js";
import type { KeepTimers } from "./keepTimers.js";
import { answerDiscordMessage } from "./conversation/answerDiscordMessage.js";
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
  /** Answers mentions, direct messages and thread follow-ups; without it the bot hears only interactions. */
  conversation?: Conversation;
  /** The Message Content intent is on: plain messages in a thread the bot answered are followed too. */
  messageContent?: boolean;
  /** Discord's REST base URL (a shared REST proxy); discord.js's own default when unset. */
  apiUrl?: string;
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

/**
 * With conversation: messages in servers and in direct messages. Not the privileged Message Content intent:
 * Discord still gives the bot the words of messages that mention it and of DMs, which is all it answers
 * unless `messageContent` is asked for (plain follow-ups in threads).
 */
export const DISCORD_CONVERSATION_INTENTS = [GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

export function createDiscordClient(options: DiscordClientOptions): DiscordGatewayClient {
  const { logger } = options;
  const intents: GatewayIntentBits[] = [...DISCORD_INTENTS];
  if (options.conversation) intents.push(...DISCORD_CONVERSATION_INTENTS);
  if (options.conversation && options.messageContent) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    // A DM channel is not in any cache until it is used: without this partial, DMs would not arrive.
    ...(options.conversation ? { partials: [Partials.Channel] } : {}),
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
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
    respondThroughDiscordJs(interaction, { registry: options.registry, logger, followUps, deferAfterMs: options.deferAfterMs, buttonKeys, timers: options.timers, conversation: options.conversation }).catch(
      (error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error), interaction: interaction.id }, "discord interaction failed"),
    );
  });
  const conversation = options.conversation;
  if (conversation) {
    client.on(Events.MessageCreate, (message: Message) => {
      const botId = client.user?.id;
      if (!botId || message.author.bot) return;
      const inThread = message.channel.type === ChannelType.PublicThread || message.channel.type === ChannelType.PrivateThread || message.channel.type === ChannelType.AnnouncementThread;
      const raw = {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId ? { guild_id: message.guildId } : {}),
        content: message.content,
        type: message.type,
        mentions: [...message.mentions.users.values()].map((user) => ({ id: user.id })),
        author: { id: message.author.id, bot: message.author.bot, username: message.author.username },
      };
      answerDiscordMessage(raw as Parameters<typeof answerDiscordMessage>[0], { botId, inThread }, { conversation, rest: client.rest, logger, buttonKeys }).catch(
        (error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error), message: message.id }, "discord message failed"),
      );
    });
  }
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
