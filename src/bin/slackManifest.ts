/**
 * `npm run --silent slack:manifest [-- --url https://bot.example.org] [--knowledge DIR]`: the Slack app
 * manifest for every command, to paste into api.slack.com/apps → Create New App → From a manifest. Socket
 * Mode unless `--url` gives a public address. stdout carries only the JSON.
 */
import { runSlackManifest } from "../cli/runSlackManifest.js";
import { runScript } from "../cli/runScript.js";

runScript("slack:manifest", runSlackManifest);
