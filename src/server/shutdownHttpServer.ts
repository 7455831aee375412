import type { Server } from "node:http";

/**
 * Stops a server gracefully: no new connections, requests in flight finish, idle keep-alive sockets are
 * closed at once, and whatever is still open after `timeoutMs` is cut so shutdown always ends.
 */
export function shutdownHttpServer(server: Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      server.closeAllConnections();
    }, timeoutMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
