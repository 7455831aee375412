/**
 * Events API payloads as Slack sends them (the envelope and event fields of Slack's own examples and of
 * recorded deliveries: `event_callback`, `authorizations`, `event_context`, `client_msg_id`, rich-text
 * `blocks`), and a sender that signs them as Slack does, with the retry headers Slack adds.
 */
import nock from "nock";
import { slackSignature, SIGNING_SECRET } from "./slackHarness.js";

export const TEAM = "T0001";
export const BOT_USER = "U0BOT0001";
export const CHANNEL = "C0001";
export const DM_CHANNEL = "D0001";

let events = 0;
let stamps = 1712345600;
/** A fresh message timestamp, as Slack writes them: seconds, a dot, six digits. */
export function nextTs(): string {
  return `${++stamps}.000100`;
}

export interface MessageFields {
  type?: "app_mention" | "message";
  text: string;
  user?: string;
  channel?: string;
  channel_type?: "channel" | "im" | "group";
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

/** An `event_callback` envelope around one message event; `event_id` is fresh unless given. */
export function eventCallback(fields: MessageFields, eventId = `Ev0${++events}ABCDEF`): { body: Record<string, unknown>; eventId: string; ts: string } {
  const ts = fields.ts ?? nextTs();
  const event: Record<string, unknown> = {
    type: fields.type ?? "message",
    user: fields.user ?? "U0001",
    text: fields.text,
    ts,
    team: TEAM,
    channel: fields.channel ?? CHANNEL,
    event_ts: ts,
    client_msg_id: `5c3b1f2e-0000-4000-8000-${String(events).padStart(12, "0")}`,
    blocks: [{ type: "rich_text", block_id: "Xy1", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: fields.text }] }] }],
  };
  if (fields.type !== "app_mention") event.channel_type = fields.channel_type ?? "channel";
  if (fields.thread_ts) event.thread_ts = fields.thread_ts;
  if (fields.subtype) event.subtype = fields.subtype;
  if (fields.bot_id) event.bot_id = fields.bot_id;
  return {
    eventId,
    ts,
    body: {
      token: "legacy-verification-token",
      team_id: TEAM,
      context_team_id: TEAM,
      context_enterprise_id: null,
      api_app_id: "A0001",
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: stamps,
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMDAwMSIsImFpZCI6IkEwMDAxIiwiY2lkIjoiQzAwMDEifQ${events}`,
    },
  };
}

/** Posts JSON signed as Slack signs it, with `X-Slack-Retry-Num` / `-Reason` when it is a retry. */
export function postEvent(url: string, body: unknown, retry?: number): Promise<Response> {
  const raw = JSON.stringify(body);
  // Slack signs each delivery when it sends it, so a retry carries a later timestamp and another signature.
  const timestamp = String(Math.floor(Date.now() / 1000) - 60 + (retry ?? 0) * 20);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": slackSignature(SIGNING_SECRET, timestamp, raw),
  };
  if (retry) {
    headers["x-slack-retry-num"] = String(retry);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body: raw });
}

export interface PostedMessage {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> }>;
}

/** Keeps every chat.postMessage sent to slack.com, answering each as Slack does. */
export function capturePostMessages(): PostedMessage[] {
  const posted: PostedMessage[] = [];
  nock("https://slack.com")
    .persist()
    .post("/api/chat.postMessage", (body: unknown) => {
      const fields = typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
      posted.push({ ...fields, blocks: typeof fields.blocks === "string" ? JSON.parse(fields.blocks) : fields.blocks } as PostedMessage);
      return true;
    })
    .reply(200, () => ({ ok: true, channel: CHANNEL, ts: nextTs() }));
  return posted;
}
