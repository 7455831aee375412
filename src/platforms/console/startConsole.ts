import { createInterface, type Interface } from "node:readline";
import type { CommandRegistry } from "../../commands/registry/commandRegistry.js";
import type { Reply, ReplyAction } from "../../reply/types.js";
import type { CommandUser } from "../../commands/registry/types.js";
import { renderText } from "./render.js";
import { completeConsoleLine } from "./completeConsoleLine.js";
import { parseConsoleLine } from "./parseConsoleLine.js";
import { consoleTraits } from "./traits.js";
import { randomUUID } from "node:crypto";
import { QUESTION_COMMAND } from "../../commands/index.js";
import type { Conversation } from "../../conversation/index.js";

export interface ConsoleOptions {
  registry: CommandRegistry;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /**
   * A person at a terminal: a prompt, tab completion, numbered buttons, and follow-ups (speaking timers)
   * printed when due. Otherwise lines are read from a pipe, answered in order, and the console ends with the input.
   */
  interactive?: boolean;
  user?: CommandUser;
  color?: boolean;
  /** Printed once before the first prompt, in interactive mode. */
  greeting?: string;
  /** The terminal's width now (it can be resized): replies are wrapped to it. Unwrapped when undefined. */
  width?: () => number | undefined;
  /**
   * The session as one thread: a plain question is read against the one before ("and China?", "why?",
   * "more", "who says so?"), as in a chat thread. Without it each question stands alone.
   */
  conversation?: Conversation;
}

export interface ConsoleSession {
  /** Settles when the input ends or the person quits. */
  done: Promise<void>;
  /** Ends the session and cancels pending follow-ups. */
  close(): void;
}

const PROMPT = "> ";

/** The console adapter: the same registry and replies as chat, typed at a terminal or piped in. */
export function startConsole(options: ConsoleOptions): ConsoleSession {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? false;
  // The one person at this terminal runs the bot, so admin-only commands are theirs.
  const user = options.user ?? { id: process.env.USER || "console", isAdmin: async () => true };
  const registry = options.registry;
  const timers = new Set<NodeJS.Timeout>();
  let lastActions: ReplyAction[] = [];
  // Its own thread: a store that outlives the process must not hand this session an earlier one's context.
  const thread = `console:${randomUUID()}`;
  let lines = 0;

  const rl: Interface = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    completer: interactive ? (line: string) => completeConsoleLine(registry, line) : undefined,
    historySize: interactive ? 100 : 0,
  });

  const print = (text: string) => {
    output.write(text.endsWith("\n") ? text : `${text}\n`);
  };

  const show = (reply: Reply) => {
    lastActions = reply.actions ?? [];
    // At a terminal the buttons work: their number presses them.
    const hint =
      interactive && lastActions.length > 0
        ? `Type ${lastActions.map((action, i) => `${i + 1} for ${action.label}`).join(", ")}.\n`
        : "";
    // Passage ids are shown, so `/context <passage id>` can be typed as well as pressed.
    const text = renderText(reply, { color: options.color ?? false, width: options.width?.(), passageIds: true });
    // A blank line after each reply, so a transcript reads as separate answers.
    print(`${text}${hint}\n`);
    scheduleFollowUps(reply);
  };

  const scheduleFollowUps = (reply: Reply) => {
    const followUps = reply.followUps ?? [];
    if (followUps.length === 0) return;
    if (!interactive) {
      print(`(${followUps.length} timed message${followUps.length === 1 ? "" : "s"} not shown: piped input exits at its end; run npm start in a terminal to see them.)\n`);
      return;
    }
    for (const followUp of followUps) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        // Print above the prompt without losing what the person is typing.
        output.write("\r\u001b[K");
        print(renderText({ title: "", text: followUp.text, quotes: [], visibility: "public" }, { width: options.width?.() }).trimEnd());
        rl.prompt(true);
      }, followUp.delaySeconds * 1000);
      timers.add(timer);
    }
  };

  const answer = async (line: string): Promise<void> => {
    const pressed = /^\d{1,2}$/.test(line.trim()) ? lastActions[Number(line.trim()) - 1] : undefined;
    if (pressed) {
      show(await registry.runInvocation(pressed.value, user, consoleTraits));
      return;
    }
    const parsed = parseConsoleLine(line);
    if (!parsed) return;
    if (!interactive) print(`${PROMPT}${line.trim()}\n`);
    if (options.conversation && parsed.command === QUESTION_COMMAND && !line.trim().startsWith("/")) {
      const message = { platform: consoleTraits, thread, message: `${thread}:${++lines}`, channel: "console", text: parsed.text, user, addressed: true };
      const outcome = await options.conversation.answer(message);
      if (outcome.answered) return show(outcome.reply);
    }
    show(await registry.run({ command: parsed.command, text: parsed.text, user, platform: consoleTraits }));
  };

  const close = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    rl.close();
  };

  /**
   * Ctrl-C as shells have it: a half-typed line is dropped for a fresh prompt; on an empty line it quits. The
   * dropped text stays on screen, marked `^C`, and the new prompt starts on the next line.
   */
  const interrupt = () => {
    if (rl.line.length === 0) {
      output.write("\n");
      close();
      return;
    }
    rl.write(null, { ctrl: true, name: "e" });
    output.write("^C\n");
    rl.write(null, { ctrl: true, name: "u" });
  };

  const done = (async () => {
    if (interactive) {
      if (options.greeting) print(options.greeting);
      rl.on("SIGINT", interrupt);
      rl.setPrompt(PROMPT);
      rl.prompt();
    }
    // Lines are answered one at a time, in order, so a piped transcript reads like the session it replays.
    for await (const line of rl) {
      try {
        await answer(line);
      } catch (error) {
        // The registry never throws; this is a rendering or output fault, and one line should not end the session.
        print(`Sorry, that could not be shown: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      if (interactive) rl.prompt();
    }
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  })();

  return { done, close };
}
