/**
 * The feedback buttons every answer carries: "Helpful", "Not helpful", and "Wrong passage" under each quote. They
 * are ordinary invocation buttons (so both renderers and every platform's click handling carry them unchanged)
 * of a command no one types: the app's usage middleware answers it by recording the vote.
 */
import { invocationButton } from "./builders.js";
import type { ReplyAction } from "./types.js";

/** What a reader can say of an answer (the store keeps the same three). */
export type VoteKind = "helpful" | "unhelpful" | "wrong-passage";

/** The invocation's command name. Not a registered command: never listed, registered or typed. */
export const FEEDBACK_COMMAND = "gt-feedback";

const SHORT_VOTES: Record<VoteKind, string> = { helpful: "up", unhelpful: "down", "wrong-passage": "wrong" };

export const FEEDBACK_LABELS = { helpful: "Helpful", unhelpful: "Not helpful", wrongPassage: "Wrong passage" } as const;

/**
 * The buttons for an answer of `quotes` quotes. Each "Wrong passage" is bound to its quote, so a renderer that
 * could not fit a quote leaves its button out; with several quotes they are numbered like the quotes.
 */
export function feedbackActions(answerId: string, quotes: number): ReplyAction[] {
  const button = (label: string, vote: VoteKind, quote?: number) =>
    invocationButton(label, { command: FEEDBACK_COMMAND, args: { a: answerId, v: SHORT_VOTES[vote], q: quote === undefined ? undefined : String(quote) } }, quote === undefined ? {} : { quote });
  const wrong = Array.from({ length: quotes }, (_, quote) => button(quotes > 1 ? `${FEEDBACK_LABELS.wrongPassage} ${quote + 1}` : FEEDBACK_LABELS.wrongPassage, "wrong-passage", quote));
  return [button(FEEDBACK_LABELS.helpful, "helpful"), button(FEEDBACK_LABELS.unhelpful, "unhelpful"), ...wrong].filter((action): action is ReplyAction => action !== undefined);
}

export interface FeedbackClick {
  answerId: string;
  vote: VoteKind;
  /** For "wrong-passage": the index of the quote reported. */
  quote?: number;
}

/** What a feedback button's arguments say, or null for arguments no feedback button carries. */
export function readFeedbackClick(args: Readonly<Record<string, string | undefined>>): FeedbackClick | null {
  const vote = (Object.keys(SHORT_VOTES) as VoteKind[]).find((kind) => SHORT_VOTES[kind] === args.v);
  if (!vote || !args.a || !/^[A-Za-z0-9_-]{1,40}$/.test(args.a)) return null;
  if (vote !== "wrong-passage") return { answerId: args.a, vote };
  const quote = Number(args.q);
  return Number.isInteger(quote) && quote >= 0 && quote < 100 ? { answerId: args.a, vote, quote } : null;
}
