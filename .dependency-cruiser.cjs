/**
 * Which folder may import which: the layering of Ground Truth, checked by `npm test`
 * (tests/architecture/imports.test.ts) and readable with `npm run imports`.
 *
 * The direction is one way: a document's text knows nothing of chat; commands know documents and replies but no
 * platform; each platform knows the core but no other platform; the entry points in src/bin/ know everything.
 * docs/architecture.md explains the seams these rules keep open.
 */
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A cycle makes two modules one; split what both need into a third.",
      severity: "error",
      from: { path: "^(src|tests|bench)/" },
      to: { circular: true },
    },
    {
      name: "knowledge-imports-only-text",
      comment: "Reading and searching a document must not depend on chat, commands, platforms or storage.",
      severity: "error",
      from: { path: "^src/knowledge/" },
      to: { path: "^src/", pathNot: "^src/(knowledge|text)/" },
    },
    {
      name: "text-and-reply-stand-alone",
      comment: "src/text/ (text helpers) and src/reply/ (the reply contract) are leaves everyone may import.",
      severity: "error",
      from: { path: "^src/(text|reply)/" },
      to: { path: "^src/", pathNot: "^src/(text|reply)/" },
    },
    {
      name: "commands-know-no-platform",
      comment:
        "Commands answer with a neutral Reply; how it is drawn, sent and served belongs to platforms, renderers, " +
        "http/, app/ and the entry points. A platform tells commands what they need through PlatformTraits.",
      severity: "error",
      from: { path: "^src/commands/" },
      to: { path: "^src/(platforms|render|http|app|bin|cli)/" },
    },
    {
      name: "no-platform-imports-another",
      comment: "What two platforms need lives in the core (commands, render, http, app), not in one of them.",
      severity: "error",
      from: { path: "^src/platforms/([^/]+)/" },
      to: { path: "^src/platforms/", pathNot: ["^src/platforms/$1/", "^src/platforms/types\\.ts$"] },
    },
    {
      name: "store-knows-no-chat",
      comment: "Storage backends serve every platform and command; they must not reach back into them.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(commands|platforms|render|bin|cli)/" },
    },
    {
      name: "http-knows-no-platform",
      comment: "Platforms register their routes with the server; the server names none of them.",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^src/(platforms|commands|bin|cli)/" },
    },
    {
      name: "shared-rendering-knows-no-platform",
      comment: "src/render/ holds what every renderer shares; a platform's own renderer lives in its folder.",
      severity: "error",
      from: { path: "^src/render/" },
      to: { path: "^src/(platforms|commands|http|app|bin|cli)/" },
    },
    {
      name: "src-never-imports-tests-or-bench",
      comment: "Shipped code must not depend on test or benchmark code.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|bench)/" },
    },
    {
      name: "tests-never-import-bench",
      comment: "What tests share with benchmarks lives in tests/support/ (bench imports it, never the reverse).",
      severity: "error",
      from: { path: "^tests/" },
      to: { path: "^bench/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too: a command that imports a platform's types knows that platform.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(tests/fixtures|node_modules|dist)/" },
  },
};
