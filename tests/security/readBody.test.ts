/**
 * The body reader that stands before every signature check: the limit is exact and checked as bytes arrive,
 * an announced oversize is refused unread, a body sent a byte at a time costs its length (one growing buffer,
 * not an object per chunk), and the server's budget for bodies in progress is charged and released.
 */
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { ConnectionGuard } from "../../src/http/connectionGuard.js";
import { readBody } from "../../src/http/readBody.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

interface FakeRequest extends EventEmitter {
  headers: Record<string, string>;
  socket: Socket | null;
  resumed: boolean;
  resume(): void;
}

function fakeRequest(headers: Record<string, string> = {}, socket: Socket | null = null): FakeRequest {
  const req = Object.assign(new EventEmitter(), { headers, socket, resumed: false }) as FakeRequest;
  req.resume = () => {
    req.resumed = true;
  };
  return req;
}

const asRequest = (req: FakeRequest) => req as unknown as IncomingMessage;

function send(req: FakeRequest, ...chunks: Array<string | Buffer>): void {
  for (const chunk of chunks) req.emit("data", Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  req.emit("end");
  req.emit("close");
}

describe("readBody", () => {
  it("returns the bytes exactly as sent, across chunks", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 100);
    send(req, "ab", "", "cdé", Buffer.from([0xff, 0x00]));
    const read = await reading;
    expect(read).toEqual({ ok: true, body: Buffer.concat([Buffer.from("abcdé"), Buffer.from([0xff, 0x00])]) });
  });

  it("returns an empty body as empty", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 10);
    send(req);
    expect(await reading).toEqual({ ok: true, body: Buffer.alloc(0) });
  });

  it("accepts a body of exactly the limit and refuses one byte more, counted as bytes arrive", async () => {
    const exact = fakeRequest();
    const atLimit = readBody(asRequest(exact), 10);
    send(exact, "12345", "67890");
    expect(await atLimit).toEqual({ ok: true, body: Buffer.from("1234567890") });

    const over = fakeRequest();
    const overLimit = readBody(asRequest(over), 10);
    send(over, "12345", "67890", "1");
    expect(await overLimit).toEqual({ ok: false, status: 413 });
  });

  it("grows past its first allocation for a body larger than 16 KB", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 1024 * 1024);
    const big = Buffer.alloc(40_000, 0x62);
    big[39_999] = 0x63;
    send(req, big.subarray(0, 15_000), big.subarray(15_000, 33_000), big.subarray(33_000));
    const read = await reading;
    expect(read.ok && read.body.equals(big)).toBe(true);
  });

  it("refuses an announced Content-Length over the limit without reading, and drains it", async () => {
    const req = fakeRequest({ "content-length": "11" });
    const read = await readBody(asRequest(req), 10);
    expect(read).toEqual({ ok: false, status: 413 });
    expect(req.resumed).toBe(true);
    expect(req.listenerCount("data")).toBe(0);
  });

  it("reads an announced Content-Length of exactly the limit", async () => {
    const req = fakeRequest({ "content-length": "10" });
    const reading = readBody(asRequest(req), 10);
    send(req, "0123456789");
    expect(await reading).toEqual({ ok: true, body: Buffer.from("0123456789") });
  });

  it("rejects when the client goes away before the end", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 10);
    req.emit("data", Buffer.from("12"));
    req.emit("close");
    await expect(reading).rejects.toThrow(/closed the connection/);
  });

  it("rejects on a stream error", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 10);
    req.emit("error", new Error("boom"));
    await expect(reading).rejects.toThrow("boom");
  });

  it("holds a megabyte sent one byte at a time as one buffer, not an object per byte", async () => {
    const req = fakeRequest();
    const reading = readBody(asRequest(req), 1024 * 1024);
    gc();
    const before = process.memoryUsage();
    const one = Buffer.from("a");
    for (let i = 0; i < 1024 * 1024; i++) req.emit("data", Buffer.from(one));
    gc();
    const during = process.memoryUsage();
    send(req);
    const read = await reading;
    expect(read.ok && read.body.length).toBe(1024 * 1024);
    // A Buffer per byte held until the end costs ~100 MB here; one growing buffer, at most 2 MB.
    const grownMb = (during.heapUsed + during.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 / 1024;
    expect(grownMb).toBeLessThan(8);
  });
});

