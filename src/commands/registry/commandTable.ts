import type { CommandDefinition } from "./types.js";

/** The README's command table, generated from the registry so the docs list exactly what is registered. */
export function renderCommandTable(commands: readonly CommandDefinition[]): string {
  const rows = commands.map((command) => {
    const usage = `/${command.name}${command.usage ? ` ${command.usage}` : ""}`;
    return `| \`${escapeCell(usage)}\` | ${escapeCell(command.description)} |`;
  });
  return ["| Command | What it does |", "| --- | --- |", ...rows].join("\n") + "\n";
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
