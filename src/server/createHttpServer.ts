import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { silentLogger, type Logger } from "../logger.js";
import { sendJson } from "./sendJson.js";

/** Slack and Discord payloads are a few kilobytes; anything near this is not from them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A platform's request handler. It reads the body itself (each verifies a signature over the raw bytes, so
 * the stream is handed over untouched) and must refuse more than 1 MB when no Content-Length announced it.
 */
export type PlatformHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HealthReport {
  documents: number;
  passages: number;
  errors: number;
  /** The adapters that hold a connection (Socket Mode, the gateway), when any does: each one's status and why. */
  adapters?: Record<string, { status: string; reason?: string }>;
}

export interface HttpServerOptions {
  /** `POST /slack/events`: Slack slash commands, shortcuts and interactivity. */
  slack?: PlatformHandler;
  /** `POST /discord/interactions`. */
  discord?: PlatformHandler;
  health: () => HealthReport;
  logger?: Logger;
  maxBodyBytes?: number;
}

/**
 * One server for everything that arrives over HTTP: both platforms' endpoints and the health check, so a
 * deployment exposes one port whatever is configured. A body announced as over the limit is refused before
 * any handler runs.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const routes: Record<string, PlatformHandler | undefined> = {
    "/slack/events": options.slack,
    "/discord/interactions": options.discord,
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    try {
      if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
        const report = options.health();
        // Loaded means at least one document answers; errors alone (every file broken) is not healthy. An
        // adapter still connecting or retrying is "degraded", and 200: the rest is serving, so no restart.
        const down = Object.values(report.adapters ?? {}).some((adapter) => adapter.status !== "connected");
        const status = report.documents === 0 ? "no knowledge loaded" : down ? "degraded" : "ok";
        sendJson(res, report.documents > 0 ? 200 : 503, { status, ...report });
        return;
      }
      const handler = routes[path];
      if (!handler) {
        sendJson(res, 404, { error: "not found" });
        return;
      }
      if (req.method !== "POST") {
        res.setHeader("Allow", "POST");
        sendJson(res, 405, { error: "method not allowed" });
        return;
      }
      if (Number(req.headers["content-length"]) > maxBodyBytes) {
        // Refused unread; closing the connection spares reading the rest of the upload to reuse the socket.
        res.setHeader("Connection", "close");
        sendJson(res, 413, { error: `request body is larger than ${maxBodyBytes} bytes` });
        return;
      }
      await handler(req, res);
    } catch (error) {
      logger.error({ err: error, path }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  });
  // Slack and Discord send small requests quickly; a slow sender should not hold a socket for minutes.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  return server;
}
