import { SLACK_BUTTON_VALUE_MAX } from "./limits.js";

/**
 * What a "Reply in thread" button carries: where to post, and the message text to look up again ("Find in
 * document"). The whole question travels, so the thread gets the same passages the asker saw.
 */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  question: string;
}

export function encodeThreadReply(reply: ThreadReply): string {
  const encode = (question: string) =>
    JSON.stringify({ c: reply.channel, t: reply.threadTs, q: question });
  let question = reply.question;
  let value = encode(question);
  // JSON escaping can make a character cost several, so shorten by what is over and measure again.
  while (value.length > SLACK_BUTTON_VALUE_MAX) {
    question = question.slice(0, Math.max(0, question.length - (value.length - SLACK_BUTTON_VALUE_MAX)));
    value = encode(question);
  }
  return value;
}

export function decodeThreadReply(value: string): ThreadReply | null {
  try {
    const data = JSON.parse(value) as Record<string, unknown>;
    // Buttons made before this version also carry `k`, the command (always /ask): it is not needed.
    const { c, t, q } = data;
    if (typeof c !== "string" || typeof t !== "string" || typeof q !== "string") return null;
    if (!/^[A-Z0-9]+$/i.test(c) || !/^\d+\.\d+$/.test(t)) return null;
    return { channel: c, threadTs: t, question: q };
  } catch {
    return null;
  }
}