describe("readBody charges the server's budget for bodies in progress", () => {
  function guarded(maxBufferedBodyBytes: number) {
    const reasons: string[] = [];
    const guard = new ConnectionGuard({ maxBufferedBodyBytes, log: (reason) => reasons.push(reason) });
    const connect = () => {
      const socket = new Socket();
      (guard as unknown as { admit(socket: Socket): void }).admit(socket);
      return socket;
    };
    return { guard, reasons, connect };
  }

  it("grows only when a chunk does not fit: a body of exactly its first 16 KB holds 16 KB", async () => {
    const { guard, connect } = guarded(1024 * 1024);
    const req = fakeRequest({}, connect());
    const reading = readBody(asRequest(req), 1024 * 1024);
    req.emit("data", Buffer.alloc(10_000));
    req.emit("data", Buffer.alloc(16 * 1024 - 10_000));
    expect(guard.bufferedBytes).toBe(16 * 1024);
    req.emit("data", Buffer.alloc(0));
    expect(guard.bufferedBytes).toBe(16 * 1024);
    send(req);
    expect(await reading).toMatchObject({ ok: true });
  });

  it("holds what a read has buffered and releases it at the end", async () => {
    const { guard, connect } = guarded(1024 * 1024);
    const req = fakeRequest({}, connect());
    const reading = readBody(asRequest(req), 1024 * 1024);
    req.emit("data", Buffer.alloc(100));
    expect(guard.bufferedBytes).toBe(16 * 1024);
    req.emit("data", Buffer.alloc(20_000));
    expect(guard.bufferedBytes).toBe(32 * 1024);
    send(req);
    await reading;
    expect(guard.bufferedBytes).toBe(0);
  });

  it("cuts the oldest upload in progress to make room for a new one, and refuses one that cannot fit even then", async () => {
    const { guard, reasons, connect } = guarded(40 * 1024);
    const oldestSocket = connect();
    const oldest = fakeRequest({}, oldestSocket);
    const oldestRead = readBody(asRequest(oldest), 1024 * 1024);
    oldest.emit("data", Buffer.alloc(20_000));
    const newer = fakeRequest({}, connect());
    const newerRead = readBody(asRequest(newer), 1024 * 1024);
    newer.emit("data", Buffer.alloc(10_000));
    expect(guard.bufferedBytes).toBe(20_000 + 16 * 1024);

    // A third needs 16 KB more than is left: the oldest is cut.
    const third = fakeRequest({}, connect());
    const thirdRead = readBody(asRequest(third), 1024 * 1024);
    third.emit("data", Buffer.alloc(10));
    expect(oldestSocket.destroyed).toBe(true);
    expect(reasons).toContain("request body budget full: closed the oldest unfinished upload");
    oldest.emit("close");
    await expect(oldestRead).rejects.toThrow();

    // One that alone needs more than the whole budget is refused with 503, and holds nothing after.
    newer.emit("data", Buffer.alloc(30_000));
    const afterRefusal = guard.bufferedBytes;
    newer.emit("data", Buffer.alloc(10));
    expect(guard.bufferedBytes).toBe(afterRefusal);
    send(newer);
    expect(await newerRead).toEqual({ ok: false, status: 503 });
    send(third);
    expect(await thirdRead).toMatchObject({ ok: true });
    expect(guard.bufferedBytes).toBe(0);
  });

  it("marks a connection whose body has arrived as answering, which the connection cap never cuts", async () => {
    const reasons: string[] = [];
    const guard = new ConnectionGuard({ maxConnections: 1, log: (reason) => reasons.push(reason) });
    const admit = (socket: Socket) => (guard as unknown as { admit(socket: Socket): void }).admit(socket);
    const answering = new Socket();
    admit(answering);
    guard.requestStarted(answering, true);
    const req = fakeRequest({}, answering);
    const reading = readBody(asRequest(req), 100);
    send(req, "body");
    await reading;
    const newcomer = new Socket();
    admit(newcomer);
    expect(answering.destroyed).toBe(false);
    expect(newcomer.destroyed).toBe(true);
    expect(reasons).toEqual(["connection limit reached: refused a new connection"]);
  });
});
