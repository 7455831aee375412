import { slackSignature } from "../support/signedRequests.js";
/**
 * A real Bolt app in HTTP mode on a loopback port, and requests signed exactly as Slack signs them. The
 * signing here is written from Slack's documentation, independently of src/adapters/slack/verify.ts, so a
 * mistake there cannot hide itself.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { createSlackApp, type SlackApp } from "../../src/platforms/slack/index.js";
import { createCommandRegistry, type CommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { createReminderDesk } from "../../src/app/reminderDesk.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-test-1234567890-abcdefghijkl";
export const RESPONSE_URL = "https://hooks.slack.com/actions/T0001/1234567890/AbCdEfGhIjKl";
export const MINSK_PASSAGE =
  "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";

let knowledge: Promise<KnowledgeBase> | undefined;
export function sharedKnowledge(): Promise<KnowledgeBase> {
  knowledge ??= loadKnowledge("knowledge");
  return knowledge;
}

export interface LogCapture {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
}

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: "info", destination });
  return {
    logger,
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface SlackTestServer {
  url: string;
  slack: SlackApp;
  registry: CommandRegistry;
  logs: LogCapture;
  /** Where the app keeps timers' reminders (a memory store of its own). */
  state: Store;
  close: () => Promise<void>;
}

/**
 * A fresh Slack test server for each test of the calling suite, with the network blocked around it. Returns
 * a getter, since the server is only made once each test starts.
 */
export function useSlackTestServer(options: () => SlackTestServerOptions = () => ({})): () => SlackTestServer {
  let server: SlackTestServer | undefined;
  beforeEach(async () => {
    blockNetwork();
    server = await startSlackTestServer(options());
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    restoreNetwork();
  });
  return () => {
    if (!server) throw new Error("the Slack test server exists only while a test runs");
    return server;
  };
}

export interface SlackTestServerOptions {
  /** The registry the app answers from; a plain one over the seed knowledge unless given. */
  registry?: CommandRegistry;
  /** SLACK_ADMIN_USER_IDS. */
  adminUserIds?: string[];
}

export async function startSlackTestServer(options: SlackTestServerOptions = {}): Promise<SlackTestServer> {
  const kb = await sharedKnowledge();
  const registry = options.registry ?? createCommandRegistry(() => kb);
  const logs = captureLogs();
  const state = createMemoryStore();
  const slack = createSlackApp({
    reminders: createReminderDesk(state, logs.logger),
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    registry,
    logger: logs.logger,
    mode: "http",
    responseUrl: { maxWaitMs: 50 },
    ...(options.adminUserIds ? { adminUserIds: options.adminUserIds } : {}),
  });
  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url?.split("?")[0] === "/slack/events") slack.requestListener!(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    slack,
    registry,
    logs,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signed as Slack signs: the same helper the load benchmark uses. */
export { slackSignature };

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  /** Leave the signature header out. */
  unsigned?: boolean;
  /** Change the body after signing it. */
  tamper?: (body: string) => string;
}

export async function postSigned(url: string, body: string, options: SignOptions = {}): Promise<Response> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": timestamp,
  };
  if (!options.unsigned) headers["x-slack-signature"] = slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body);
  const sent = options.tamper ? options.tamper(body) : body;
  return fetch(url, { method: "POST", headers, body: sent });
}

let triggers = 0;
/** Slack gives every command and click its own trigger_id, so no two real requests have the same signature. */
export function nextTriggerId(): string {
  return `1234.5678.${++triggers}`;
}

/** A slash command as Slack sends it: form-encoded, every field a string. */
export function slashCommandBody(command: string, text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0001",
    team_domain: "debate-club",
    channel_id: "C0001",
    channel_name: "general",
    user_id: "U0001",
    user_name: "dana",
    command,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/T0001/1234/XyZ",
    trigger_id: nextTriggerId(),
    ...extra,
  }).toString();
}

/** An interaction (button click, shortcut) as Slack sends it: one form field, `payload`, holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buttonClick(actionId: string, value: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: "U0002", username: "sam", name: "sam", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1712345678.000100", channel_id: "C0001", is_ephemeral: true },
    trigger_id: nextTriggerId(),
    team: { id: "T0001", domain: "debate-club" },
    channel: { id: "C0001", name: "general" },
    response_url: RESPONSE_URL,
    actions: [{ action_id: actionId, block_id: "b1", type: "button", value, text: { type: "plain_text", text: "x" }, action_ts: "1712345679.000200" }],
    ...overrides,
  };
}

/** Every string in a Block Kit structure, for asserting on what the user would read. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text" && typeof value === "string") out.push(value);
        else visit(value);
      }
    }
  };
  visit(blocks);
  return out.join("\n");
}

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

export function buttonsOf(blocks: unknown): Button[] {
  return ((blocks as Array<{ type: string; elements?: Button[] }>) ?? [])
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements ?? []);
}

export interface ResponseUrlPost {
  text: string;
  blocks?: unknown[];
  response_type?: string;
  replace_original?: boolean;
}

/** Answers one post to a `response_url` path on hooks.slack.com and keeps what was posted. */
export function captureResponseUrl<Post = ResponseUrlPost>(path: string): { posted: Post[]; done: () => boolean } {
  const posted: Post[] = [];
  const scope = nock("https://hooks.slack.com")
    .post(path, (body: Post) => {
      posted.push(body);
      return true;
    })
    .reply(200, "ok");
  return { posted, done: () => scope.isDone() };
}

/** Waits until a nock scope has seen all its requests (the work after an ack runs after the response). */
export async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function blockNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
}

export function restoreNetwork(): void {
  nock.abortPendingRequests();
  nock.cleanAll();
  nock.enableNetConnect();
}
