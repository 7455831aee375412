import { knowledgeFolderOf, type KnowledgeFolder } from "../config/knowledgeFolder.js";
import type { Environment } from "../config/environment.js";

/** A flag a script takes: a switch (`--json`) or one that takes a value (`--limit 5`, `--limit=5`). */
export type FlagKind = "switch" | "value";

export interface ParsedArguments {
  /** Each flag given, by name without dashes: `true` for a switch, the text for a value. */
  flags: Map<string, string | true>;
  positional: string[];
}

/**
 * The one reader of the scripts' arguments (`ask`, `knowledge`, `slack:manifest`, `discord:register`): the
 * flags a script takes, `--` skipped (npm passes it through), everything else positional when the script
 * takes positional words. Anything else is a UsageError naming it, rather than a flag silently ignored.
 */
export function parseArguments(argv: readonly string[], flags: Readonly<Record<string, FlagKind>>, options: { positional?: boolean } = {}): ParsedArguments {
  const parsed: ParsedArguments = { flags: new Map(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (!arg.startsWith("--")) {
      if (!options.positional) throw new UsageError(`unknown argument ${arg.slice(0, 80)}`);
      parsed.positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const kind = flags[name];
    if (!kind) throw new UsageError(`unknown argument ${arg.slice(0, 80)}`);
    if (kind === "switch") {
      if (equals !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.set(name, true);
      continue;
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || (equals === -1 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
    parsed.flags.set(name, value);
  }
  return parsed;
}

/** Flags shared by the `ask` and `knowledge` scripts. */
export interface CliArguments {
  json: boolean;
  batch: boolean;
  knowledge: KnowledgeFolder;
  limit: number;
  positional: string[];
}

export const DEFAULT_RESULT_LIMIT = 5;

export function parseCliArguments(argv: readonly string[], env: Environment = process.env): CliArguments {
  const { flags, positional } = parseArguments(argv, { json: "switch", batch: "switch", knowledge: "value", limit: "value" }, { positional: true });
  const limit = flags.get("limit");
  return {
    json: flags.has("json"),
    batch: flags.has("batch"),
    knowledge: knowledgeFolderOf(env, stringFlag(flags, "knowledge")),
    limit: typeof limit === "string" ? parseLimit(limit) : DEFAULT_RESULT_LIMIT,
    positional,
  };
}

/** A value flag's text, or undefined when it was not given. */
export function stringFlag(flags: ParsedArguments["flags"], name: string): string | undefined {
  const value = flags.get(name);
  return typeof value === "string" ? value : undefined;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError("--limit takes a whole number from 1 to 100");
  return limit;
}

export class UsageError extends Error {}
