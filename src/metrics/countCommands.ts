import { normalizeCommandName } from "../commands/registry/commandRegistry.js";
import type { CommandObserver } from "../app/logCommands.js";
import { FEEDBACK_COMMAND } from "../reply/feedback.js";
import type { BotMetrics } from "./botMetrics.js";

/**
 * The command log's observer that counts into `metrics`. A name the registry does not know (anything a user can
 * type after a slash in the console, or a forged button) is counted as "unknown": a label takes only names the
 * bot defines, so no one can create series, or put their text into one.
 */
export function countCommands(metrics: BotMetrics, isKnown: (name: string) => boolean): CommandObserver {
  return (request, outcome, durationMs) => {
    const name = normalizeCommandName(request.command);
    const command = name === FEEDBACK_COMMAND ? "feedback" : isKnown(name) ? name : "unknown";
    metrics.commandFinished({ command, platform: request.platform.name, outcome, durationMs });
  };
}
