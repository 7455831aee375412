/**
 * `npm run discord:register` puts every command to Discord in one bulk overwrite (to DISCORD_GUILD_ID when set);
 * `npm run --silent discord:register -- --dry-run` prints the JSON array instead and sends nothing.
 */
import { config } from "dotenv";
import { runDiscordRegister } from "../adapters/discord/runDiscordRegister.js";

config({ quiet: true });

runDiscordRegister(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`discord:register: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
