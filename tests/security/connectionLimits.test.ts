/**
 * What one unauthenticated client can hold: connections (capped, the longest-waiting give way), bytes of
 * bodies in progress (capped, the oldest upload gives way), and time (header and request timeouts that fire
 * when documented, not a check-interval later). Every limit that bites is logged, once a minute per reason.
 */
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import {
  createHttpServer,
  HEADERS_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  TIMEOUT_CHECK_INTERVAL_MS,
  type HttpServerOptions,
} from "../../src/http/createHttpServer.js";
import { readBody } from "../../src/http/readBody.js";
import { shutdownHttpServer } from "../../src/http/shutdownHttpServer.js";
import { openIdle, rawRequest } from "./botUnderTest.js";

const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => shutdownHttpServer(server, 200)));
});

interface Started {
  port: number;
  server: Server;
  logs: () => Array<Record<string, unknown>>;
}

/** A server whose platform path reads the body with readBody and echoes its length. */
async function start(options: Partial<HttpServerOptions> = {}): Promise<Started> {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const server = createHttpServer({
    health: () => ({ documents: 1, passages: 1, errors: 0 }),
    logger,
    routes: [
      {
        path: "/discord/interactions",
        handler: async (req, res) => {
          const read = await readBody(req, 1024 * 1024);
          const text = read.ok ? String(read.body.length) : "";
          res.writeHead(read.ok ? 200 : read.status, { "content-length": Buffer.byteLength(text) }).end(text);
        },
      },
    ],
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    logs: () => lines.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const post = (body: string) => ["POST /discord/interactions HTTP/1.1", "Host: x", `Content-Length: ${Buffer.byteLength(body)}`, "Connection: close"].join("\r\n");

async function hold(port: number, count: number, head = ""): Promise<Socket[]> {
  const held = await Promise.all(Array.from({ length: count }, () => openIdle(port, head)));
  // Read whatever comes back, so a server's close is seen.
  for (const socket of held) socket.resume();
  sockets.push(...held);
  return held;
}

const closed = (socket: Socket) => socket.destroyed || socket.readableEnded;

describe("the connection cap", () => {
  it("answers a legitimate request with 40 idle connections held against a cap of 20, closing the longest-idle", async () => {
    const { port, logs } = await start({ maxConnections: 20 });
    const idle = await hold(port, 40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await rawRequest(port, post("hello"), "hello");
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("5");
    // The first half gave way to the second; the server never held more than its cap.
    expect(idle.slice(0, 20).every(closed)).toBe(true);
    expect(logs()).toContainEqual(expect.objectContaining({ msg: "connection limit", reason: expect.stringMatching(/^connection limit reached/), limit: 20 }));
  });

  it("keeps a keep-alive connection that has been answered, closing sockets that never sent a request first", async () => {
    const { port } = await start({ maxConnections: 10 });
    const [client] = await hold(port, 1);
    const ask = (body: string) =>
      new Promise<string>((resolve) => {
        let received = "";
        const onData = (chunk: Buffer) => {
          received += chunk.toString();
          if (/\r\n\r\n\d+$/.test(received)) {
            client!.off("data", onData);
            resolve(received);
          }
        };
        client!.on("data", onData);
        client!.write(`POST /discord/interactions HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      });
    expect(await ask("first")).toMatch(/^HTTP\/1\.1 200/);
    const flood = await hold(port, 30);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client!.destroyed).toBe(false);
    expect(await ask("second")).toMatch(/^HTTP\/1\.1 200[\s\S]*\r\n\r\n6$/);
    expect(flood.filter(closed).length).toBeGreaterThanOrEqual(20);
  });

  it("logs the cap once a minute, however often it bites", async () => {
    const { port, logs } = await start({ maxConnections: 5 });
    await hold(port, 30);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = logs().filter((line) => line.reason === "connection limit reached: closed the longest-waiting connection");
    expect(lines).toHaveLength(1);
  });

  it("closes slow uploads, oldest first, rather than refuse new ones, when the budget for bodies in progress is spent", async () => {
    const { port, logs } = await start({ maxBufferedBodyBytes: 256 * 1024 });
    // Eight uploads announce 100 KB each and send 40 KB: together past the budget.
    const head = ["POST /discord/interactions HTTP/1.1", "Host: x", "Content-Length: 102400", "", ""].join("\r\n");
    const uploads: Socket[] = [];
    for (let i = 0; i < 8; i++) {
      const [socket] = await hold(port, 1, head);
      socket!.write(Buffer.alloc(40 * 1024, 0x61));
      uploads.push(socket!);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(uploads.slice(0, 2).some(closed)).toBe(true);
    expect(uploads.at(-1)!.destroyed).toBe(false);
    const answer = await rawRequest(port, post("legit"), "legit");
    expect(answer.status).toBe(200);
    expect(logs()).toContainEqual(expect.objectContaining({ reason: "request body budget full: closed the oldest unfinished upload" }));
  });
});

describe("timeouts fire when documented", () => {
  it("are 15 s for headers and 30 s for the whole request, checked every second (Node's default check is every 30 s)", async () => {
    const { server } = await start();
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS]).toEqual([15_000, 30_000, 1_000]);
    expect(server.headersTimeout).toBe(15_000);
    expect(server.requestTimeout).toBe(30_000);
  });

  it("cut a client that trickles headers (slowloris) at the header timeout, not a check interval later, with 408", async () => {
    const { port, logs } = await start({ headersTimeoutMs: 400, requestTimeoutMs: 1_000, timeoutCheckIntervalMs: 50 });
    const started = Date.now();
    const [socket] = await hold(port, 1, "POST /discord/interactions HTTP/1.1\r\nHost: x\r\n");
    const trickle = setInterval(() => socket!.writable && socket!.write("X-Slow: 1\r\n"), 50);
    let received = "";
    socket!.on("data", (chunk: Buffer) => (received += chunk.toString()));
    await new Promise<void>((resolve) => socket!.on("close", () => resolve()));
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(700);
    expect(logs()).toContainEqual(expect.objectContaining({ reason: "request timed out (408)" }));
  });

  it("cut a body sent a byte at a time at the request timeout", async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
    const started = Date.now();
    const [socket] = await hold(port, 1, "POST /discord/interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    const trickle = setInterval(() => socket!.writable && socket!.write("a"), 50);
    await new Promise<void>((resolve) => socket!.on("close", () => resolve()));
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(590);
    expect(elapsed).toBeLessThan(900);
  });

  it("cut a connection that sends nothing at the header timeout", async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
    const started = Date.now();
    const [socket] = await hold(port, 1);
    await new Promise<void>((resolve) => socket!.on("close", () => resolve()));
    expect(Date.now() - started).toBeLessThan(600);
  });
});

describe("the default connection cap", () => {
  it("is 512, or half the process's descriptor limit when that is lower", async () => {
    const { defaultMaxConnections } = await import("../../src/http/connectionGuard.js");
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const folder = await mkdtemp(`${tmpdir()}/limits-`);
    const limits = (soft: number) => `Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${soft}                 1048576              files\n`;
    await writeFile(`${folder}/low`, limits(256));
    await writeFile(`${folder}/high`, limits(65536));
    expect(defaultMaxConnections(`${folder}/low`)).toBe(128);
    expect(defaultMaxConnections(`${folder}/high`)).toBe(512);
    expect(defaultMaxConnections(`${folder}/missing`)).toBe(512);
  });
});
