/**
 * `npm run discord:register` puts every command to Discord in one bulk overwrite (to DISCORD_GUILD_ID when set);
 * `npm run --silent discord:register -- --dry-run` prints the JSON array instead and sends nothing.
 */
import { config } from "dotenv";
import { runDiscordRegister } from "../cli/runDiscordRegister.js";
import { runScript } from "../cli/runScript.js";

config({ quiet: true });

runScript("discord:register", (argv, env, io) => runDiscordRegister(argv, env, io));
