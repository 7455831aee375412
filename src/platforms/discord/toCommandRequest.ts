import type {
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIChatInputApplicationCommandInteraction,
  APIApplicationCommandAutocompleteInteraction,
} from "discord-api-types/v10";
import type { CommandRequest, CommandUser, PlatformTraits } from "../../commands/index.js";
import { discordTraits } from "./traits.js";

const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

/**
 * Who clicked or typed: `member.user` in a server, `user` in a DM. An admin is a member whose permissions in
 * this interaction (computed by Discord for this channel, and covered by the request's signature) include
 * Manage Server or Administrator: checked here on every use, not trusted to the command's visibility.
 */
export function interactionUser(interaction: APIInteraction): CommandUser {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) return { id: "unknown" };
  const admin = hasAdminPermission(interaction.member?.permissions);
  return { id: user.id, name: user.global_name ?? user.username, isAdmin: async () => admin };
}

function hasAdminPermission(permissions: string | undefined): boolean {
  if (!permissions || !/^\d{1,30}$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & MANAGE_GUILD) !== 0n || (bits & ADMINISTRATOR) !== 0n;
}

/** Where it was asked: `discord:<server>:<channel>`, or `discord:dm:<channel>` outside a server. */
export function interactionChannel(interaction: APIInteraction): string | undefined {
  const channel = interaction.channel?.id ?? (interaction as { channel_id?: string }).channel_id;
  return channel ? `discord:${interaction.guild_id ?? "dm"}:${channel}` : undefined;
}

/**
 * A slash command as a neutral request. Discord has already typed the options, so they go in `args` (a user
 * option's value is the user's id, which is what `for:` expects); subcommand groups, which no command uses
 * yet, are flattened.
 */
export function toCommandRequest(
  interaction: APIChatInputApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction,
  platform: PlatformTraits = discordTraits,
): CommandRequest {
  const args: Record<string, string> = {};
  for (const option of flattenOptions(interaction.data.options ?? [])) {
    if ("value" in option && option.value !== undefined) args[option.name] = String(option.value);
  }
  const channel = interactionChannel(interaction);
  return { command: interaction.data.name, args, user: interactionUser(interaction), platform, ...(channel ? { channel } : {}) };
}

export function flattenOptions(
  options: readonly APIApplicationCommandInteractionDataOption[],
): APIApplicationCommandInteractionDataOption[] {
  return options.flatMap((option) =>
    "options" in option && option.options ? flattenOptions(option.options) : [option],
  );
}
