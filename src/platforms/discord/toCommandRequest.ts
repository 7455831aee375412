import type {
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIChatInputApplicationCommandInteraction,
  APIApplicationCommandAutocompleteInteraction,
} from "discord-api-types/v10";
import type { CommandRequest, CommandUser, PlatformTraits } from "../../commands/index.js";
import { discordTraits } from "./traits.js";

/** Who clicked or typed: `member.user` in a server, `user` in a DM. */
export function interactionUser(interaction: APIInteraction): CommandUser {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) return { id: "unknown" };
  return { id: user.id, name: user.global_name ?? user.username };
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
  return { command: interaction.data.name, args, user: interactionUser(interaction), platform };
}

export function flattenOptions(
  options: readonly APIApplicationCommandInteractionDataOption[],
): APIApplicationCommandInteractionDataOption[] {
  return options.flatMap((option) =>
    "options" in option && option.options ? flattenOptions(option.options) : [option],
  );
}
