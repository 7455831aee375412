/** Environment variables as the process has them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Reads one variable: its value trimmed, or undefined when it is unset or empty. */
export type ReadVariable = (name: string) => string | undefined;

/**
 * A reader of `env` that every part of the configuration shares (the general variables and each platform's).
 * A value wrapped in quotes is one problem line (dotenv strips quotes, but Docker's --env-file and some
 * orchestrators keep them as part of the value), and the value inside is read as usual.
 */
export function variableReader(env: Environment, problems: string[]): ReadVariable {
  const quotedNames = new Set<string>();
  return (name) => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
    if (!quoted) return value;
    if (!quotedNames.has(name)) problems.push(`${name} is wrapped in quotes: remove them (Docker's --env-file keeps quotes as part of the value).`);
    quotedNames.add(name);
    return quoted[2]!.trim() || undefined;
  };
}
