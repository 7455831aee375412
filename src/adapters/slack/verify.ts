import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { readBody } from "../../server/readBody.js";

/** Slack refuses to sign anything older, and so do we: a captured request cannot be replayed later. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 300;
/** Slack's payloads are a few kilobytes; anything near this is not from Slack. */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;

export interface SlackSignatureInput {
  /** The app's signing secret, as text or as a key made from it once (what a long-lived listener does). */
  signingSecret: string | KeyObject;
  /** The raw body exactly as received, before any parsing. */
  rawBody: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds?: number;
}

/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, compared in constant
 * time, with the timestamp within five minutes either side of now. Bolt checks only stale timestamps, so a
 * request stamped in the future would pass it; this refuses both.
 */
export function verifySlackSignature(input: SlackSignatureInput): boolean {
  const { signingSecret, rawBody, timestamp, signature } = input;
  if (!signingSecret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > SLACK_TIMESTAMP_WINDOW_SECONDS) return false;
  const expected = Buffer.from(
    `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Wraps Bolt's request listener so that nothing unsigned reaches it: the raw body is read once, checked, and
 * handed on as `rawBody`, which Bolt reuses instead of reading the stream again. Unsigned requests get 401
 * before any listener runs; Slack's unsigned `ssl_check` ping is the one exception Bolt itself answers.
 */
export function verifySlackRequests(signingSecret: string, next: RequestListener): RequestListener {
  // Made once: a text secret would be turned into a key again for every request. An empty one verifies nothing.
  const key = signingSecret ? createSecretKey(Buffer.from(signingSecret, "utf8")) : "";
  return (req: IncomingMessage, res: ServerResponse) => {
    readBody(req, SLACK_BODY_LIMIT_BYTES).then(
      (rawBody) => {
        if (!rawBody) {
          res.writeHead(413).end();
          return;
        }
        const signed = verifySlackSignature({
          signingSecret: key,
          rawBody,
          timestamp: headerOf(req, "x-slack-request-timestamp"),
          signature: headerOf(req, "x-slack-signature"),
        });
        if (!signed && !isSslCheck(req, rawBody)) {
          res.writeHead(401).end();
          return;
        }
        Object.assign(req, { rawBody });
        next(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function isSslCheck(req: IncomingMessage, rawBody: Buffer): boolean {
  if (!String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return false;
  return new URLSearchParams(rawBody.toString("utf8")).get("ssl_check") === "1";
}
