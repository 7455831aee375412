/**
 * Child process for the load benchmark: the least an endpoint must do, as a baseline. It reads the raw body,
 * verifies Slack's HMAC or Discord's Ed25519 signature and the timestamp window, and returns a fixed reply:
 * no routing framework, no commands, no logging.
 */
import { createHmac, createPublicKey, timingSafeEqual, verify } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const slackSecret = process.env.SLACK_SIGNING_SECRET ?? "";
const discordKey = createPublicKey({
  key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? "", "hex")]),
  format: "der",
  type: "spki",
});
const SLACK_REPLY = JSON.stringify({ response_type: "ephemeral", text: "ok" });
const DISCORD_REPLY = JSON.stringify({ type: 4, data: { content: "ok", flags: 64 } });
const MAX_BODY = 1024 * 1024;

function fresh(timestamp: string | undefined): boolean {
  return Boolean(timestamp && /^\d{1,12}$/.test(timestamp) && Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300);
}

function slackSigned(req: IncomingMessage, body: Buffer): boolean {
  const timestamp = req.headers["x-slack-request-timestamp"] as string | undefined;
  const given = Buffer.from(String(req.headers["x-slack-signature"] ?? ""));
  if (!fresh(timestamp)) return false;
  const expected = Buffer.from(`v0=${createHmac("sha256", slackSecret).update(`v0:${timestamp}:`).update(body).digest("hex")}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function discordSigned(req: IncomingMessage, body: Buffer): boolean {
  const timestamp = req.headers["x-signature-timestamp"] as string | undefined;
  const signature = String(req.headers["x-signature-ed25519"] ?? "");
  if (!fresh(timestamp) || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp!), body]), discordKey, Buffer.from(signature, "hex"));
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on("end", () => {
    if (size > MAX_BODY) return reply(res, 413, "{}");
    const body = Buffer.concat(chunks);
    if (req.url === "/slack/events") return slackSigned(req, body) ? reply(res, 200, SLACK_REPLY) : reply(res, 401, "{}");
    if (req.url === "/discord/interactions") return discordSigned(req, body) ? reply(res, 200, DISCORD_REPLY) : reply(res, 401, "{}");
    reply(res, 404, "{}");
  });
});

server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
