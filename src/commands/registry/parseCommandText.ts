import type { CommandDefinition } from "./types.js";

/**
 * Turns typed text into option values: `why did talks fail for: @dana doc: water-wars` gives
 * `{ question: "why did talks fail", for: "@dana", document: "water-wars" }`. Named options are
 * written `name: value`; whatever is left goes to the command's main option.
 */
export function parseCommandText(definition: CommandDefinition, text: string): Record<string, string> {
  // The main option can be named too (`/thesis document: canal`); unnamed text still goes to it.
  const named = definition.options;
  const args: Record<string, string> = {};
  let rest = text;
  if (named.length > 0) {
    const marks = [...rest.matchAll(namedOptionPattern(definition))].map((match) => ({
      name: match[1]!.toLowerCase() === "doc" ? "document" : match[1]!.toLowerCase(),
      start: match.index!,
      valueStart: match.index! + match[0].length,
    }));
    marks.forEach((mark, i) => {
      const end = marks[i + 1]?.start ?? rest.length;
      const value = rest.slice(mark.valueStart, end).trim();
      if (value) args[mark.name] = value;
    });
    if (marks.length > 0) rest = rest.slice(0, marks[0]!.start);
  }
  const main = definition.options.find((option) => option.main);
  if (main && rest.trim() && !args[main.name]) args[main.name] = rest.trim();
  return args;
}

/** `name:` for each of a command's options (and `doc:` for `document:`), built once per command. */
const namedOptionPatterns = new WeakMap<CommandDefinition, RegExp>();

function namedOptionPattern(definition: CommandDefinition): RegExp {
  let pattern = namedOptionPatterns.get(definition);
  if (!pattern) {
    const options = definition.options;
    const names = options.map((option) => option.name).concat(options.some((o) => o.name === "document") ? ["doc"] : []);
    pattern = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join("|")}):\\s*`, "gi");
    namedOptionPatterns.set(definition, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
