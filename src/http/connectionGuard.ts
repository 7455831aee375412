import { readFileSync } from "node:fs";
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { RateLimitedLog } from "./rateLimitedLog.js";

/**
 * Open connections at most, or half the process's file-descriptor limit if that is lower: well under the usual
 * 1,024, so files, outbound API calls and the knowledge folder's watcher always have descriptors left, however
 * many sockets a client opens.
 */
export const MAX_CONNECTIONS = 512;

/** MAX_CONNECTIONS, or half the soft descriptor limit where Linux tells it and it is lower. */
export function defaultMaxConnections(limitsFile = "/proc/self/limits"): number {
  try {
    const soft = Number(/^Max open files\s+(\d+)/m.exec(readFileSync(limitsFile, "utf8"))?.[1]);
    return soft > 0 ? Math.min(MAX_CONNECTIONS, Math.floor(soft / 2)) : MAX_CONNECTIONS;
  } catch {
    return MAX_CONNECTIONS;
  }
}
/** Request bodies being received, all connections together; each one is also capped at its own limit (1 MB). */
export const MAX_BUFFERED_BODY_BYTES = 32 * 1024 * 1024;

export interface ConnectionGuardOptions {
  maxConnections?: number;
  maxBufferedBodyBytes?: number;
  /** Told (rate-limited) whenever a limit closes a connection. */
  log: RateLimitedLog;
}

/**
 * fresh: accepted, no request finished on it yet; idle: between requests of a keep-alive connection that has
 * been answered before; reading: a request's body is arriving; answering: the request is being answered.
 */
type Phase = "fresh" | "idle" | "reading" | "answering";

const guards = new WeakMap<Socket, ConnectionGuard>();

/**
 * Caps what unauthenticated clients can hold: the number of open connections and the bytes of request bodies
 * still arriving. At the connection cap the longest-waiting connection gives way to the new one: first one
 * that has never finished a request (a socket opened and left, or trickling headers: slowloris), then a
 * keep-alive connection idle between requests, then one still sending its body; a request being answered is
 * never cut. Slack and Discord send a small request at once and keep their connections busy, so a client
 * opening sockets by the thousand closes its own sockets, not theirs.
 */
export class ConnectionGuard {
  private readonly maxConnections: number;
  private readonly maxBufferedBodyBytes: number;
  /** Each phase's sockets in the order they entered it, so the first is the one waiting longest. */
  private readonly phases: Record<Phase, Set<Socket>> = { fresh: new Set(), idle: new Set(), reading: new Set(), answering: new Set() };
  private readonly phaseOf = new Map<Socket, Phase>();
  /** Bytes held per body being read, in the order the reads began. */
  private readonly bodies = new Map<IncomingMessage, number>();
  private bufferedBodyBytes = 0;

  constructor(private readonly options: ConnectionGuardOptions) {
    this.maxConnections = options.maxConnections ?? defaultMaxConnections();
    this.maxBufferedBodyBytes = options.maxBufferedBodyBytes ?? MAX_BUFFERED_BODY_BYTES;
  }

  /** The guard of the server that accepted `socket`, if it has one. */
  static of(socket: Socket | null | undefined): ConnectionGuard | undefined {
    return socket ? guards.get(socket) : undefined;
  }

  get connections(): number {
    return this.phaseOf.size;
  }

  get bufferedBytes(): number {
    return this.bufferedBodyBytes;
  }

  /** Tracks every connection `server` accepts. */
  watch(server: Server): void {
    server.on("connection", (socket: Socket) => this.admit(socket));
  }

  /** A request arrived on `socket`: it is reading its body until `bodyRead`, or answered at once if it has none. */
  requestStarted(socket: Socket, hasBody: boolean): void {
    this.move(socket, hasBody ? "reading" : "answering");
  }

  bodyRead(socket: Socket): void {
    this.move(socket, "answering");
  }

  /** The response is sent; a keep-alive connection now waits for its next request. */
  requestEnded(socket: Socket): void {
    this.move(socket, "idle");
  }

  /**
   * Grows the bytes held for `req`'s body by `bytes`. Over the shared budget, the oldest other reads are cut
   * until it fits; false (refuse this one) when it would not fit even then.
   */
  reserveBody(req: IncomingMessage, bytes: number): boolean {
    while (this.bufferedBodyBytes + bytes > this.maxBufferedBodyBytes) {
      const oldest = this.bodies.keys().next().value as IncomingMessage | undefined;
      if (!oldest || oldest === req) {
        this.options.log("request body budget full", { limitBytes: this.maxBufferedBodyBytes });
        return false;
      }
      this.options.log("request body budget full: closed the oldest unfinished upload", { limitBytes: this.maxBufferedBodyBytes });
      this.releaseBody(oldest);
      oldest.socket?.destroy();
    }
    this.bodies.set(req, (this.bodies.get(req) ?? 0) + bytes);
    this.bufferedBodyBytes += bytes;
    return true;
  }

  releaseBody(req: IncomingMessage): void {
    const held = this.bodies.get(req);
    if (held === undefined) return;
    this.bodies.delete(req);
    this.bufferedBodyBytes -= held;
  }

  private admit(socket: Socket): void {
    if (this.phaseOf.size >= this.maxConnections) {
      const victim = first(this.phases.fresh) ?? first(this.phases.idle) ?? first(this.phases.reading);
      if (!victim) {
        this.options.log("connection limit reached: refused a new connection", { limit: this.maxConnections });
        socket.destroy();
        return;
      }
      this.options.log("connection limit reached: closed the longest-waiting connection", { limit: this.maxConnections });
      this.forget(victim);
      victim.destroy();
    }
    guards.set(socket, this);
    this.phases.fresh.add(socket);
    this.phaseOf.set(socket, "fresh");
    socket.once("close", () => this.forget(socket));
  }

  private move(socket: Socket, phase: Phase): void {
    const current = this.phaseOf.get(socket);
    if (current === undefined) return; // closed already, or accepted by another server
    this.phases[current].delete(socket);
    this.phases[phase].add(socket);
    this.phaseOf.set(socket, phase);
  }

  private forget(socket: Socket): void {
    const phase = this.phaseOf.get(socket);
    if (phase === undefined) return;
    this.phases[phase].delete(socket);
    this.phaseOf.delete(socket);
  }
}

function first(sockets: Set<Socket>): Socket | undefined {
  return sockets.values().next().value as Socket | undefined;
}
