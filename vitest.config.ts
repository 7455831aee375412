import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup/fastCheck.ts"],
    // Tests start real HTTP servers on loopback; keep each file isolated but don't oversubscribe two cores.
    pool: "forks",
    testTimeout: 20_000,
  },
});
