import { HELP_COMMAND } from "../../commands/core/help.js";
import type { PlatformAdapter, PlatformContext, RunningPlatform } from "../types.js";
import { Conversation } from "../../conversation/index.js";
import { startConsole } from "./startConsole.js";
import { consoleTraits } from "./traits.js";

/**
 * The console: the same commands and replies as chat, typed at a terminal or piped in, with no account
 * anywhere. It needs no variables and runs when no other platform is configured.
 */
export const consolePlatform: PlatformAdapter = {
  name: "console",
  traits: consoleTraits,
  variables: [],
  fallback: true,
  configure: () => ({ modes: ["console"], settings: {}, terminal: true, start: startConsolePlatform }),
};

async function startConsolePlatform(context: PlatformContext): Promise<RunningPlatform> {
  const { documents, passages } = context.knowledgeSummary();
  const session = startConsole({
    registry: context.registry,
    conversation: new Conversation({ registry: context.registry, state: context.state }),
    interactive: Boolean(process.stdin.isTTY),
    color: Boolean(process.stdout.isTTY),
    width: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    greeting:
      `Ground Truth: ${documents} document${documents === 1 ? "" : "s"}, ${passages} passages. ` +
      `Ask a question, or type /${HELP_COMMAND}. Tab completes commands; Ctrl-C clears the line, and on an empty line (or Ctrl-D) quits.\n`,
  });
  return { routes: [], done: session.done, stop: async () => session.close() };
}
