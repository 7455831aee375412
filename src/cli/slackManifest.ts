/**
 * `npm run --silent slack:manifest [-- --url https://bot.example.org] [--knowledge DIR]`: the Slack app
 * manifest for every command, to paste into api.slack.com/apps → Create New App → From a manifest. Socket
 * Mode unless `--url` gives a public address. stdout carries only the JSON.
 */
import { buildSlackManifest } from "../adapters/slack/buildSlackManifest.js";
import { createCommandRegistry } from "../commands/index.js";
import { loadKnowledge } from "../knowledge/index.js";
import { silentLogger } from "../logger.js";

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index >= 0) return argv[index + 1];
  return argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const publicUrl = valueOf(argv, "--url");
  if (publicUrl !== undefined && !/^https:\/\/[^\s/]+/.test(publicUrl)) {
    throw new Error("--url takes the bot's public https address, e.g. --url https://bot.example.org");
  }
  // Documents can bring commands of their own, so the list comes from the knowledge as loaded.
  const knowledge = await loadKnowledge(valueOf(argv, "--knowledge") ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
  const registry = createCommandRegistry(() => knowledge, {
    onError: (error) => silentLogger.error({ error }, "command failed"),
  });
  const manifest = buildSlackManifest(registry.list(), { publicUrl });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`slack:manifest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
