import type { REST } from "@discordjs/rest";
import { createCommandRegistry } from "../../commands/index.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { buildDiscordCommands } from "./buildDiscordCommands.js";
import { registerDiscordCommands } from "./registerDiscordCommands.js";

export interface RegisterIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `npm run discord:register [-- --dry-run]`. The commands come from the knowledge as loaded, since documents
 * bring topic commands of their own. With --dry-run stdout is exactly the JSON array, nothing is sent and no
 * variables are needed. Returns the exit code; never prints the token.
 */
export async function runDiscordRegister(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: RegisterIo,
  options: { rest?: REST } = {},
): Promise<number> {
  const unknown = argv.filter((arg) => arg !== "--dry-run");
  if (unknown.length > 0) {
    io.stderr(`discord:register: unknown argument ${unknown[0]} (only --dry-run is accepted)\n`);
    return 2;
  }
  const dryRun = argv.includes("--dry-run");
  const read = (name: string) => env[name]?.trim() || undefined;
  const applicationId = read("DISCORD_APPLICATION_ID");
  const token = read("DISCORD_TOKEN");
  const guildId = read("DISCORD_GUILD_ID");
  if (!dryRun) {
    const missing = [["DISCORD_APPLICATION_ID", applicationId], ["DISCORD_TOKEN", token]].filter(([, value]) => !value).map(([name]) => name);
    if (missing.length > 0) {
      io.stderr(`discord:register: set ${missing.join(" and ")} (or use --dry-run to print the commands without sending them)\n`);
      return 1;
    }
  }

  const knowledge = await loadKnowledge(read("KNOWLEDGE_DIR") ?? "knowledge");
  for (const error of knowledge.errors) io.stderr(`knowledge: ${error.file}: ${error.message}\n`);
  const commands = buildDiscordCommands(createCommandRegistry(() => knowledge).list());
  if (dryRun) {
    io.stdout(`${JSON.stringify(commands, null, 2)}\n`);
    return 0;
  }
  try {
    const registered = await registerDiscordCommands({ applicationId: applicationId!, guildId, token: token!, commands, rest: options.rest });
    const where = guildId ? `to server ${guildId} (available now)` : "globally (they can take a while to appear everywhere)";
    io.stdout(`Registered ${registered.length} commands ${where}.\n`);
    return 0;
  } catch (error) {
    // discord.js API errors carry status and Discord's message, never the token.
    io.stderr(`discord:register: Discord refused the commands: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
