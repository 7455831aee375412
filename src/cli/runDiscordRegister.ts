import type { REST } from "@discordjs/rest";
import type { Environment } from "../config/environment.js";
import { knowledgeFolderOf } from "../config/knowledgeFolder.js";
import { buildDiscordCommands } from "../platforms/discord/buildDiscordCommands.js";
import { readDiscordVariables } from "../platforms/discord/config.js";
import { registerDiscordCommands } from "../platforms/discord/registerDiscordCommands.js";
import { parseArguments, UsageError } from "./cliArguments.js";
import { commandsOfFolder } from "./commandsOfFolder.js";
import type { ScriptIo } from "./runScript.js";

/**
 * `npm run discord:register [-- --dry-run]`. With --dry-run stdout is exactly the JSON array, nothing is sent
 * and no variables are needed. Returns the exit code; never prints the token.
 */
export async function runDiscordRegister(argv: readonly string[], env: Environment, io: ScriptIo, options: { rest?: REST } = {}): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArguments(argv, { "dry-run": "switch" }).flags.has("dry-run");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`discord:register: ${error.message} (only --dry-run is accepted)\n`);
    return 2;
  }
  // The same checks as npm start: a "Bot " prefix or a mistyped id is named here, not refused by Discord later.
  const { discord, problems } = readDiscordVariables(env);
  const { applicationId, token, guildId, apiUrl } = discord ?? {};
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

  const definitions = await commandsOfFolder(knowledgeFolderOf(env), "discord:register", io);
  if (!definitions) return 1;
  const commands = buildDiscordCommands(definitions);
  if (dryRun) {
    io.stdout(`${JSON.stringify(commands, null, 2)}\n`);
    return 0;
  }
  // Both were checked above; this says so to the compiler.
  if (!applicationId || !token) return 1;
  try {
    const registered = await registerDiscordCommands({ applicationId, guildId, token, commands, rest: options.rest, apiUrl });
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
