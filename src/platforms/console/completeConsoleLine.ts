import type { CommandRegistry } from "../../commands/registry/commandRegistry.js";

/**
 * Tab completion in readline's shape, `[candidates, the text they replace]`: command names after a slash
 * (`/so` → `/source`), then the command's main option from the registry's autocomplete (`/source mins` →
 * the matching sources), exactly as Slack and Discord users get them.
 */
export function completeConsoleLine(registry: CommandRegistry, line: string): [string[], string] {
  const commandOnly = /^\/(\S*)$/.exec(line);
  if (commandOnly) {
    const partial = commandOnly[1]!.toLowerCase();
    const names = registry
      .list()
      .map((command) => `/${command.name}`)
      .filter((name) => name.startsWith(`/${partial}`));
    return [names.length === 1 ? [`${names[0]} `] : names, line];
  }
  const withText = /^\/(\S+)\s+(.*)$/.exec(line);
  if (!withText) return [[], line];
  const definition = registry.get(withText[1]!);
  const option = definition?.options.find((candidate) => candidate.main && candidate.autocomplete);
  if (!definition || !option) return [[], line];
  const partial = withText[2]!;
  return [registry.complete(definition.name, option.name, partial), partial];
}
