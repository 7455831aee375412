import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { FIND_IN_DOCUMENT, type CommandDefinition, type CommandOption, type OptionKind } from "../../commands/index.js";

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
const OPTIONS_MAX = 25;
const GLOBAL_COMMANDS_MAX = 100;

const OPTION_TYPES: Record<OptionKind, ApplicationCommandOptionType.String | ApplicationCommandOptionType.User | ApplicationCommandOptionType.Integer> = {
  text: ApplicationCommandOptionType.String,
  user: ApplicationCommandOptionType.User,
  // Discord has no option for several users: they are typed as text, mentions and all.
  people: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Integer,
};

/**
 * Every command works wherever the app is: installed to a server (0) or by a person to their account (1), and
 * used in a server (0), in a DM with the bot (1) or in a group DM or another DM (2). Interactions then say
 * where they come from; the answers are the same.
 */
export const INSTALLABLE_ANYWHERE = { integration_types: [0, 1], contexts: [0, 1, 2] };

/**
 * The registry's commands as Discord application commands, plus the "Find in document" message command: the
 * body of one bulk overwrite. A definition Discord would refuse throws here, naming the command, rather than
 * failing the whole upload later.
 */
/** Manage Server (MANAGE_GUILD, 1 << 5): who may use admin-only commands, as a permission bit set string. */
export const ADMIN_PERMISSIONS = String(1n << 5n);

export function buildDiscordCommands(commands: readonly CommandDefinition[]): RESTPutAPIApplicationCommandsJSONBody {
  if (commands.length >= GLOBAL_COMMANDS_MAX) throw new Error(`Discord allows ${GLOBAL_COMMANDS_MAX} slash commands; there are ${commands.length + 1}.`);
  const slashCommands = commands.map((command) => {
    checkName(command.name, `/${command.name}`);
    if (command.options.length > OPTIONS_MAX) throw new Error(`/${command.name} has ${command.options.length} options; Discord allows ${OPTIONS_MAX}.`);
    // Discord refuses a required option after an optional one.
    const ordered = [...command.options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
    return {
      type: ApplicationCommandType.ChatInput,
      name: command.name,
      description: fitDescription(command.description, command.name),
      options: ordered.map((option) => toOption(command.name, option)),
      ...INSTALLABLE_ANYWHERE,
      // Hidden from members without Manage Server, and only in servers; handleInteraction checks the permission again on every use.
      ...(command.adminOnly ? { default_member_permissions: ADMIN_PERMISSIONS, integration_types: [0], contexts: [0] } : {}),
    };
  });
  return [...slashCommands, { type: ApplicationCommandType.Message, name: FIND_IN_DOCUMENT, ...INSTALLABLE_ANYWHERE }];
}

function toOption(command: string, option: CommandOption): APIApplicationCommandBasicOption {
  checkName(option.name, `/${command} option ${option.name}`);
  const base = { name: option.name, description: fitDescription(option.description, option.name), required: Boolean(option.required) };
  const type = OPTION_TYPES[option.kind];
  // Autocomplete exists only for string, integer and number options.
  if (type === ApplicationCommandOptionType.User) return { ...base, type };
  const range =
    type === ApplicationCommandOptionType.Integer
      ? { ...(option.min !== undefined ? { min_value: option.min } : {}), ...(option.max !== undefined ? { max_value: option.max } : {}) }
      : {};
  // The union of option shapes does not narrow on a computed `type`; string and integer options take the same fields.
  return { ...base, type, ...range, ...(option.autocomplete ? { autocomplete: true } : {}) } as APIApplicationCommandBasicOption;
}

function checkName(name: string, what: string): void {
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    throw new Error(`${what}: Discord names are 1-32 lower-case letters, digits, - or _.`);
  }
}

function fitDescription(description: string, fallback: string): string {
  const text = description.trim() || fallback;
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1).trimEnd()}…`;
}
