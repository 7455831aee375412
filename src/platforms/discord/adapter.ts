import type { PlatformAdapter } from "../types.js";
import { DISCORD_VARIABLES, readDiscordSettings } from "./config.js";
import { discordTraits } from "./traits.js";

/**
 * Discord, over the gateway (the bot token; no public URL) and/or HTTP interactions (the public key;
 * `POST /discord/interactions`, signed). Both answer through the same interaction handler.
 */
export const discordPlatform: PlatformAdapter = {
  name: "discord",
  traits: discordTraits,
  variables: DISCORD_VARIABLES,
  configure(read, problems) {
    const settings = readDiscordSettings(read, problems);
    if (!settings) return null;
    const modes = [...(settings.token ? ["discord-gateway"] : []), ...(settings.publicKey ? ["discord-http"] : [])];
    // Loaded only when Discord starts: discord.js takes a second to import, which the console should not wait for.
    return { modes, settings, start: async (context) => (await import("./start.js")).startDiscord(settings, context) };
  },
};
