/**
 * The production HTTP server (both platforms in HTTP mode, wired as main.ts wires it) with every command run
 * recorded and every log line captured, plus a raw-socket client for requests no HTTP library would send
 * (a body that never finishes, headers that trickle in).
 */
import { connect, type Socket } from "node:net";
import { Writable } from "node:stream";
import nock from "nock";
import { botEnvironment, createDiscordKeys, type DiscordKeys } from "../support/signedRequests.js";
import { startBotServer, type BotServer } from "../support/startBotServer.js";
import { createLogger } from "../../src/logger.js";

export interface BotUnderTest {
  bot: BotServer;
  keys: DiscordKeys;
  /** Command runs, button invocations and autocompletes, in order. */
  runs: string[];
  logLines(): Array<Record<string, unknown>>;
  logText(): string;
  close(): Promise<void>;
}

export async function startBotUnderTest(env: Record<string, string> = {}): Promise<BotUnderTest> {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  nock("https://slack.com").post("/api/auth.test").reply(200, { ok: true, team: "Test", user_id: "UBOT", bot_id: "BBOT" });
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const keys = createDiscordKeys();
  const runs: string[] = [];
  const bot = await startBotServer({
    env: botEnvironment(keys.publicKeyHex, env),
    logger: createLogger({ level: "info", destination }),
    around: [
      (request, next) => {
        runs.push(`run ${request.command}`);
        return next(request);
      },
    ],
  });
  for (const method of ["runInvocation", "complete"] as const) {
    const original = bot.registry[method].bind(bot.registry) as (...args: unknown[]) => unknown;
    Object.defineProperty(bot.registry, method, {
      value: (...args: unknown[]) => {
        runs.push(method);
        return original(...args);
      },
    });
  }
  const logText = () => chunks.join("");
  return {
    bot,
    keys,
    runs,
    logText,
    logLines: () => logText().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      await bot.close();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

export interface RawResponse {
  /** The status line's code, or 0 if the server closed without answering. */
  status: number;
  head: string;
  body: string;
  /** Milliseconds from connecting to the server closing the connection (or to the answer, if it stayed open). */
  ms: number;
}

/**
 * Sends `head` (request line and headers, without the blank line) and then `body`, and resolves with what the
 * server answered once it closes the connection or `waitMs` passes. The body may be shorter than the
 * Content-Length it announces: the point is to see the server answer without waiting for the rest.
 */
export function rawRequest(port: number, head: string, body: Buffer | string = "", waitMs = 2_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, "127.0.0.1");
    let received = "";
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const [headPart = "", ...rest] = received.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headPart)?.[1] ?? 0), head: headPart, body: rest.join("\r\n\r\n"), ms: Date.now() - started });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("connect", () => socket.write(`${head}\r\n\r\n`));
    socket.once("connect", () => {
      if (body.length > 0) socket.write(body);
    });
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
    socket.on("close", finish);
    socket.on("error", () => {});
  });
}

/** Opens a connection and keeps it, sending `head` (if any) and nothing more. */
export function openIdle(port: number, head = ""): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      if (head) socket.write(head);
      resolve(socket);
    });
    socket.on("error", reject);
  });
}
