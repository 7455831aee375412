import type { Server } from "node:http";

/** How often to close keep-alive sockets that fell idle since shutdown began. */
const IDLE_SWEEP_MS = 50;
/** Connections keep being accepted until none has arrived for this long… */
const LINGER_QUIET_MS = 200;
/** …or for this long at most, so a steady stream of clients cannot hold shutdown open. */
const LINGER_MAX_MS = 2_000;

const draining = new WeakSet<Server>();
const drainListeners = new WeakMap<Server, () => void>();

/** True once shutdown has begun: /healthz answers 503 and every response closes its connection. */
export function isDraining(server: Server): boolean {
  return draining.has(server);
}

/** Called once when `server` starts draining (to mark responses already in progress). */
export function onDraining(server: Server, listener: () => void): void {
  drainListeners.set(server, listener);
}

/**
 * Stops a server gracefully. First it drains: /healthz turns 503 (a load balancer stops sending), and every
 * response carries `Connection: close`, so keep-alive clients open their next connection elsewhere instead of
 * losing a request to a socket closed under them. Connections already queued are still accepted and answered
 * until none has arrived for a moment. Then the listener closes, requests in flight finish, each remaining
 * keep-alive socket is closed as soon as it is idle, and whatever is still open after `timeoutMs` is cut so
 * shutdown always ends.
 */
export async function shutdownHttpServer(server: Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return;
  const startedAt = Date.now();
  draining.add(server);
  drainListeners.get(server)?.();
  await lingerWhileConnecting(server, Math.min(LINGER_MAX_MS, timeoutMs / 2));
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), Math.max(0, timeoutMs - (Date.now() - startedAt)));
    sweep.unref();
    deadline.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Resolves once no connection has arrived for LINGER_QUIET_MS, or after `maxMs`. */
function lingerWhileConnecting(server: Server, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let quiet: NodeJS.Timeout;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      server.off("connection", restart);
      resolve();
    };
    const restart = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, LINGER_QUIET_MS);
    };
    const limit = setTimeout(done, maxMs);
    server.on("connection", restart);
    restart();
  });
}
