import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { silentLogger, type Logger } from "../../logger.js";
import { createRateLimitedLog } from "../../http/rateLimitedLog.js";
import { readBody } from "../../http/readBody.js";
import { MemoryReplayGuard, type ReplayGuard } from "../../http/replayGuard.js";
import { checkTimestamp, SIGNATURE_WINDOW_SECONDS, signatureExpiresAtMs, type SignatureCheck } from "../../http/signatureCheck.js";

/** Slack refuses to sign anything older, and so do we: a captured request cannot be replayed later. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = SIGNATURE_WINDOW_SECONDS;
/** Slack's payloads are a few kilobytes; anything near this is not from Slack. */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * Slack's unsigned `ssl_check=1&token=…` ping is a few dozen bytes. An unsigned request is read only this far,
 * and only to recognise that ping.
 */
export const SSL_CHECK_BODY_LIMIT_BYTES = 256;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

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
 * The checks that need no body: both headers present, the timestamp Unix seconds within five minutes either
 * side of now, the signature `v0=` and 64 lower-case hex digits. Bolt checks only stale timestamps, so a
 * request stamped in the future would pass it; this refuses both.
 */
export function checkSlackHeaders(timestamp: string | undefined, signature: string | undefined, nowSeconds: number): SignatureCheck {
  if (!timestamp || !signature) return { ok: false, reason: "missing signature headers" };
  const fresh = checkTimestamp(timestamp, nowSeconds);
  if (!fresh.ok) return fresh;
  if (!SIGNATURE.test(signature)) return { ok: false, reason: "malformed signature" };
  return { ok: true };
}

/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, compared in constant
 * time, after the header checks above. The reason for a refusal is safe to log.
 */
export function checkSlackSignature(input: SlackSignatureInput): SignatureCheck {
  const { signingSecret, rawBody, timestamp, signature } = input;
  const headers = checkSlackHeaders(timestamp, signature, input.nowSeconds ?? Math.floor(Date.now() / 1000));
  if (!headers.ok) return headers;
  if (!signingSecret) return { ok: false, reason: "no signing secret configured" };
  const expected = Buffer.from(`v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest("hex")}`);
  // The header check above fixed the signature's length to the expected one's, as timingSafeEqual requires.
  if (timingSafeEqual(Buffer.from(signature!), expected)) return { ok: true };
  return { ok: false, reason: "signature does not match: check that SLACK_SIGNING_SECRET is the app's Signing Secret, not its Client Secret" };
}

export function verifySlackSignature(input: SlackSignatureInput): boolean {
  return checkSlackSignature(input).ok;
}

export interface VerifySlackRequestsOptions {
  /** Refusals are logged here, one line per reason per minute. */
  logger?: Logger;
  /** Remembers answered signatures; a per-process memory unless a shared store is given. */
  replays?: ReplayGuard;
  now?: () => number;
}

/**
 * Wraps Bolt's request listener so that nothing unsigned reaches it. In order, each refusal before any body
 * byte is held unless it says otherwise:
 * - headers missing, malformed or outside the window: 401, body unread (`Connection: close`). The one
 *   exception is Slack's unsigned `ssl_check` ping: with no signature headers at all, up to 256 bytes of a
 *   form body are read, and an ssl_check gets an empty 200; anything else 401.
 * - a body over 1 MB: 413; the server's body budget spent: 503.
 * - a signature that does not match: 401.
 * - a signed ssl_check: an empty 200, and nothing else.
 * - a signature already answered (a replay): 409.
 * - a body Slack would not send (another Content-Type, JSON that does not parse): 415 / 400, without logging it.
 * A failure on the way (the replay store unreachable) gets 500. Only then is the request handed on, with its
 * body as `rawBody`, which Bolt reuses instead of reading again.
 */
