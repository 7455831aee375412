/**
 * The process as an operator runs it: SIGTERM under load answers everything accepted, SIGTERM to `npm start`
 * reaches the bot (npm does not leave it running), and an error nothing caught is logged, not fatal.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "undici";
import { describe, expect, it } from "vitest";
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, slackSlashCommand } from "../support/signedRequests.js";

const PLATFORM_VARIABLES = ["SLACK_APP_TOKEN", "DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "DISCORD_PUBLIC_KEY", "DISCORD_GUILD_ID", "LOG_LEVEL", "KNOWLEDGE_DIR", "HOST"];

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of PLATFORM_VARIABLES) env[name] = "";
  return {
    ...env,
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT: "0",
    SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
    // Anything that tries to leave the machine (the startup token check) goes to a closed loopback port.
    HTTPS_PROXY: "http://127.0.0.1:9",
    https_proxy: "http://127.0.0.1:9",
    NO_PROXY: "",
    no_proxy: "",
  };
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  exited: Promise<number | null>;
  port: Promise<number>;
}

function run(command: string, args: string[]): Running {
  const child = spawn(command, args, { env: environment(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", () => {});
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 20 s:\n${stdout}`)), 20_000);
    const look = () => {
      const found = /"port":(\d+)[^\n]*"msg":"listening"/.exec(stdout)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(Number(found));
      } else setTimeout(look, 25);
    };
    look();
  });
  return { child, stdout: () => stdout, exited, port };
}

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/healthz`);
    return false;
  } catch {
    return true;
  }
}

describe("SIGTERM", () => {
  it("300 ms into 300 simultaneous requests: every one accepted is answered, and the bot exits 0", async () => {
    const bot = run(process.execPath, ["--import", "tsx", "src/bin/main.ts"]);
    try {
      const port = await bot.port;
      // One connection per request, all at once, as the load that found the resets.
      const agent = new Agent({ connections: 300, pipelining: 0 });
      const requests = Array.from({ length: 300 }, (_, i) => slackSlashCommand("source", "minsk", `U${String(i).padStart(8, "0")}`));
      const sent = requests.map((signed) =>
        request(`http://127.0.0.1:${port}${signed.path}`, { method: "POST", headers: signed.headers, body: signed.body, dispatcher: agent }).then(
          async (response) => ({ status: response.statusCode, text: await response.body.text() }),
          (error: Error) => ({ status: 0, text: error.message }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      bot.child.kill("SIGTERM");
      const answers = await Promise.all(sent);
      await agent.close();
      const failures = answers.filter((answer) => answer.status !== 200);
      expect(failures).toEqual([]);
      expect(answers.every((answer) => answer.text.includes("Minsk accords"))).toBe(true);
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).toContain('"msg":"stopped"');
    } finally {
      bot.child.kill("SIGKILL");
    }
  }, 40_000);

  it("sent to `npm start` reaches the bot: it stops serving and exits, instead of running on without npm", async () => {
    const npm = run("npm", ["start", "--silent"]);
    try {
      const port = await npm.port;
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      npm.child.kill("SIGTERM");
      await npm.exited;
      const deadline = Date.now() + 10_000;
      while (!(await refused(port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await refused(port)).toBe(true);
      expect(npm.stdout()).toContain('"msg":"stopped"');
    } finally {
      npm.child.kill("SIGKILL");
    }
  }, 40_000);
});

describe("an error nothing caught", () => {
  it("is logged, and the process keeps running", async () => {
    const child = run(process.execPath, ["--import", "tsx", "tests/security/fixtures/unguardedErrors.ts"]);
    expect(await child.exited).toBe(0);
    const lines = child.stdout();
    expect(lines).toContain("still serving");
    expect(lines).toMatch(/"msg":"unhandled promise rejection; still serving"/);
    expect(lines).toContain("a rejection nobody awaited");
    expect(lines).toMatch(/"msg":"uncaught exception; still serving"/);
    expect(lines).toContain("a throw in a timer");
  });
});
