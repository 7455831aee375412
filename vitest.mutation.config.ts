import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests `npm run mutate` runs against each mutant of the verifiers and the body reader: the fast ones that
 * exercise them in-process on a bare server. (The end-to-end tests in tests/security start the whole bot in
 * each file, which against every mutant would take hours; tests that start it as a child process cannot see a
 * mutant at all.)
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        "tests/security/verifierUnits.test.ts",
        "tests/security/readBody.test.ts",
        "tests/security/replayGuard.test.ts",
        "tests/discord/verifyDiscordSignature.test.ts",
      ],
    },
  }),
);