export function verifySlackRequests(signingSecret: string, next: RequestListener, options: VerifySlackRequestsOptions = {}): RequestListener {
  // Made once: a text secret would be turned into a key again for every request. An empty one verifies nothing.
  const key = signingSecret ? createSecretKey(Buffer.from(signingSecret)) : "";
  const now = options.now ?? (() => Date.now());
  const replays = options.replays ?? new MemoryReplayGuard(now);
  const logRefusal = createRateLimitedLog(options.logger ?? silentLogger, "slack request refused");

  const refuse = (res: ServerResponse, status: number, reason: string, closeConnection = false) => {
    logRefusal(reason, { status });
    if (closeConnection) res.setHeader("connection", "close");
    res.writeHead(status).end();
  };

  const verify = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Node joins a repeated header into one string (only Set-Cookie comes as an array).
    const timestamp = req.headers["x-slack-request-timestamp"] as string | undefined;
    const signature = req.headers["x-slack-signature"] as string | undefined;
    if (timestamp === undefined && signature === undefined) return answerUnsigned(req, res, refuse);
    const headers = checkSlackHeaders(timestamp, signature, Math.floor(now() / 1000));
    if (!headers.ok) return refuse(res, 401, headers.reason, true);

    const read = await readBody(req, SLACK_BODY_LIMIT_BYTES);
    if (!read.ok) return refuse(res, read.status, read.status === 413 ? "body over 1 MB" : "server body budget spent", true);
    const rawBody = read.body;
    const signed = checkSlackSignature({ signingSecret: key, rawBody, timestamp, signature, nowSeconds: Math.floor(now() / 1000) });
    if (!signed.ok) return refuse(res, 401, signed.reason);
    if (isSslCheck(req, rawBody)) return void res.writeHead(200).end();
    if (!(await replays.firstSeen(signature!, signatureExpiresAtMs(timestamp!)))) return refuse(res, 409, "replayed request");
    const problem = bodyProblem(req, rawBody);
    if (problem) return refuse(res, problem.status, problem.reason);

    Object.assign(req, { rawBody });
    next(req, res);
  };

  return (req, res) => {
    // The client went away mid-body (nobody to answer), or the replay store failed (answered 500, not a hang).
    verify(req, res).catch(() => {
      logRefusal("request failed before it was verified", { status: 500 });
      // Stryker disable next-line ConditionalExpression: nothing is written before verify() can fail (equivalent).
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

/**
 * No signature headers at all: Slack's ssl_check ping gets its empty 200; everything else 401. readBody refuses
 * an announced Content-Length over the limit at once, so no more than an ssl_check could be is ever read.
 */
async function answerUnsigned(
  req: IncomingMessage,
  res: ServerResponse,
  refuse: (res: ServerResponse, status: number, reason: string, closeConnection?: boolean) => void,
): Promise<void> {
  const read = await readBody(req, SSL_CHECK_BODY_LIMIT_BYTES);
  if (read.ok && isSslCheck(req, read.body)) return void res.writeHead(200).end();
  refuse(res, 401, "missing signature headers", true);
}

/** `application/json; charset=utf-8` → `application/json`; undefined without a Content-Type. */
function mediaType(req: IncomingMessage): string | undefined {
  return req.headers["content-type"]?.split(";")[0]!.trim().toLowerCase();
}

function isSslCheck(req: IncomingMessage, rawBody: Buffer): boolean {
  return mediaType(req) === FORM && new URLSearchParams(String(rawBody)).get("ssl_check") === "1";
}

/**
 * Slack sends forms (commands; interactions as a `payload` field of JSON) and JSON (events). Bolt would log
 * the first characters of a body it cannot parse (a form's verification token, say), so such a body is
 * refused here, unlogged.
 */
function bodyProblem(req: IncomingMessage, rawBody: Buffer): { status: number; reason: string } | null {
  try {
    if (mediaType(req) === JSON_TYPE) JSON.parse(String(rawBody));
    // Exactly Slack's header: Bolt reads a form only under this one, and JSON-parses everything else.
    else if (req.headers["content-type"] === FORM) JSON.parse(new URLSearchParams(String(rawBody)).get("payload") ?? "{}");
    else return { status: 415, reason: "unsupported content type" };
  } catch {
    return { status: 400, reason: "malformed body" };
  }
  return null;
}
