import { REST } from "@discordjs/rest";
import { Routes, type RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";

export interface DiscordRegistration {
  applicationId: string;
  /** One server: updates appear at once. Without it, commands are global and may take a while to appear. */
  guildId?: string;
  token: string;
  commands: RESTPutAPIApplicationCommandsJSONBody;
  /** Tests pass a REST whose agent is mocked. */
  rest?: REST;
  /** DISCORD_API_URL: Discord's REST base through a proxy (`https://discord.com/api` when unset). */
  apiUrl?: string;
}

/** One bulk overwrite: commands missing from the body are deleted, so the registry is the whole truth. */
export async function registerDiscordCommands(registration: DiscordRegistration): Promise<unknown[]> {
  const rest = (registration.rest ?? new REST({ version: "10", ...(registration.apiUrl ? { api: registration.apiUrl } : {}) })).setToken(registration.token);
  const route = registration.guildId
    ? Routes.applicationGuildCommands(registration.applicationId, registration.guildId)
    : Routes.applicationCommands(registration.applicationId);
  return (await rest.put(route, { body: registration.commands })) as unknown[];
}
