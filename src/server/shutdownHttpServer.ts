import type { Server } from "node:http";

/** How often to close keep-alive sockets that fell idle since shutdown began. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops a server gracefully: no new connections, requests in flight finish, each keep-alive socket is closed
 * as soon as it is idle (else a client's pooled connection would hold shutdown until its keep-alive timeout),
 * and whatever is still open after `timeoutMs` is cut so shutdown always ends.
 */
export function shutdownHttpServer(server: Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
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
