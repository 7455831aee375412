/** Output for a script, so its logic can be tested without a process. */
export interface ScriptIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Runs an npm script's main function with this process's arguments, environment and streams, and exits with
 * the code it returns; an unexpected failure is one line naming the script, never a stack trace.
 */
export function runScript(
  name: string,
  main: (argv: readonly string[], env: NodeJS.ProcessEnv, io: ScriptIo) => Promise<number>,
): void {
  main(process.argv.slice(2), process.env, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
