import { QUESTION_COMMAND, type CommandRegistry, type CommandUser, type PlatformTraits, type Reply } from "../commands/index.js";
import { answerReply, isAnswer, noticeReply } from "../reply/builders.js";
import { isRateLimitedReply } from "../app/rateLimitCommands.js";
import type { Store } from "../store/index.js";
import { readFollowUp, type ThreadContext } from "./readFollowUp.js";

/** One message said to the bot, or said in a thread it answered, already turned into the words a reader sees. */
export interface ConversationMessage {
  platform: PlatformTraits;
  /** The thread it belongs to, unique on its platform (`T1:C1:1712345600.000100`): where the context is kept. */
  thread: string;
  /** The message itself, unique on its platform (its id, or channel and timestamp): it is answered once. */
  message: string;
  /** Where it was said, for the settings hook: the channel (and the workspace or server when there is one). */
  channel: string;
  text: string;
  user: CommandUser;
  /**
   * Said to the bot (a mention, a direct message): answered wherever the bot is allowed to answer. Otherwise
   * it is a plain message in a thread, answered only when the bot answered there before and was not stopped.
   */
  addressed: boolean;
}

export type ConversationOutcome =
  | { answered: true; reply: Reply }
  | { answered: false; why: "not-followed" | "stopped" | "already-answered" | "not-here" | "nothing-asked" };

/**
 * The settings hook: whether the bot answers mentions and thread messages in a channel. Issue 20's /settings
 * plugs in here; until then the bot answers wherever it is mentioned.
 */
export type AnswersIn = (where: { platform: string; channel: string }) => boolean | Promise<boolean>;

export interface ConversationOptions {
  /** The registry every platform shares (rate limit and log included): a message is an /ask. */
  registry: CommandRegistry;
  /** The app's store: replay keys answer each message once across instances; thread context lives in its key/values. */
  state: Store;
  /** How long a thread is followed after the bot's last answer in it (default a day). */
  contextTtlMs?: number;
  answersIn?: AnswersIn;
}

export const CONVERSATION_DEFAULTS = {
  contextTtlMs: 24 * 60 * 60 * 1000,
  /** A "Stop answering here" outlives the context, so a thread stays quiet when it is picked up days later. */
  stopTtlMs: 30 * 24 * 60 * 60 * 1000,
  /** A message id is remembered this long: Slack retries within minutes, and edits of old messages are ignored anyway. */
  answeredTtlMs: 24 * 60 * 60 * 1000,
  /** References and places kept for "who says so?". */
  maxSources: 10,
} as const;

/**
 * Conversation, the same on every platform: a message said to the bot is asked of the documents like /ask,
 * and the thread it is answered in is followed for a while, its context (question, document, page, sources)
 * kept in the store so a follow-up is read against it by whichever instance gets it.
 */
export class Conversation {
  private readonly registry: CommandRegistry;
  private readonly state: Store;
  private readonly contextTtlMs: number;
  private readonly answersIn: AnswersIn;

  constructor(options: ConversationOptions) {
    this.registry = options.registry;
    this.state = options.state;
    this.contextTtlMs = options.contextTtlMs ?? CONVERSATION_DEFAULTS.contextTtlMs;
    this.answersIn = options.answersIn ?? (() => true);
  }

  /** Answers a message, or says why not; never throws for a store that is down (a context is then simply absent). */
  async answer(message: ConversationMessage): Promise<ConversationOutcome> {
    const { platform, thread } = message;
    if (!(await this.answersIn({ platform: platform.name, channel: message.channel }))) return { answered: false, why: "not-here" };
    const previous = await this.context(platform, thread);
    if (!message.addressed) {
      if (!previous) return { answered: false, why: "not-followed" };
      if (await this.isStopped(platform, thread)) return { answered: false, why: "stopped" };
    }
    if (!(await this.state.replayKeys.firstSeen(`conversation:answered:${platform.name}:${message.message}`, CONVERSATION_DEFAULTS.answeredTtlMs))) {
      return { answered: false, why: "already-answered" };
    }
    const followUp = readFollowUp(message.text, previous);
    if (followUp.kind === "empty") return message.addressed ? { answered: true, reply: greeting() } : { answered: false, why: "nothing-asked" };
    if (followUp.kind === "sources") return { answered: true, reply: sourcesReply(previous!) };
    const reply = await this.registry.run({
      command: QUESTION_COMMAND,
      args: { question: followUp.question, document: followUp.document },
      page: followUp.page,
      user: message.user,
      platform,
    });
    // A refusal (an error, the rate limit's "One moment") leaves the thread where it was.
    if (reply.kind !== "error" && !isRateLimitedReply(reply)) await this.remember(platform, thread, contextOf(followUp, reply));
    // Said in the open: the thread sees it, nobody is pinged, and the answer is already where Share would put it.
    return { answered: true, reply: { ...reply, visibility: "public", share: undefined, mentions: undefined } };
  }

