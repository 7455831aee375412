import { Assistant, type App } from "@slack/bolt";
import { commandsFor, type CommandDefinition } from "../../../commands/index.js";
import { renderSlackMessage } from "../render.js";
import { toConversationMessage, type SlackMessageEvent } from "../conversationEvent.js";
import { slackTraits } from "../traits.js";
import { botUserIdOf, teamIdOf } from "./botIdentity.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

export const ASSISTANT_GREETING = "Ask me about the documents: I answer with exact quotations and their sources.";
export const ASSISTANT_STATUS = "Looking in the document…";
/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;
/** A thread title is a line in Slack's history list: the question, cut. */
const TITLE_MAX = 80;

/**
 * Slack's assistant surface (the split view of AI apps): a greeting and suggested prompts when a thread opens,
 * drawn from the loaded documents' own topics; then each message is answered like a direct message, with the
 * status "Looking in the document…" while it is searched, and the first question as the thread's title. Every
 * threaded direct message reaches this listener rather than conversationMessage.ts (Bolt routes them here).
 */
export function registerAssistant(app: App, deps: SlackListenerDeps): void {
  const conversation = deps.conversation;
  if (!conversation) return;
  app.assistant(
    new Assistant({
      // The bot does not read the channel the user is looking at, so it keeps no assistant context: Bolt's default
      // store would call conversations.replies before every answer (a scope the bot does not ask for in DMs).
      threadContextStore: { get: async () => ({}), save: async () => {} },
      threadStarted: async ({ say, setSuggestedPrompts }) => {
        await say(ASSISTANT_GREETING);
        const prompts = suggestedPrompts(deps.registry.list());
        if (prompts.length > 0) await setSuggestedPrompts({ title: "From the documents", prompts });
      },
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, context, say, setStatus, setTitle }) => {
        const said = message as unknown as SlackMessageEvent;
        const asked = toConversationMessage(said, { teamId: teamIdOf(body), botUserId: botUserIdOf(context, body), addressed: true });
        if (!asked) return;
        const firstQuestion = (await conversation.context(slackTraits, asked.thread)) === undefined;
        if (firstQuestion && asked.text) await setTitle(cut(asked.text, TITLE_MAX)).catch(() => undefined);
        await setStatus(ASSISTANT_STATUS).catch(() => undefined);
        const outcome = await conversation.answer(asked);
        if (!outcome.answered) {
          // Clears the status: nothing will be posted to replace it.
          await setStatus("").catch(() => undefined);
          return;
        }
        const rendered = renderSlackMessage(outcome.reply);
        await say({ text: rendered.text, blocks: rendered.blocks });
      },
    }),
  );
}

/**
 * The documents' own big questions, as prompts: each topic command (the ones the loaded documents bring, not
 * the built-in ones) by its description, which is a question a reader of that document would ask.
 */
export function suggestedPrompts(commands: readonly CommandDefinition[]): Array<{ title: string; message: string }> {
  const builtIn = new Set(commandsFor().map((command) => command.name));
  return commands
    .filter((command) => !builtIn.has(command.name))
    .slice(0, MAX_PROMPTS)
    .map((command) => {
      // "Why the talks stalled: the thesis, then each reason" → the question part, which /ask can answer.
      const question = command.description.split(":")[0]!.trim();
      return { title: cut(question, 75), message: question };
    });
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
