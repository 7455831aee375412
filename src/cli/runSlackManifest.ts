import type { Environment } from "../config/environment.js";
import { knowledgeFolderOf } from "../config/knowledgeFolder.js";
import { buildSlackManifest } from "../platforms/slack/buildSlackManifest.js";
import { parseArguments, stringFlag, UsageError } from "./cliArguments.js";
import { commandsOfFolder } from "./commandsOfFolder.js";
import type { ScriptIo } from "./runScript.js";

const USAGE = "usage: npm run --silent slack:manifest [-- --url https://your-host] [--knowledge DIR]";

/**
 * `npm run --silent slack:manifest [-- --url https://bot.example.org] [--knowledge DIR]`: the app manifest for
 * every command, on stdout and nothing else. Returns the exit code: 2 for arguments it does not take, rather
 * than a manifest that silently ignores them.
 */
export async function runSlackManifest(argv: readonly string[], env: Environment, io: ScriptIo): Promise<number> {
  let flags;
  try {
    ({ flags } = parseArguments(argv, { url: "value", knowledge: "value" }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`slack:manifest: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const publicUrl = stringFlag(flags, "url");
  if (publicUrl !== undefined && !/^https:\/\/[^\s/]+/.test(publicUrl)) {
    io.stderr("slack:manifest: --url takes the bot's public https address, e.g. --url https://bot.example.org\n");
    return 2;
  }
  const commands = await commandsOfFolder(knowledgeFolderOf(env, stringFlag(flags, "knowledge")), "slack:manifest", io);
  if (!commands) return 1;
  io.stdout(`${JSON.stringify(buildSlackManifest(commands, { publicUrl }), null, 2)}\n`);
  return 0;
}
