import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PLATFORM_APIS = fileURLToPath(new URL("./fixtures/platformApis.ts", import.meta.url));
/** Variables of the test runner's environment that would change what the bot starts. */
const CLEARED = ["SLACK_APP_TOKEN", "DISCORD_TOKEN", "DISCORD_PUBLIC_KEY", "DISCORD_APPLICATION_ID", "DISCORD_GUILD_ID", "REDIS_URL", "STORE", "DATA_DIR", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "LOG_LEVEL"];

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  stdout(): string;
  /** SIGKILL, as a crash or an OOM kill: nothing is cleaned up. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/**
 * `npm start` as a container runs it (node and the tsx loader, so signals reach the bot), with Slack's and
 * Discord's APIs mocked at the wire inside it (fixtures/platformApis.ts). Resolves once it logs "listening".
 */
export async function startBot(env: Record<string, string>, postsFile: string): Promise<BotProcess> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete base[name];
  const child = spawn(process.execPath, ["--import", "tsx", "--import", PLATFORM_APIS, "src/bin/main.ts"], {
    env: { ...base, HOST: "127.0.0.1", PORT: "0", KNOWLEDGE_DIR: "knowledge", ...env, PLATFORM_POSTS_FILE: postsFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => started.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    const deadline = Date.now() + 40_000;
    const look = () => {
      const found = /"port":(\d+)[^\n]*"msg":"listening"/.exec(stdout)?.[1];
      if (found) return resolve(Number(found));
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`the bot did not start:\n${stdout}\n${stderr}`));
      setTimeout(look, 50);
    };
    look();
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    await exited;
  };
  return { child, pid: child.pid!, port, url: `http://127.0.0.1:${port}`, stdout: () => stdout, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

export interface PostedMessage {
  api: "slack" | "discord";
  pid: number;
  at: number;
  body: Record<string, string>;
}

/** Every message the bots have posted so far, in order. */
export function postedMessages(file: string): PostedMessage[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PostedMessage);
}

/** Sends a signed request (tests/support/signedRequests.ts) to a bot. */
export async function sendSigned(bot: BotProcess, request: { path: string; headers: Record<string, string>; body: string }) {
  const response = await fetch(`${bot.url}${request.path}`, { method: "POST", headers: request.headers, body: request.body });
  return { status: response.status, text: await response.text() };
}
