import type { Reply, ReplyFollowUp } from "../../../reply/types.js";
import type { CommandDefinition, Platform } from "../../registry/types.js";
import { errorReply } from "../../../reply/builders.js";

export const MAX_TIMER_MINUTES = 60;
/** A Discord interaction token lasts 15 minutes; the last follow-up must land before it expires. */
export const DISCORD_TIMER_MAX_MINUTES = 14;
const MAX_LABEL = 80;

/**
 * /timer <minutes> [label]: a speaking timer. The reply carries its reminders as follow-ups; each adapter
 * schedules them its own way, and the reply says plainly what survives a restart of the bot.
 */
export const timerCommand: CommandDefinition = {
  name: "timer",
  description: "A speaking timer: posts when one minute is left and when time is up",
  usage: "<minutes 1-60> [label: rebuttal]",
  options: [
    { name: "minutes", description: "How long, in minutes (1-60)", kind: "number", required: true, main: true, min: 1, max: MAX_TIMER_MINUTES },
    { name: "label", description: "What the time is for: opening speech, rebuttal", kind: "text" },
  ],
  handler: ({ args, platform }) => {
    // Slack and the console give one line ("3 rebuttal"): the number first, the rest is the label.
    const typed = /^\s*(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minutes?)?\b\s*(.*)$/i.exec(args.minutes ?? "");
    const minutes = typed ? Number(typed[1]!.replace(",", ".")) : NaN;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TIMER_MINUTES) {
      return errorReply("How many minutes?", `Give a whole number of minutes from 1 to ${MAX_TIMER_MINUTES}, for example: /timer 5 opening speech`);
    }
    const label = (args.label?.trim() || typed![2]!.trim() || "the speaker").slice(0, MAX_LABEL);
    return timerReply(minutes, label, platform);
  },
};

export function timerReply(minutes: number, label: string, platform: Platform): Reply {
  const unit = minutes === 1 ? "minute" : "minutes";
  const reminders: ReplyFollowUp[] = [];
  if (minutes > 1) reminders.push({ delaySeconds: (minutes - 1) * 60, text: `1 minute left for ${label}.` });
  reminders.push({ delaySeconds: minutes * 60, text: `Time is up for ${label}: ${minutes} ${unit}.` });
  const tooLongForDiscord = platform === "discord" && minutes > DISCORD_TIMER_MAX_MINUTES;
  return {
    title: "Speaking timer",
    text: [`Timer: ${minutes} ${unit} for ${label}.`, restartNote(platform, tooLongForDiscord, minutes > 1)].join("\n"),
    quotes: [],
    ...(tooLongForDiscord ? {} : { followUps: reminders }),
    visibility: "public",
    kind: "answer",
  };
}

function restartNote(platform: Platform, tooLongForDiscord: boolean, warnsFirst: boolean): string {
  if (tooLongForDiscord) {
    return `On Discord, timers over ${DISCORD_TIMER_MAX_MINUTES} minutes post no reminders: Discord lets a bot answer a command for only 15 minutes. Use a shorter timer, or keep time yourself.`;
  }
  const reminder = warnsFirst ? "I will post when 1 minute is left and when time is up." : "I will post when time is up.";
  switch (platform) {
    case "slack":
      return `${reminder} Slack holds these scheduled messages, so they arrive even if the bot restarts.`;
    case "discord":
      return `${reminder} If the bot restarts before then, the reminders are lost.`;
    default:
      return `${reminder} The reminders live in this process: if it stops, they are lost.`;
  }
}
