import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../src/platforms/index.js";

/**
 * Adding a platform is one folder in src/platforms/ and one line in its index (docs/architecture.md). These
 * checks keep that true: a folder that is not in the list would silently never start, and a variable a
 * platform reads but .env.example does not name would be found only by reading its code.
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const platformsFolder = join(repositoryRoot, "src/platforms");

const folders = readdirSync(platformsFolder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The files every platform folder has, whatever it talks to. */
const EVERY_PLATFORM_HAS = ["adapter.ts", "traits.ts", "render.ts"];

describe("the platform seam", () => {
  it("lists every platform folder once, under the folder's name", () => {
    expect(folders.length).toBeGreaterThanOrEqual(3);
    expect(PLATFORMS.map((platform) => platform.name).sort()).toEqual(folders);
  });

  it.each(folders)("%s has an adapter, its traits and its renderer, and a config file when it reads variables", (folder) => {
    const platform = PLATFORMS.find((candidate) => candidate.name === folder)!;
    const expected = [...EVERY_PLATFORM_HAS, ...(platform.variables.length > 0 ? ["config.ts"] : [])];
    expect(expected.filter((file) => !existsSync(join(platformsFolder, folder, file)))).toEqual([]);
    expect(platform.traits.name).toBe(folder);
  });

  it("names every platform's variables in .env.example", () => {
    const documented = new Set([...readFileSync(join(repositoryRoot, ".env.example"), "utf8").matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const variables = PLATFORMS.flatMap((platform) => platform.variables);
    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((variable) => !documented.has(variable))).toEqual([]);
  });
});
