import { parseUserReference } from "../registry/parseCommandText.js";
import type { Reply } from "../../reply/types.js";
import type { CommandOption, Platform } from "../registry/types.js";
import { errorReply } from "../../reply/builders.js";

/** `for: @dana`: post the answer for someone else to see. */
export const forOption: CommandOption = {
  name: "for",
  description: "Post the answer in the channel, addressed to this person",
  kind: "user",
};

/** What a person reference must look like on each platform for the ping to reach one real user. */
const PERSON_ID: Record<Platform, RegExp> = {
  slack: /^[UW][A-Z0-9]{2,}$/,
  discord: /^\d{5,25}$/,
  console: /^[\p{L}\p{N}._-]{1,40}$/u,
  cli: /^[\p{L}\p{N}._-]{1,40}$/u,
};
const BROADCAST_NAMES = new Set(["everyone", "here", "channel", "all"]);

/**
 * Makes a reply public and addressed to one person: only that person's id goes in `mentions`, so the
 * renderers ping them and nobody else. A reference that is not one user on this platform (a plain name
 * on Slack, `@everyone`, a role) is an error rather than a public post that pings no one or too many.
 */
export function addressReply(reply: Reply, person: string | undefined, platform: Platform): Reply {
  if (!person || reply.kind === "error" || reply.kind === "notice") return reply;
  const id = parseUserReference(person);
  if (!id || BROADCAST_NAMES.has(id.toLowerCase()) || !PERSON_ID[platform].test(id)) {
    return errorReply("Who is it for?", `I could not tell who '${person.slice(0, 60)}' is. Mention one person, for example for: @dana`);
  }
  return { ...reply, visibility: "public", mentions: [id], share: undefined };
}
