import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/**
 * Imports go one way (.dependency-cruiser.cjs says which and why). The first test checks the repository; the
 * second plants one violation of every rule in a throw-away tree, next to imports the rules allow, and asks that
 * exactly the planted ones are reported, so a rule that silently stopped matching would fail here.
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CONFIG_FILE = join(repositoryRoot, ".dependency-cruiser.cjs");

interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface Cruised {
  violations: Violation[];
  /** Project modules read: a tree misread as empty would keep every rule. */
  modules: number;
  /** Relative imports that resolved to no file: an import the rules could not see. */
  unresolved: string[];
}

async function cruiseTree(root: string, folders: string[]): Promise<Cruised> {
  const options = await extractDepcruiseOptions(CONFIG_FILE);
  const tsConfigFile = join(root, "tsconfig.json");
  const { output } = await cruise(
    folders,
    {
      ...options,
      baseDir: root,
      outputType: "json",
      tsConfig: { fileName: tsConfigFile },
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const result = (typeof output === "string" ? JSON.parse(output) : output) as ICruiseResult;
  return {
    violations: result.summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to })),
    modules: result.modules.filter((module) => /^(src|tests|bench)\//.test(module.source)).length,
    unresolved: result.modules.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.couldNotResolve && dependency.module.startsWith(".")).map((dependency) => `${module.source} → ${dependency.module}`),
    ),
  };
}

describe("import boundaries", () => {
  it("the repository keeps every rule", async () => {
    const { violations, modules, unresolved } = await cruiseTree(repositoryRoot, ["src", "tests", "bench"]);
    expect(modules).toBeGreaterThan(300);
    expect(unresolved).toEqual([]);
    expect(violations.map(({ rule, from, to }) => `${rule}: ${from} → ${to}`)).toEqual([]);
  }, 180_000);

  describe("a planted violation of each rule is reported", () => {
    const root = mkdtempSync(join(tmpdir(), "ground-truth-imports-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    /** Writes a module that imports the given repository paths (relative to the tree's root). */
    const plant = (file: string, imports: string[] = []) => {
      const path = join(root, file);
      mkdirSync(dirname(path), { recursive: true });
      const lines = imports.map((target, i) => {
        const specifier = relative(dirname(file), target).replace(/\.ts$/, ".js");
        return `import * as m${i} from "${specifier.startsWith(".") ? specifier : `./${specifier}`}";\nexport const v${i} = m${i};`;
      });
      writeFileSync(path, `${lines.join("\n")}\nexport const here = ${JSON.stringify(file)};\n`);
    };

    it("finds exactly the planted imports", async () => {
      writeFileSync(
        join(root, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true },
          include: ["src", "tests", "bench"],
        }),
      );
      // Leaves and the seam every platform may import.
      plant("src/text/normalize.ts");
      plant("src/reply/types.ts", ["src/text/normalize.ts"]);
      plant("src/platforms/types.ts", ["src/reply/types.ts"]);
      plant("src/render/truncate.ts", ["src/text/normalize.ts"]);
      plant("src/http/server.ts", ["src/reply/types.ts"]);
      plant("src/app/serve.ts", ["src/http/server.ts"]);
      plant("src/bin/main.ts", ["src/app/serve.ts", "src/platforms/slack/adapter.ts"]);
      plant("src/store/store.ts");
      plant("tests/support/sign.ts");
      plant("bench/load.bench.ts", ["tests/support/sign.ts", "src/app/serve.ts"]);
      // Allowed: knowledge → text, commands → knowledge and reply, a platform → the core and its own files.
      plant("src/knowledge/search.ts", ["src/text/normalize.ts"]);
      plant("src/commands/ask.ts", ["src/knowledge/search.ts", "src/reply/types.ts", "src/store/store.ts"]);
      plant("src/platforms/slack/render.ts", ["src/render/truncate.ts"]);
      plant("src/platforms/slack/adapter.ts", [
        "src/platforms/types.ts",
        "src/platforms/slack/render.ts",
        "src/commands/ask.ts",
        "src/http/server.ts",
      ]);
      plant("src/platforms/discord/adapter.ts", ["src/platforms/types.ts"]);

      // One violation of each rule.
      plant("src/knowledge/leak.ts", ["src/commands/ask.ts"]);
      plant("src/text/leak.ts", ["src/knowledge/search.ts"]);
      plant("src/reply/leak.ts", ["src/render/truncate.ts"]);
      plant("src/commands/leak.ts", ["src/platforms/slack/render.ts"]);
      plant("src/platforms/discord/leak.ts", ["src/platforms/slack/render.ts"]);
      plant("src/store/leak.ts", ["src/commands/ask.ts"]);
      plant("src/http/leak.ts", ["src/platforms/types.ts"]);
      plant("src/render/leak.ts", ["src/platforms/discord/adapter.ts"]);
      plant("src/app/leak.ts", ["tests/support/sign.ts"]);
      plant("tests/leak.test.ts", ["bench/load.bench.ts"]);
      plant("tests/cycleA.ts", ["tests/cycleB.ts"]);
      plant("tests/cycleB.ts", ["tests/cycleA.ts"]);

      const { violations, unresolved } = await cruiseTree(root, ["src", "tests", "bench"]);
      expect(unresolved).toEqual([]);
      const found = violations
        .map(({ rule, from, to }) => `${rule}: ${from} → ${to}`)
        .sort();
      expect(found).toEqual(
        [
          "knowledge-imports-only-text: src/knowledge/leak.ts → src/commands/ask.ts",
          "text-and-reply-stand-alone: src/text/leak.ts → src/knowledge/search.ts",
          "text-and-reply-stand-alone: src/reply/leak.ts → src/render/truncate.ts",
          "commands-know-no-platform: src/commands/leak.ts → src/platforms/slack/render.ts",
          "no-platform-imports-another: src/platforms/discord/leak.ts → src/platforms/slack/render.ts",
          "store-knows-no-chat: src/store/leak.ts → src/commands/ask.ts",
          "http-knows-no-platform: src/http/leak.ts → src/platforms/types.ts",
          "shared-rendering-knows-no-platform: src/render/leak.ts → src/platforms/discord/adapter.ts",
          "src-never-imports-tests-or-bench: src/app/leak.ts → tests/support/sign.ts",
          "tests-never-import-bench: tests/leak.test.ts → bench/load.bench.ts",
          // A cycle is reported once, at the first module of it.
          "no-cycles: tests/cycleA.ts → tests/cycleB.ts",
        ].sort(),
      );
    }, 120_000);
  });
});
