import type { IncomingMessage } from "node:http";
import { ConnectionGuard } from "./connectionGuard.js";

/** The first allocation for a body; it doubles as bytes arrive, so a body never costs more than twice its size. */
const INITIAL_CAPACITY = 16 * 1024;

/**
 * A body read in full, or why not: 413 over `limit` (announced or as it arrives), 503 when the server's budget
 * for bodies in progress is spent by older uploads that cannot be cut.
 */
export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 413 | 503 };

/**
 * Reads the raw body exactly as received (both platforms sign the bytes) into one buffer that grows as bytes
 * arrive, checking the limit on every chunk: a body sent a byte at a time costs its length, not a buffer per
 * byte. An announced length over the limit is refused before anything is read. An oversized body is drained
 * unread, so the refusal can still be written, and nothing beyond the limit is held. Memory is charged to the
 * accepting server's ConnectionGuard, when it has one. Rejects if the client goes away mid-body.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) {
      req.resume();
      resolve({ ok: false, status: 413 });
      return;
    }
    const guard = ConnectionGuard.of(req.socket);
    let buffer = Buffer.alloc(0);
    let size = 0;
    let refused: 413 | 503 | undefined;
    const stop = (status: 413 | 503) => {
      refused = status;
      buffer = Buffer.alloc(0);
      guard?.releaseBody(req);
    };
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      const needed = size + chunk.length;
      if (needed > limit) return stop(413);
      if (needed > buffer.length) {
        const capacity = Math.min(limit, Math.max(needed, buffer.length * 2, INITIAL_CAPACITY));
        if (guard && !guard.reserveBody(req, capacity - buffer.length)) return stop(503);
        const grown = Buffer.allocUnsafe(capacity);
        buffer.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size = needed;
    });
    req.on("end", () => {
      guard?.releaseBody(req);
      guard?.bodyRead(req.socket);
      resolve(refused ? { ok: false, status: refused } : { ok: true, body: buffer.subarray(0, size) });
    });
    // After "end" this rejects a promise already resolved, which does nothing.
    req.on("close", () => {
      guard?.releaseBody(req);
      reject(new Error("the client closed the connection before sending the whole body"));
    });
    req.on("error", (error) => {
      guard?.releaseBody(req);
      reject(error);
    });
  });
}
