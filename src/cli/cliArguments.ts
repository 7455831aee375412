/** Flags shared by the `ask` and `knowledge` scripts. */
export interface CliArguments {
  json: boolean;
  batch: boolean;
  knowledgeDir: string;
  limit: number;
  positional: string[];
}

export const DEFAULT_RESULT_LIMIT = 5;

export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArguments {
  const args: CliArguments = {
    json: false,
    batch: false,
    knowledgeDir: env.KNOWLEDGE_DIR || "knowledge",
    limit: DEFAULT_RESULT_LIMIT,
    positional: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") args.json = true;
    else if (arg === "--batch") args.batch = true;
    else if (arg === "--knowledge") args.knowledgeDir = requireValue(argv[++i], "--knowledge");
    else if (arg.startsWith("--knowledge=")) args.knowledgeDir = arg.slice("--knowledge=".length);
    else if (arg === "--limit") args.limit = parseLimit(requireValue(argv[++i], "--limit"));
    else if (arg === "--") continue;
    else args.positional.push(arg);
  }
  return args;
}

function requireValue(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError("--limit takes a whole number from 1 to 100");
  return limit;
}

export class UsageError extends Error {}
