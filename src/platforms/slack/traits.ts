import type { PlatformTraits } from "../../commands/index.js";

/** `<@U123|dana>` (with `should_escape`, Slack sends the name the user typed) or `<@U123>`. */
const MENTION = /^<@([A-Z0-9]+)(?:\|([^<>]*))?>$/i;

/** What commands know of Slack: user ids `U…`/`W…`; reminders Slack schedules itself (chat.scheduleMessage). */
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
    // chat.scheduleMessage takes messages up to 120 days ahead.
    maxDelaySeconds: 120 * 24 * 60 * 60,
    onRestart: "Slack holds these scheduled messages, so they arrive even if the bot restarts.",
  },
  rateLimited: true,
};
