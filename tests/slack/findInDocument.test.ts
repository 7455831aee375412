import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  blockText,
  buttonClick,
  captureResponseUrl,
  buttonsOf,
  interactionBody,
  MINSK_PASSAGE,
  postSigned,
  waitFor,
  type Button,
  useSlackTestServer,
} from "./slackHarness.js";

const SHORTCUT_RESPONSE_PATH = "/app/T0001/9876543210/ShOrTcUt";
const CLICK_RESPONSE_PATH = "/actions/T0001/1234567890/AbCdEfGhIjKl";
const MESSAGE_TS = "1712345600.000100";
const MESSAGE_TEXT = "<@U0003> Russia violated the Minsk accords &amp; the Istanbul Communiqué <https://example.org/x|says this>";

function messageShortcut(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message_action",
    callback_id: "find_in_document",
    trigger_id: "1234.5678.ijkl",
    message_ts: MESSAGE_TS,
    response_url: `https://hooks.slack.com${SHORTCUT_RESPONSE_PATH}`,
    message: { type: "message", user: "U0003", ts: MESSAGE_TS, text: MESSAGE_TEXT },
    user: { id: "U0002", name: "sam", username: "sam", team_id: "T0001" },
    channel: { id: "C0001", name: "general" },
    team: { id: "T0001", domain: "debate-club" },
    token: "legacy-verification-token",
    action_ts: "1712345601.000300",
    ...overrides,
  };
}

interface Posted {
  response_type?: string;
  text: string;
  blocks: unknown[];
}

/** Web API calls arrive form-encoded, with `blocks` as a JSON string. */
function webApiBody(body: unknown): Record<string, string> {
  return typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
}