  /** Whether plain messages in a thread are answered: the bot answered there, and nobody stopped it. */
  async follows(platform: PlatformTraits, thread: string): Promise<boolean> {
    return (await this.context(platform, thread)) !== undefined && !(await this.isStopped(platform, thread));
  }

  /** "Stop answering here": plain messages in the thread go unanswered; a mention is still answered. */
  async stop(platform: PlatformTraits, thread: string): Promise<void> {
    await this.state.keyValues.set(stopKey(platform, thread), "1", CONVERSATION_DEFAULTS.stopTtlMs);
  }

  /** The thread's context, or undefined when there is none, it ran out, or the store cannot say. */
  async context(platform: PlatformTraits, thread: string): Promise<ThreadContext | undefined> {
    try {
      const stored = await this.state.keyValues.get(contextKey(platform, thread));
      return stored ? (JSON.parse(stored) as ThreadContext) : undefined;
    } catch {
      return undefined;
    }
  }

  private async remember(platform: PlatformTraits, thread: string, context: ThreadContext): Promise<void> {
    try {
      await this.state.keyValues.set(contextKey(platform, thread), JSON.stringify(context), this.contextTtlMs);
    } catch {
      // The answer still goes out; the thread is just not followed while the store is down.
    }
  }

  private async isStopped(platform: PlatformTraits, thread: string): Promise<boolean> {
    try {
      return (await this.state.keyValues.get(stopKey(platform, thread))) !== undefined;
    } catch {
      // Unknown: stay quiet rather than answer a thread that may have asked not to be.
      return true;
    }
  }
}

function contextKey(platform: PlatformTraits, thread: string): string {
  return `conversation:context:${platform.name}:${thread}`;
}

function stopKey(platform: PlatformTraits, thread: string): string {
  return `conversation:stopped:${platform.name}:${thread}`;
}

/** What the thread keeps of an answer: its question and subject, its one document, its page and its sources. */
function contextOf({ question, page, terms }: { question: string; page: number; terms: string[] }, reply: Reply): ThreadContext {
  const documents = [...new Set(reply.quotes.map((quote) => quote.document))];
  const places = [...new Set(reply.quotes.map((quote) => (quote.section ? `${quote.document} — ${quote.section}` : quote.document)))];
  return {
    question,
    terms,
    ...(documents.length === 1 ? { document: documents[0] } : {}),
    page: isAnswer(reply) ? page : 0,
    places: places.slice(0, CONVERSATION_DEFAULTS.maxSources),
    references: (reply.references ?? []).slice(0, CONVERSATION_DEFAULTS.maxSources),
    cited: [
      ...new Set(
        reply.quotes.flatMap((quote) =>
          quote.citations.map((citation) => `${citation.author} (${citation.year})${citation.reference ? "" : ", not in the reference list"}`),
        ),
      ),
    ].slice(0, CONVERSATION_DEFAULTS.maxSources),
  };
}

/** "Who says so?": the reference-list entries the last answer's passages cite, or where those passages are. */
function sourcesReply(previous: ThreadContext): Reply {
  if (previous.places.length === 0) {
    return noticeReply("No sources to show", "My last answer here quoted no passage, so there is no source to show. Ask a question first.", { visibility: "public" });
  }
  const where = `The last answer quoted ${previous.places.join("; ")}.`;
  const cited = previous.cited ?? [];
  const text =
    cited.length > 0 || previous.references.length > 0
      ? `${where} Its passages cite ${cited.length > 0 ? cited.join("; ") : "these sources"}.`
      : `${where} Those passages cite no source of their own: the document itself says so.`;
  return answerReply("Sources of the last answer", { text, references: previous.references, visibility: "public" });
}

function greeting(): Reply {
  return noticeReply(
    "Ask me about the documents",
    "Write a question with the mention, for example “what does the author conclude?”. In a thread I have answered, just write the next question: “and why?”, “more”, “who says so?”.",
    { visibility: "public" },
  );
}
