import type { PlatformTraits } from "../../commands/index.js";

/**
 * A terminal (the console, and the `ask` script): people are plain names, nobody is pinged, one trusted user
 * types, and reminders live in this process.
 */
function terminalTraits(name: string, label: string): PlatformTraits {
  return {
    name,
    label,
    readMention: () => null,
    isUserId: (text) => /^[\p{L}\p{N}._-]{1,40}$/u.test(text),
    writeMention: (id) => `@${id}`,
    followUps: { maxDelaySeconds: Number.POSITIVE_INFINITY, onRestart: "The reminders live in this process: if it stops, they are lost." },
    rateLimited: false,
  };
}

export const consoleTraits = terminalTraits("console", "the console");
export const cliTraits = terminalTraits("cli", "the command line");
