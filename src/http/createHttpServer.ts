import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { silentLogger, type Logger } from "../logger.js";
import { ConnectionGuard } from "./connectionGuard.js";
import { createRateLimitedLog } from "./rateLimitedLog.js";
import { sendJson } from "./sendJson.js";
import { isDraining, onDraining } from "./shutdownHttpServer.js";

/** Where orchestrators probe the bot: 200 while it can answer. */
export const HEALTH_PATH = "/healthz";
/** Slack and Discord payloads are a few kilobytes; anything near this is not from them. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A client must send its request line and headers within this, counted from the moment it connects. */
export const HEADERS_TIMEOUT_MS = 15_000;
/** …and the whole request, body included, within this. */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * How often Node looks for connections past those timeouts. Its default (30 s) is why a 15 s header timeout
 * used to cut a slow client only after 30 s, and a 30 s request timeout after 60 s; checked every second, each
 * timeout fires within a second of its value.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * A platform's request handler. It reads the body itself (each verifies a signature over the raw bytes, so
 * the stream is handed over untouched) and must refuse more than 1 MB when no Content-Length announced it.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** An endpoint the bot serves (`POST /slack/events`): POST only, unless it is a GET route (`GET /metrics`). */
export interface HttpRoute {
  path: string;
  handler: RouteHandler;
  /** The method it takes (HEAD too for GET); default POST. */
  method?: "GET" | "POST";
}

export interface HealthReport {
  documents: number;
  passages: number;
  errors: number;
  /** The adapters that hold a connection (Socket Mode, the gateway), when any does: each one's status and why. */
  adapters?: Record<string, { status: string; reason?: string }>;
  /** The store (SQLite, Redis, memory): whether it answers, and why not. */
  store?: { backend: string; status: "ok" | "unavailable"; reason?: string };
}

export interface HttpServerOptions {
  /** The platforms' endpoints, besides /healthz; each path once. */
  routes?: readonly HttpRoute[];
  health: () => HealthReport;
  logger?: Logger;
  maxBodyBytes?: number;
  /** Open connections at most (default MAX_CONNECTIONS); see ConnectionGuard. */
  maxConnections?: number;
  /** Bytes of request bodies in progress at most, all connections together (default MAX_BUFFERED_BODY_BYTES). */
  maxBufferedBodyBytes?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  timeoutCheckIntervalMs?: number;
  /** Told of every response when it is written: the route (a served path, /healthz, or "other") and its status. */
  onResponse?: (route: string, status: number) => void;
}

/**
 * One server for everything that arrives over HTTP: the endpoints the platforms hand in and the health check,
 * so a deployment exposes one port whatever is configured. A body announced as over the limit is refused before
 * any handler runs; connections, bodies in progress and slow clients are capped (ConnectionGuard and the
 * timeouts above), and every limit that closes a connection says so in the log, once a minute per reason.
 * While the server drains for shutdown, /healthz answers 503 and every response closes its connection.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const routes = new Map<string, HttpRoute>();
  for (const route of options.routes ?? []) {
    if (route.path === HEALTH_PATH || routes.has(route.path)) throw new Error(`two handlers for ${route.path}`);
    routes.set(route.path, route);
  }

  const limitLog = createRateLimitedLog(logger, "connection limit");
  const guard = new ConnectionGuard({ maxConnections: options.maxConnections, maxBufferedBodyBytes: options.maxBufferedBodyBytes, log: limitLog });

  // Responses not yet finished: when shutdown begins, those still unwritten close their connection too.
  const inProgress = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0]!;
    const socket = req.socket;
    guard.requestStarted(socket, req.method === "POST");
    inProgress.add(res);
    res.once("close", () => inProgress.delete(res));
    res.once("finish", () => {
      guard.requestEnded(socket);
      options.onResponse?.(path === HEALTH_PATH || routes.has(path) ? path : "other", res.statusCode);
    });
    if (isDraining(server)) res.setHeader("connection", "close");
    try {
      if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
        if (isDraining(server)) {
          sendJson(res, 503, { status: "stopping" });
          return;
        }
        const report = options.health();
        // Loaded means at least one document answers; errors alone (every file broken) is not healthy. An
        // adapter still connecting or retrying is "degraded", and 200: the rest is serving, so no restart. So is a
        // store that is down: answers go on (limits and replays from memory) and a restart would not bring Redis back.
        const down = Object.values(report.adapters ?? {}).some((adapter) => adapter.status !== "connected") || report.store?.status === "unavailable";
        const status = report.documents === 0 ? "no knowledge loaded" : down ? "degraded" : "ok";
        sendJson(res, report.documents > 0 ? 200 : 503, { status, ...report });
        return;
      }
      const route = routes.get(path);
      if (!route) {
        sendJson(res, 404, { error: "not found" });
        return;
      }
      const method = route.method ?? "POST";
      if (req.method !== method && !(method === "GET" && req.method === "HEAD")) {
        res.setHeader("Allow", method === "GET" ? "GET, HEAD" : method);
        sendJson(res, 405, { error: "method not allowed" });
        return;
      }
      if (Number(req.headers["content-length"]) > maxBodyBytes) {
        // Refused unread; closing the connection spares reading the rest of the upload to reuse the socket.
        res.setHeader("Connection", "close");
        sendJson(res, 413, { error: `request body is larger than ${maxBodyBytes} bytes` });
        return;
      }
      await route.handler(req, res);
    } catch (error) {
      logger.error({ err: error, path }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  };
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? TIMEOUT_CHECK_INTERVAL_MS,
    },
    handle,
  );
  guard.watch(server);
  onDraining(server, () => {
    for (const res of inProgress) if (!res.headersSent) res.setHeader("connection", "close");
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket, limitLog));
  return server;
}

/** What Node would answer a request it could not read, plus a (rate-limited) line when a timeout cut it. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, log: (reason: string) => void): void {
  const status = CLIENT_ERROR_STATUS[error.code ?? ""] ?? 400;
  if (status === 408) log("request timed out (408)");
  else if (status === 431) log("request headers too large (431)");
  if (error.code !== "ECONNRESET" && socket.writable && socket.bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};
