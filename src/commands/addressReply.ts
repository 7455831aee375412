import { parseUserReference } from "./parseCommandText.js";
import type { Reply } from "./reply.js";
import type { CommandOption } from "./types.js";

/** `for: @dana`: post the answer for someone else to see. */
export const forOption: CommandOption = {
  name: "for",
  description: "Post the answer in the channel, addressed to this person",
  kind: "user",
};

/**
 * Makes a reply public and addressed to one person: only that person's id goes in `mentions`, so the
 * renderers ping them and nobody else. An unreadable person is an error rather than a silent public post.
 */
export function addressReply(reply: Reply, person: string | undefined): Reply {
  if (!person || reply.kind === "error" || reply.kind === "notice") return reply;
  const id = parseUserReference(person);
  if (!id) {
    return {
      title: "Who is it for?",
      text: `I could not tell who '${person.slice(0, 60)}' is. Mention one person, for example for: @dana`,
      quotes: [],
      visibility: "private",
      kind: "error",
    };
  }
  return { ...reply, visibility: "public", mentions: [id], share: undefined };
}
