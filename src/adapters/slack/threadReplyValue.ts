import { SLACK_BUTTON_VALUE_MAX } from "../../render/slackLimits.js";

/**
 * What a "Reply in thread" button carries: where to post, and the text to run again. The whole question
 * travels, so the thread gets the same passages the asker saw.
 */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  command: string;
  question: string;
}

export function encodeThreadReply(reply: ThreadReply): string {
  const encode = (question: string) =>
    JSON.stringify({ c: reply.channel, t: reply.threadTs, k: reply.command, q: question });
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
    const { c, t, k, q } = data;
    if (typeof c !== "string" || typeof t !== "string" || typeof k !== "string" || typeof q !== "string") return null;
    if (!/^[A-Z0-9]+$/i.test(c) || !/^\d+\.\d+$/.test(t)) return null;
    return { channel: c, threadTs: t, command: k, question: q };
  } catch {
    return null;
  }
}
