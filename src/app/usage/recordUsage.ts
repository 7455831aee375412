import { randomBytes } from "node:crypto";
import { normalizeCommandName } from "../../commands/registry/commandRegistry.js";
import { parseCommandText } from "../../commands/registry/parseCommandText.js";
import type { CommandDefinition, CommandRequest } from "../../commands/registry/types.js";
import type { CommandMiddleware } from "../../commands/registry/wrapCommandRuns.js";
import type { Logger } from "../../logger.js";
import { errorReply, isAnswer, noticeReply } from "../../reply/builders.js";
import { FEEDBACK_COMMAND, feedbackActions, readFeedbackClick, type FeedbackClick } from "../../reply/feedback.js";
import type { Reply } from "../../reply/types.js";
import type { AnswerOutcome, LoggedCommand, Store } from "../../store/index.js";
import { pseudonym } from "./pseudonym.js";

/** What is kept of a question at most: enough to group and read it, not a whole pasted text. */
const MAX_LOGGED_QUESTION = 300;

export interface UsageOptions {
  store: Pick<Store, "feedback" | "questionLog">;
  /** Finds a command's definition, to read which option holds the question. */
  definition: (name: string) => CommandDefinition | undefined;
  logger: Logger;
  /** QUESTION_LOG: keep what was asked (never who asked). */
  keepQuestions: boolean;
  now?: () => number;
}

/**
 * Every command run is logged for /insights (which command, platform, outcome, the passages quoted, and the
 * question when QUESTION_LOG=on), and every answer with quotes gets its feedback buttons, which carry the log
 * entry's id. A click on one comes back here as the feedback invocation and is recorded as a vote. If the store
 * cannot log, the answer still goes out, without feedback buttons (there would be nothing to vote on).
 */
export function recordUsage(options: UsageOptions): CommandMiddleware {
  const now = options.now ?? Date.now;
  return async (request, next) => {
    if (normalizeCommandName(request.command) === FEEDBACK_COMMAND) return castVote(options, request, now());
    const definition = options.definition(request.command);
    const reply = await next(request);
    if (!definition) return reply;
    const entry = logEntry(options, definition, request, reply, now());
    try {
      await options.store.questionLog.record(entry);
    } catch (error) {
      options.logger.warn({ err: error, command: definition.name }, "question log: could not record a command; answered without feedback buttons");
      return reply;
    }
    if (!isAnswer(reply) || reply.quotes.length === 0) return reply;
    return { ...reply, actions: [...(reply.actions ?? []), ...feedbackActions(entry.id, reply.quotes.length)] };
  };
}

function logEntry(options: UsageOptions, definition: CommandDefinition, request: CommandRequest, reply: Reply, at: number): LoggedCommand {
  const question = options.keepQuestions && !request.page ? questionOf(definition, request) : undefined;
  return {
    id: randomBytes(9).toString("base64url"),
    at,
    platform: request.platform.name,
    command: definition.name,
    asker: pseudonym(request.platform.name, request.user.id),
    ...(question ? { question } : {}),
    outcome: outcomeOf(reply),
    passages: reply.quotes.map((quote) => ({
      passageId: quote.passageId,
      document: quote.document,
      section: quote.section,
      sources: quote.citations.map((citation) => `${citation.author} ${citation.year}`),
    })),
  };
}

/** The text of the command's main option (the question, the name looked up), as typed. */
function questionOf(definition: CommandDefinition, request: CommandRequest): string | undefined {
  const main = definition.options.find((option) => option.main && option.kind === "text");
  if (!main) return undefined;
  const typed = request.args?.[main.name] ?? parseCommandText(definition, request.text ?? "")[main.name];
  const text = typed?.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, MAX_LOGGED_QUESTION) : undefined;
}

function outcomeOf(reply: Reply): AnswerOutcome {
  if (reply.kind === "error") return "error";
  if (reply.confidence) return reply.confidence;
  return reply.quotes.length > 0 ? "strong" : "none";
}

const THANKS: Record<FeedbackClick["vote"], string> = {
  helpful: "Recorded: helpful. Thank you.",
  unhelpful: "Recorded: not helpful. Admins see which answers fall short in /insights.",
  "wrong-passage": "Recorded: that passage does not answer the question. Admins see passages reported wrong in /insights.",
};

async function castVote(options: UsageOptions, request: CommandRequest, at: number): Promise<Reply> {
  const click = readFeedbackClick(request.args ?? {});
  if (!click) return errorReply("That button has expired", "Run the command again.");
  try {
    const answer = await options.store.questionLog.get(click.answerId);
    if (!answer) return errorReply("Too late to vote", "That answer is older than the feedback period, so it can no longer be voted on.");
    const passage = click.quote === undefined ? undefined : answer.passages[click.quote];
    if (click.vote === "wrong-passage" && !passage) return errorReply("That button has expired", "Run the command again.");
    const { replaced } = await options.store.feedback.cast({
      answerId: click.answerId,
      voter: pseudonym(request.platform.name, request.user.id),
      vote: click.vote,
      ...(passage ? { passageId: passage.passageId } : {}),
      at,
    });
    const which = passage ? ` (quote ${click.quote! + 1}, from ${passage.section})` : "";
    return noticeReply("Thanks for the feedback", `${THANKS[click.vote].replace(/\.(?= |$)/, `${which}.`)}${replaced ? " It replaces your earlier vote." : ""}`);
  } catch (error) {
    options.logger.warn({ err: error }, "feedback: could not record a vote");
    return errorReply("Vote not recorded", "Your vote could not be recorded just now. Please try again in a minute.");
  }
}
