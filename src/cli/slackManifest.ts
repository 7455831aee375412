/**
 * `npm run --silent slack:manifest [-- --url https://bot.example.org] [--knowledge DIR]`: the Slack app
 * manifest for every command, to paste into api.slack.com/apps → Create New App → From a manifest. Socket
 * Mode unless `--url` gives a public address. stdout carries only the JSON.
 */
import { runSlackManifest } from "../adapters/slack/runSlackManifest.js";

runSlackManifest(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`slack:manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
