import type { Reply } from "./reply.js";

/** A private reply for input the command cannot use, saying what to type instead. Changes nothing. */
export function errorReply(title: string, text: string): Reply {
  return { title, text, quotes: [], visibility: "private", kind: "error" };
}
