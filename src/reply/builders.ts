import { encodeInvocationIntact, type Invocation } from "./invocation.js";
import type { Reply, ReplyAction } from "./types.js";

/** Everything a reply may carry besides its title and kind; each builder fills what is left out. */
export type ReplyParts = { [Key in Exclude<keyof Reply, "title" | "kind">]?: Reply[Key] | undefined };

/**
 * An answer to what was asked: quotes, fields, buttons. Private unless `parts` says otherwise. Parts left
 * undefined are left out, so a caller can write `footer: more ? "…" : undefined`.
 */
export function answerReply(title: string, parts: ReplyParts = {}): Reply {
  return build(title, parts, "answer");
}

/** Something to know rather than an answer ("Which document?", the command list, "No more passages"). Private. */
export function noticeReply(title: string, text: string, parts: ReplyParts = {}): Reply {
  return build(title, { text, ...parts }, "notice");
}

/** A private reply for input the command cannot use, saying what to type instead. Changes nothing. */
export function errorReply(title: string, text: string, parts: ReplyParts = {}): Reply {
  return build(title, { text, ...parts, visibility: "private" }, "error");
}

/** An answer to what was asked (a reply without a kind is one), as opposed to a notice or an error. */
export function isAnswer(reply: Reply): boolean {
  return (reply.kind ?? "answer") === "answer";
}

/**
 * A button that runs `invocation` when clicked, or undefined when the invocation would not travel whole in a
 * button value: a button that silently answers a different question is worse than none.
 */
export function invocationButton(label: string, invocation: Invocation, options: Pick<ReplyAction, "style" | "quote"> = {}): ReplyAction | undefined {
  const value = encodeInvocationIntact(invocation);
  return value ? { label, value, ...options } : undefined;
}

/** The value of a "Share in channel" button that posts `invocation`'s answer publicly, when it fits whole. */
export function shareValue(invocation: Omit<Invocation, "share">): string | undefined {
  return encodeInvocationIntact({ ...invocation, share: true }) ?? undefined;
}

/** Every field of a reply, in the order a reply is written (and printed by `ask --json`). */
const FIELD_ORDER: Record<keyof Reply, true> = {
  title: true,
  text: true,
  quotes: true,
  references: true,
  fields: true,
  actions: true,
  footer: true,
  visibility: true,
  mentions: true,
  share: true,
  followUps: true,
  confidence: true,
  kind: true,
};

function build(title: string, parts: ReplyParts, kind: NonNullable<Reply["kind"]>): Reply {
  const filled: ReplyParts & Pick<Reply, "title" | "kind"> = { ...parts, title, quotes: parts.quotes ?? [], visibility: parts.visibility ?? "private", kind };
  const reply: Record<string, unknown> = {};
  for (const key of Object.keys(FIELD_ORDER) as Array<keyof Reply>) if (filled[key] !== undefined) reply[key] = filled[key];
  return reply as unknown as Reply;
}
