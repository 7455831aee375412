import type { PlatformTraits } from "../../commands/index.js";
import { DISCORD_FOLLOW_UP_WINDOW_MS, DISCORD_INTERACTION_TOKEN_LIFETIME_MS } from "./limits.js";

/** `<@123>`, or the older nickname form `<@!123>`: Discord sends no name with the id. */
const MENTION = /^<@!?(\d+)>$/;

/**
 * What commands know of Discord: user ids are snowflakes; follow-ups ride on the interaction's token, so
 * none can come later than its lifetime, and they live in this process.
 */
export const discordTraits: PlatformTraits = {
  name: "discord",
  label: "Discord",
  readMention(token) {
    const match = MENTION.exec(token);
    return match ? { id: match[1]! } : null;
  },
  isUserId: (text) => /^\d{5,25}$/.test(text),
  writeMention: (id) => `<@${id}>`,
  followUps: {
    maxDelaySeconds: DISCORD_FOLLOW_UP_WINDOW_MS / 1000,
    limitReason: `Discord lets a bot answer a command for only ${DISCORD_INTERACTION_TOKEN_LIFETIME_MS / 60_000} minutes.`,
    onRestart: "If the bot restarts before then, the reminders are lost.",
  },
  rateLimited: true,
};
