import type { PlatformTraits } from "../../commands/index.js";

/** `<@U123|dana>` (with `should_escape`, Slack sends the name the user typed) or `<@U123>`. */
const MENTION = /^<@([A-Z0-9]+)(?:\|([^<>]*))?>$/i;

/**
 * What commands know of Slack: user ids `U…`/`W…`; a timer's reminders are kept in the bot's store and posted
 * with the bot token (chat.postMessage) by whichever instance is running when they come due.
 */
export const slackTraits: PlatformTraits = {
  name: "slack",
  label: "Slack",
  readMention(token) {
    const match = MENTION.exec(token);
    return match ? { id: match[1]!, ...(match[2]?.trim() ? { name: match[2].trim() } : {}) } : null;
  },
  isUserId: (text) => /^[UW][A-Z0-9]{2,}$/.test(text),
  writeMention: (id) => `<@${id}>`,
  followUps: {
    // Posted with the bot token, not a response_url: no platform limit on how long a reminder waits.
    maxDelaySeconds: Number.POSITIVE_INFINITY,
    onRestart: "If the bot restarts meanwhile, they are posted when it is back.",
  },
  rateLimited: true,
};
