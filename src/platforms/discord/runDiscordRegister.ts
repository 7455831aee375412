import type { REST } from "@discordjs/rest";
import { createCommandRegistry } from "../../commands/index.js";
import { checkKnowledgeFolder } from "../../config/checkKnowledgeFolder.js";
import { readDiscordVariables } from "../../config/loadConfig.js";
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
  // The same checks as npm start: a "Bot " prefix or a mistyped id is named here, not refused by Discord later.
  const { discord, problems } = readDiscordVariables(env);
  const { applicationId, token, guildId } = discord ?? {};
  if (!dryRun) {
    const missing = ["DISCORD_APPLICATION_ID", "DISCORD_TOKEN"].filter((name) => !env[name]?.trim());
    if (missing.length > 0) {
      io.stderr(`discord:register: set ${missing.join(" and ")} (or use --dry-run to print the commands without sending them)\n`);
      return 1;
    }
    if (problems.length > 0) {
      for (const problem of problems) io.stderr(`discord:register: ${problem}\n`);
      return 1;
    }
  }

  const directory = env.KNOWLEDGE_DIR?.trim() || "knowledge";
  const folderProblem = await checkKnowledgeFolder(directory, env.KNOWLEDGE_DIR?.trim() ? "KNOWLEDGE_DIR" : undefined);
  if (folderProblem) {
    io.stderr(`discord:register: ${folderProblem}\n`);
    return 1;
  }
  const knowledge = await loadKnowledge(directory);
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
    io.stderr(`discord:register: ${describeFailure(error)}\n`);
    return 1;
  }
}

/**
 * Discord's refusal (an API error carries its status and Discord's message, never the token) and what to check
 * for it; or, when Discord was never reached (DNS, network, proxy), that, rather than a refusal that was not.
 */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") {
    const check =
      status === 401 ? " Check DISCORD_TOKEN (the bot token from the Bot page)." :
      status === 403 ? " Check that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope." :
      status === 404 ? " Check DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID)." : "";
    return `Discord refused the commands (${message}).${check}`;
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  const reason = cause instanceof Error ? cause.message : message;
  return `could not reach Discord (${reason}); nothing was registered. Check this machine's network and proxy settings.`;
}
