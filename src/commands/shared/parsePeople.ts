/** Someone named in /teams: a platform user (pinged) or a plain name (console; never pinged). */
export interface Person {
  /** The platform user id, for mentions only. */
  id?: string;
  /**
   * How the person is shown: `@dana`, or `<@123>` for a platform user whose name did not come with the id
   * (Discord never sends one): the platform shows that as the person's name, and renderers keep it live only
   * for the reply's own addressees.
   */
  display: string;
}

// Role, channel and broadcast tokens (`<@&1>`, `<#C1>`, `<!here>`) match the middle branch and are skipped.
const TOKEN = /<@!?([A-Z0-9]+)(?:\|([^>]*))?>|<[^>]*>|([^\s,;<>]+)/gi;
const FILLER = new Set(["and", "&", "vs", "+"]);
/** Not people: naming them must not put "@everyone" on a team. */
const BROADCASTS = new Set(["everyone", "here", "channel"]);

/**
 * People from typed text: Slack's `<@U123|dana>`, Discord's `<@123>` / `<@!123>`, or plain names. Each
 * person once: the same id twice, or the same name in any case, is one person.
 */
export function parsePeople(text: string): Person[] {
  const people: Person[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const [, id, label, word] = match;
    let person: Person;
    if (id) person = { id, display: label?.trim() ? `@${label.trim()}` : `<@${id}>` };
    else if (word && !FILLER.has(word.toLowerCase())) person = { display: `@${word.replace(/^@+/, "").slice(0, 40)}` };
    else continue;
    if (!id && BROADCASTS.has(person.display.slice(1).toLowerCase())) continue;
    if (person.display === "@") continue;
    const key = person.id ? `id:${person.id}` : `name:${person.display.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(person);
  }
  return people;
}