describe("Slack message shortcut: Find in document, and Reply in thread", () => {
  const server = useSlackTestServer();

  async function runShortcut(overrides: Record<string, unknown> = {}): Promise<Posted> {
    const { posted, done: hookDone } = captureResponseUrl<Posted>(SHORTCUT_RESPONSE_PATH);
    const response = await postSigned(server().url, interactionBody(messageShortcut(overrides)));
    expect(response.status).toBe(200);
    await waitFor(hookDone);
    return posted[0]!;
  }

  it("answers the asker privately with the passage the message bears on, and a Reply in thread button", async () => {
    const posted = await runShortcut();
    expect(posted.response_type).toBe("ephemeral");
    expect(blockText(posted.blocks)).toContain(`>${MINSK_PASSAGE}`);
    const buttons = buttonsOf(posted.blocks);
    expect(buttons.some((button) => button.action_id === "gt_share")).toBe(false);
    const thread = buttons.find((button) => button.action_id === "gt_reply_in_thread")!;
    expect(thread.text.text).toBe("Reply in thread");
    expect(thread.value.length).toBeLessThanOrEqual(2_000);
    // The question is the message as read, without mention ids, link targets or escapes.
    expect(JSON.parse(thread.value)).toMatchObject({
      c: "C0001",
      t: MESSAGE_TS,
      q: "Russia violated the Minsk accords & the Istanbul Communiqué says this",
    });
  });

  it("keeps the button value within Slack's 2,000 characters for a very long message", async () => {
    const long = `Minsk ${"\"quoted\" words & more ".repeat(200)}`;
    const posted = await runShortcut({ message: { type: "message", ts: MESSAGE_TS, text: long } });
    const thread = buttonsOf(posted.blocks).find((button) => button.action_id === "gt_reply_in_thread")!;
    expect(thread.value.length).toBeLessThanOrEqual(2_000);
    expect(JSON.parse(thread.value).q.length).toBeGreaterThan(1_000);
  });

  it("falls back to chat.postEphemeral when the shortcut has no response_url", async () => {
    const calls: Array<Record<string, string>> = [];
    const api = nock("https://slack.com")
      .post("/api/chat.postEphemeral", (body) => {
        calls.push(webApiBody(body));
        return true;
      })
      .reply(200, { ok: true, message_ts: "1712345602.000400" });
    await postSigned(server().url, interactionBody(messageShortcut({ response_url: undefined })));
    await waitFor(() => api.isDone());
    expect(calls[0]).toMatchObject({ channel: "C0001", user: "U0002" });
    expect(blockText(JSON.parse(calls[0]!.blocks!))).toContain(MINSK_PASSAGE);
  });

  async function replyInThreadButton(overrides: Record<string, unknown> = {}): Promise<Button> {
    const posted = await runShortcut(overrides);
    return buttonsOf(posted.blocks).find((button) => button.action_id === "gt_reply_in_thread")!;
  }

  it("Reply in thread posts the passages publicly in the message's thread with chat.postMessage", async () => {
    const button = await replyInThreadButton();
    const calls: Array<Record<string, string>> = [];
    const api = nock("https://slack.com")
      .post("/api/chat.postMessage", (body) => {
        calls.push(webApiBody(body));
        return true;
      })
      .reply(200, { ok: true, channel: "C0001", ts: "1712345603.000500" });
    await postSigned(server().url, interactionBody(buttonClick(button.action_id, button.value)));
    await waitFor(() => api.isDone());
    expect(calls[0]).toMatchObject({ channel: "C0001", thread_ts: MESSAGE_TS });
    const blocks = JSON.parse(calls[0]!.blocks!) as unknown[];
    expect(blockText(blocks)).toContain(`>${MINSK_PASSAGE}`);
    expect(buttonsOf(blocks).some((b) => b.action_id === "gt_share" || b.action_id === "gt_reply_in_thread")).toBe(false);
  });

  it("replies in the existing thread when the message is itself a thread reply", async () => {
    const parent = "1712345500.000001";
    const button = await replyInThreadButton({
      message: { type: "message", ts: MESSAGE_TS, thread_ts: parent, text: "the Minsk accords" },
    });
    expect(JSON.parse(button.value).t).toBe(parent);
  });

  it("tells the clicker to invite the bot when it is not in the channel, and posts nothing else", async () => {
    const button = await replyInThreadButton();
    const api = nock("https://slack.com").post("/api/chat.postMessage").reply(200, { ok: false, error: "not_in_channel" });
    const { posted: told, done: hookDone } = captureResponseUrl<Posted>(CLICK_RESPONSE_PATH);
    await postSigned(server().url, interactionBody(buttonClick(button.action_id, button.value)));
    await waitFor(() => api.isDone() && hookDone());
    expect(told[0]!.response_type).toBe("ephemeral");
    expect(told[0]!.text).toMatch(/Invite me/);
    expect(server().logs.text()).toMatch(/chat\.postMessage failed: not_in_channel/);
  });

  it("retries chat.postMessage once on 429, then gives up with one line", async () => {
    const button = await replyInThreadButton();
    let calls = 0;
    nock("https://slack.com")
      .post("/api/chat.postMessage")
      .times(3)
      .reply(() => {
        calls += 1;
        return [429, { ok: false, error: "ratelimited" }, { "Retry-After": "0" }];
      });
    nock("https://hooks.slack.com").post(CLICK_RESPONSE_PATH).reply(200, "ok");
    await postSigned(server().url, interactionBody(buttonClick(button.action_id, button.value)));
    await waitFor(() => server().logs.text().includes("chat.postMessage failed"));
    expect(calls).toBe(2);
    expect(server().logs.lines().filter((line) => String(line.msg).includes("chat.postMessage failed"))).toHaveLength(1);
  });

  it("refuses a Reply in thread button clicked in another conversation than the one it names", async () => {
    const button = await replyInThreadButton();
    const { posted: told, done: hookDone } = captureResponseUrl<Posted>(CLICK_RESPONSE_PATH);
    await postSigned(
      server().url,
      interactionBody(buttonClick(button.action_id, button.value, { channel: { id: "C0999", name: "elsewhere" } })),
    );
    await waitFor(hookDone);
    expect(told[0]!.text).toMatch(/expired/);
  });
});
