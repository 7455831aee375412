import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpRoute } from "../http/createHttpServer.js";
import { sendJson } from "../http/sendJson.js";
import type { BotMetrics } from "./botMetrics.js";

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics` in Prometheus's text format. With a token (METRICS_TOKEN), a scrape without
 * `Authorization: Bearer <token>` gets 401 and nothing else; the comparison is over digests of equal length, so
 * its time says nothing about the token.
 */
export function metricsRoute(metrics: BotMetrics, token?: string): HttpRoute {
  const expected = token === undefined ? undefined : digest(token);
  return {
    path: METRICS_PATH,
    method: "GET",
    async handler(req, res) {
      if (expected) {
        const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
        if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
          res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
          sendJson(res, 401, { error: "a bearer token is required" });
          return;
        }
      }
      const body = Buffer.from(await metrics.render());
      res.writeHead(200, { "content-type": metrics.contentType, "content-length": body.length, "cache-control": "no-store" });
      res.end(body);
    },
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
