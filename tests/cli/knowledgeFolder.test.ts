import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run knowledge with a knowledge folder that does not exist", () => {
  it("says so in one line and exits 1, instead of listing nothing", async () => {
    const failure = await run(process.execPath, ["--import", "tsx", "src/bin/knowledge.ts"], {
      env: { ...process.env, KNOWLEDGE_DIR: "knowlege" },
      timeout: 15_000,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: "" });
    expect((failure as { stderr: string }).stderr).toMatch(/^knowledge: KNOWLEDGE_DIR "knowlege" \(.*\) does not exist[^\n]*\n$/);
  });
});
