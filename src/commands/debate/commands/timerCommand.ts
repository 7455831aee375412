import { answerReply, errorReply } from "../../../reply/builders.js";
import type { Reply, ReplyFollowUp } from "../../../reply/types.js";
import type { CommandDefinition, PlatformTraits } from "../../registry/types.js";

export const MAX_TIMER_MINUTES = 60;
const MAX_LABEL = 80;

/**
 * /timer <minutes> [label]: a speaking timer. The reply carries its reminders as follow-ups; each platform
 * delivers them its own way, and the reply says plainly what the platform can keep: how long, and whether
 * the reminders survive a restart of the bot.
 */
export const timerCommand: CommandDefinition = {
  name: "timer",
  description: "A speaking timer: posts when one minute is left and when time is up",
  usage: "<minutes 1-60> [label: rebuttal]",
  options: [
    { name: "minutes", description: "How long, in minutes (1-60)", kind: "number", required: true, main: true, min: 1, max: MAX_TIMER_MINUTES },
    { name: "label", description: "What the time is for: opening speech, rebuttal", kind: "text" },
  ],
  handler: ({ command, args, platform }) => {
    // Slack and the console give one line ("3 rebuttal"): the number first, the rest is the label.
    const typed = /^\s*(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minutes?)?\b\s*(.*)$/i.exec(args.minutes ?? "");
    const minutes = typed ? Number(typed[1]!.replace(",", ".")) : NaN;
    if (!typed || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TIMER_MINUTES) {
      return errorReply("How many minutes?", `Give a whole number of minutes from 1 to ${MAX_TIMER_MINUTES}, for example: /${command} 5 opening speech`);
    }
    const label = (args.label?.trim() || typed[2]!.trim() || "the speaker").slice(0, MAX_LABEL);
    return timerReply(minutes, label, platform);
  },
};

export function timerReply(minutes: number, label: string, platform: PlatformTraits): Reply {
  const unit = minutes === 1 ? "minute" : "minutes";
  const reminders: ReplyFollowUp[] = [];
  if (minutes > 1) reminders.push({ delaySeconds: (minutes - 1) * 60, text: `1 minute left for ${label}.` });
  reminders.push({ delaySeconds: minutes * 60, text: `Time is up for ${label}: ${minutes} ${unit}.` });
  const { maxDelaySeconds, limitReason, onRestart } = platform.followUps;
  const tooLong = minutes * 60 > maxDelaySeconds;
  const note = tooLong
    ? `On ${platform.label}, timers over ${Math.floor(maxDelaySeconds / 60)} minutes post no reminders: ${limitReason ?? "it cannot wait that long."} Use a shorter timer, or keep time yourself.`
    : `${minutes > 1 ? "I will post when 1 minute is left and when time is up." : "I will post when time is up."} ${onRestart}`;
  return answerReply("Speaking timer", {
    text: [`Timer: ${minutes} ${unit} for ${label}.`, note].join("\n"),
    followUps: tooLong ? undefined : reminders,
    visibility: "public",
  });
}
