import type { ServerResponse } from "node:http";
import { jsonBody } from "./jsonBody.js";

/** Writes `body` as a complete JSON response, with its length, so keep-alive connections can be reused. */
export function sendJson(res: ServerResponse, status: number, body: object): void {
  const bytes = jsonBody(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": bytes.length });
  res.end(bytes);
}
