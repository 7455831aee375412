// @ts-check
/**
 * Mutation testing of the code that guards the door: `npm run mutate` (not part of `npm test`; a few minutes).
 * Each mutant is one small change to a verifier or the body reader; the suite must fail for every change that
 * alters behaviour. The HTML report lands in reports/mutation/.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  mutate: [
    "src/platforms/slack/verify.ts",
    "src/platforms/discord/verify.ts",
    // The request handler (headers, body, signature, shape, replay) and its refusals; the answering after it is
    // marked `Stryker disable` in the file.
    "src/platforms/discord/createDiscordInteractionsHandler.ts",
    "src/http/signatureCheck.ts",
    "src/http/readBody.ts",
    "src/http/replayGuard.ts",
  ],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
