import type { APIInteraction, APIUser } from "discord-api-types/v10";
import type { CommandInteractionOption, Interaction, User } from "discord.js";

/**
 * A discord.js interaction as the API payload it was built from, so the gateway goes through the same
 * `handleInteraction` as the HTTP endpoint. discord.js keeps no copy of the raw payload; this rebuilds the fields
 * the handler reads (type, ids, token, who, command data, the clicked message's flags) and nothing else, hence
 * the cast at the end. Returns null for interactions the bot does not take (modals, select menus).
 */
export function toApiInteraction(interaction: Interaction): APIInteraction | null {
  const who = interaction.inGuild()
    ? { guild_id: interaction.guildId, member: { user: toApiUser(interaction.user) } }
    : { user: toApiUser(interaction.user) };
  const base = {
    id: interaction.id,
    application_id: interaction.applicationId,
    token: interaction.token,
    version: interaction.version,
    channel_id: interaction.channelId ?? undefined,
    // What the bot may do in the channel and where the command was used: the timer's permission check reads them.
    ...(interaction.appPermissions ? { app_permissions: interaction.appPermissions.bitfield.toString() } : {}),
    ...(interaction.context !== null && interaction.context !== undefined ? { context: interaction.context } : {}),
    ...(interaction.channel ? { channel: { id: interaction.channel.id, type: interaction.channel.type } } : {}),
    ...who,
  };
  let payload: object | null = null;
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    payload = {
      ...base,
      type: interaction.type,
      data: { id: interaction.commandId, type: interaction.commandType, name: interaction.commandName, options: interaction.options.data.map(toApiOption) },
    };
  } else if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    payload = {
      ...base,
      type: interaction.type,
      data: {
        id: interaction.commandId,
        type: interaction.commandType,
        name: interaction.commandName,
        target_id: interaction.targetId,
        resolved: { messages: { [interaction.targetId]: { id: target.id, content: target.content, embeds: target.embeds.map((embed) => embed.toJSON()) } } },
      },
    };
  } else if (interaction.isButton()) {
    payload = {
      ...base,
      type: interaction.type,
      data: { component_type: interaction.componentType, custom_id: interaction.customId },
      message: { id: interaction.message.id, flags: interaction.message.flags.bitfield },
    };
  }
  return payload as APIInteraction | null;
}

function toApiUser(user: User): APIUser {
  return { id: user.id, username: user.username, global_name: user.globalName, discriminator: user.discriminator, avatar: user.avatar };
}

function toApiOption(option: CommandInteractionOption): object {
  return {
    name: option.name,
    type: option.type,
    ...(option.value !== undefined ? { value: option.value } : {}),
    ...(option.focused ? { focused: true } : {}),
    ...(option.options ? { options: option.options.map(toApiOption) } : {}),
  };
}
