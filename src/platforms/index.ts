import { consolePlatform } from "./console/adapter.js";
import { discordPlatform } from "./discord/adapter.js";
import { slackPlatform } from "./slack/adapter.js";
import type { PlatformAdapter } from "./types.js";

export type { PlatformAdapter, PlatformContext, PlatformSetup, RunningPlatform } from "./types.js";

/** Every platform the bot can be reached on. Adding one is a folder beside these and a line here. */
export const PLATFORMS: readonly PlatformAdapter[] = [slackPlatform, discordPlatform, consolePlatform];
