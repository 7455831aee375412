import type { PlatformTraits } from "../../commands/index.js";
import { DISCORD_FOLLOW_UP_WINDOW_MS, DISCORD_INTERACTION_TOKEN_LIFETIME_MS } from "./limits.js";

/** `<@123>`, or the older nickname form `<@!123>`: Discord sends no name with the id. */
const MENTION = /^<@!?(\d+)>$/;

/**
 * What commands know of Discord: user ids are snowflakes. With a bot token (DISCORD_TOKEN), a timer's reminders
 * are kept in the bot's store and posted to the channel over REST by whichever instance is up, so they are not
 * bound to the interaction's 15-minute token.
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
    maxDelaySeconds: Number.POSITIVE_INFINITY,
    onRestart: "If the bot restarts meanwhile, they are posted when it is back.",
  },
  rateLimited: true,
};

/**
 * HTTP interactions without a bot token: follow-ups ride on the interaction's token, so none can come later
 * than its lifetime, and they live in this process.
 */
export const discordWebhookTraits: PlatformTraits = {
  ...discordTraits,
  followUps: {
    maxDelaySeconds: DISCORD_FOLLOW_UP_WINDOW_MS / 1000,
    limitReason: `Discord lets a bot answer a command for only ${DISCORD_INTERACTION_TOKEN_LIFETIME_MS / 60_000} minutes without a bot token.`,
    onRestart: "If the bot restarts before then, the reminders are lost.",
  },
};
