import { createCommandRegistry } from "../../commands/index.js";
import { checkKnowledgeFolder } from "../../config/checkKnowledgeFolder.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { buildSlackManifest } from "./buildSlackManifest.js";


export interface ManifestIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = "usage: npm run --silent slack:manifest [-- --url https://your-host] [--knowledge DIR]";

/**
 * `npm run --silent slack:manifest [-- --url https://bot.example.org] [--knowledge DIR]`: the app manifest for
 * every command, on stdout and nothing else. The commands come from the knowledge as loaded, since documents
 * bring topic commands of their own. Returns the exit code: 2 for arguments it does not take, rather than a
 * manifest that silently ignores them.
 */
export async function runSlackManifest(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: ManifestIo): Promise<number> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag !== "--url" && flag !== "--knowledge") {
      io.stderr(`slack:manifest: unknown argument ${arg.slice(0, 80)}\n${USAGE}\n`);
      return 2;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) {
      io.stderr(`slack:manifest: ${flag} needs a value\n${USAGE}\n`);
      return 2;
    }
    flags.set(flag, value);
  }
  const publicUrl = flags.get("--url");
  if (publicUrl !== undefined && !/^https:\/\/[^\s/]+/.test(publicUrl)) {
    io.stderr("slack:manifest: --url takes the bot's public https address, e.g. --url https://bot.example.org\n");
    return 2;
  }
  const directory = flags.get("--knowledge") ?? (env.KNOWLEDGE_DIR?.trim() || "knowledge");
  const problem = await checkKnowledgeFolder(directory, flags.has("--knowledge") ? "--knowledge" : env.KNOWLEDGE_DIR?.trim() ? "KNOWLEDGE_DIR" : undefined);
  if (problem) {
    io.stderr(`slack:manifest: ${problem}\n`);
    return 1;
  }
  const knowledge = await loadKnowledge(directory);
  for (const error of knowledge.errors) io.stderr(`knowledge: ${error.file}: ${error.message}\n`);
  const manifest = buildSlackManifest(createCommandRegistry(() => knowledge).list(), { publicUrl });
  io.stdout(`${JSON.stringify(manifest, null, 2)}\n`);
  return 0;
}
