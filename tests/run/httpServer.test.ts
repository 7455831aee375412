import { request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServerOptions } from "../../src/http/createHttpServer.js";
import { shutdownHttpServer } from "../../src/http/shutdownHttpServer.js";

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => shutdownHttpServer(server, 100)));
});

async function listen(options: Partial<HttpServerOptions> = {}): Promise<string> {
  const server = createHttpServer({ health: () => ({ documents: 1, passages: 42, errors: 0 }), ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Sent {
  status: number;
  body: string;
}

/** A raw node:http request, so the test controls Content-Length and chunking. */
function send(url: string, options: { method?: string; body?: Buffer; chunked?: boolean; agent?: false } = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.body && !options.chunked) headers["Content-Length"] = options.body.length;
    const req = request(url, { method: options.method ?? "GET", headers, ...(options.agent === false ? { agent: false } : {}) }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    if (options.body && options.chunked) {
      for (let i = 0; i < options.body.length; i += 64 * 1024) req.write(options.body.subarray(i, i + 64 * 1024));
    } else if (options.body) {
      req.write(options.body);
    }
    req.end();
  });
}

describe("createHttpServer", () => {
  it("answers /healthz with the knowledge counts, 200 when documents are loaded", async () => {
    const url = await listen();
    const health = await send(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok", documents: 1, passages: 42, errors: 0 });
  });

  it("shows the store's health, and a store that is down as degraded (200: answers go on)", async () => {
    const up = await listen({ health: () => ({ documents: 1, passages: 42, errors: 0, store: { backend: "redis", status: "ok" } }) });
    expect(JSON.parse((await send(`${up}/healthz`)).body)).toMatchObject({ status: "ok", store: { backend: "redis", status: "ok" } });
    const store = { backend: "redis", status: "unavailable" as const, reason: "no answer from Redis at 127.0.0.1:6390" };
    const down = await listen({ health: () => ({ documents: 1, passages: 42, errors: 0, store }) });
    const health = await send(`${down}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: "degraded", store });
  });

  it("answers /healthz with 503 when no document loaded", async () => {
    const url = await listen({ health: () => ({ documents: 0, passages: 0, errors: 2 }) });
    const health = await send(`${url}/healthz`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ documents: 0, errors: 2 });
  });

  it("routes each platform's path to its handler, and 404s everything else", async () => {
    const url = await listen({
      routes: [
        { path: "/slack/events", handler: (_req, res) => void res.end("slack handled") },
        { path: "/discord/interactions", handler: (_req, res) => void res.end("discord handled") },
      ],
    });
    expect(await send(`${url}/slack/events`, { method: "POST", body: Buffer.from("x") })).toEqual({ status: 200, body: "slack handled" });
    expect(await send(`${url}/discord/interactions`, { method: "POST", body: Buffer.from("{}") })).toEqual({ status: 200, body: "discord handled" });
    expect((await send(`${url}/discord/interactions`)).status).toBe(405);
    expect((await send(`${url}/`)).status).toBe(404);
    expect((await send(`${url}/admin`, { method: "POST" })).status).toBe(404);
  });

  it("404s a platform path whose adapter is not configured", async () => {
    const url = await listen({ routes: [{ path: "/discord/interactions", handler: (_req, res) => void res.end("discord handled") }] });
    expect((await send(`${url}/slack/events`, { method: "POST", body: Buffer.from("x") })).status).toBe(404);
  });

  it("refuses a 2 MB body with 413 before the handler runs", async () => {
    let handled = 0;
    const url = await listen({ routes: [{ path: "/discord/interactions", handler: (_req, res) => void (handled++, res.end("handled")) }] });
    const refused = await send(`${url}/discord/interactions`, { method: "POST", body: Buffer.alloc(2 * 1024 * 1024, 0x61) });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error).toMatch(/larger than 1048576 bytes/);
    expect(handled).toBe(0);
  });

  it("turns a handler's exception into a 500 and keeps serving", async () => {
    const url = await listen({ routes: [{ path: "/slack/events", handler: () => { throw new Error("adapter bug"); } }] });
    expect((await send(`${url}/slack/events`, { method: "POST", body: Buffer.from("x") })).status).toBe(500);
    expect((await send(`${url}/healthz`)).status).toBe(200);
  });
});

describe("shutdownHttpServer", () => {
  it("drains: health turns 503, new requests are answered with Connection: close, the in-flight one finishes, then connections are refused", async () => {
    let release!: () => void;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const slow = (_req: IncomingMessage, res: ServerResponse) =>
      new Promise<void>((done) => {
        markStarted();
        release = () => {
          res.end("finished after shutdown began");
          done();
        };
      });
    const baseUrl = await listen({
      routes: [
        { path: "/slack/events", handler: slow },
        { path: "/discord/interactions", handler: (_req, res) => void res.end("answered while draining") },
      ],
    });
    const inFlight = send(`${baseUrl}/slack/events`, { method: "POST", body: Buffer.from("x") });
    await started;

    const server = servers[0]!;
    const startedAt = Date.now();
    const stopped = shutdownHttpServer(server, 5_000);
    const health = await sendWithHeaders(`${baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toEqual({ status: "stopping" });
    expect(health.headers.connection).toBe("close");
    const late = await sendWithHeaders(`${baseUrl}/discord/interactions`, "POST");
    expect(late).toMatchObject({ status: 200, body: "answered while draining" });
    expect(late.headers.connection).toBe("close");

    setTimeout(() => release(), 50);
    expect(await inFlight).toEqual({ status: 200, body: "finished after shutdown began" });
    await stopped;
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(server.listening).toBe(false);
    await expect(send(`${baseUrl}/healthz`, { agent: false })).rejects.toThrow(/ECONNREFUSED/);
  });
});

function sendWithHeaders(url: string, method = "GET"): Promise<Sent & { headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}
