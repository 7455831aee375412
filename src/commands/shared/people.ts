import type { PlatformTraits } from "../registry/types.js";

/** Someone named in a command: a platform user (who may be pinged) or a plain name (never pinged). */
export interface Person {
  /** The platform user id, for mentions only. */
  id?: string;
  /**
   * How the person is shown: `@dana`, or the platform's mention (`<@123>`) for a user whose name did not come
   * with the id (Discord never sends one): the platform shows that as the person's name, and renderers keep it
   * live only for the reply's own addressees.
   */
  display: string;
}

/** Not people: naming them must not address or put a whole channel on a team. */
const BROADCASTS = new Set(["everyone", "here", "channel", "all"]);
/** A plain name as typed: `dana`, `@dana`, `dana.lee`. */
const PLAIN_NAME = /^@?([\p{L}\p{N}._-]{1,40})$/u;
/** Role, channel and broadcast tokens (`<@&1>`, `<#C1>`, `<!here>`) are tokens too, and are skipped. */
const TOKEN = /<[^<>]*>|[^\s,;<>]+/g;
const FILLER = new Set(["and", "&", "vs", "+"]);

/**
 * The one user a typed reference names, as the id a reply may ping: the platform's mention (`<@U123|dana>`,
 * `<@123>`) or a bare id or name, as the platform writes a user. Null for anything else: a plain name on a
 * platform of ids, a broadcast (`@everyone`), a role.
 */
export function readPersonId(reference: string, platform: PlatformTraits): string | null {
  const trimmed = reference.trim();
  const id = platform.readMention(trimmed)?.id ?? PLAIN_NAME.exec(trimmed)?.[1];
  if (!id || BROADCASTS.has(id.toLowerCase()) || !platform.isUserId(id)) return null;
  return id;
}

/**
 * People from typed text: the platform's mentions, or plain names. Each person once: the same id twice, or
 * the same name in any case, is one person.
 */
export function parsePeople(text: string, platform: PlatformTraits): Person[] {
  const people: Person[] = [];
  const seen = new Set<string>();
  for (const [token] of text.matchAll(TOKEN)) {
    let person: Person;
    if (token.startsWith("<")) {
      const mentioned = platform.readMention(token);
      if (!mentioned) continue;
      const name = mentioned.name?.trim();
      person = { id: mentioned.id, display: name ? `@${name}` : platform.writeMention(mentioned.id) };
    } else if (!FILLER.has(token.toLowerCase())) {
      const name = token.replace(/^@+/, "").slice(0, 40);
      if (!name || BROADCASTS.has(name.toLowerCase())) continue;
      person = { display: `@${name}` };
    } else continue;
    const key = person.id ? `id:${person.id}` : `name:${person.display.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(person);
  }
  return people;
}
