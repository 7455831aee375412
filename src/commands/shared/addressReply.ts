import { errorReply } from "../../reply/builders.js";
import type { Reply } from "../../reply/types.js";
import type { CommandOption, PlatformTraits } from "../registry/types.js";
import { readPersonId } from "./people.js";

/** `for: @dana`: post the answer for someone else to see. */
export const forOption: CommandOption = {
  name: "for",
  description: "Post the answer in the channel, addressed to this person",
  kind: "user",
};

/**
 * Makes a reply public and addressed to one person: only that person's id goes in `mentions`, so the
 * renderers ping them and nobody else. A reference that is not one user on this platform (a plain name
 * on Slack, `@everyone`, a role) is an error rather than a public post that pings no one or too many.
 */
export function addressReply(reply: Reply, person: string | undefined, platform: PlatformTraits): Reply {
  if (!person || reply.kind === "error" || reply.kind === "notice") return reply;
  const id = readPersonId(person, platform);
  if (!id) return errorReply("Who is it for?", `I could not tell who '${person.slice(0, 60)}' is. Mention one person, for example for: @dana`);
  return { ...reply, visibility: "public", mentions: [id], share: undefined };
}
