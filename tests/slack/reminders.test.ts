/** A due reminder posted with chat.postMessage and the bot token (Slack's Web API mocked at the wire with nock). */
import { webApi } from "@slack/bolt";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { createSlackReminderPoster } from "../../src/platforms/slack/postReminder.js";
import type { DueReminder } from "../../src/store/index.js";
import { captureLogs } from "./slackHarness.js";

const TOKEN = "xoxb-reminder-test-token";
const client = () => new webApi.WebClient(TOKEN, { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
const due = (late: boolean, thread?: string): DueReminder => ({
  id: "r1",
  dueAt: Date.now(),
  platform: "slack",
  target: thread ? { channel: "C0001", thread } : { channel: "C0001" },
  text: "Time is up for <!channel> rebuttal.",
  scheduledAt: Date.now(),
  attempts: 1,
  lateByMs: late ? 60_000 : 0,
  late,
});

afterEach(() => nock.cleanAll());

describe("the Slack reminder poster", () => {
  it("posts to the channel (and thread) with the bot token, neutralised, with the late note when late", async () => {
    const bodies: Array<Record<string, string>> = [];
    const api = nock("https://slack.com", { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post("/api/chat.postMessage", (body: Record<string, string>) => {
        bodies.push(body);
        return true;
      })
      .times(2)
      .reply(200, { ok: true, ts: "1.2" });
    const post = createSlackReminderPoster(client(), captureLogs().logger);
    await post(due(false));
    await post(due(true, "1700000000.000100"));
    expect(api.isDone()).toBe(true);
    expect(bodies[0]).toMatchObject({ channel: "C0001" });
    expect(bodies[0]!.text).not.toContain("<!channel>");
    expect(bodies[0]!.thread_ts).toBeUndefined();
    expect(bodies[1]).toMatchObject({ thread_ts: "1700000000.000100" });
    expect(bodies[1]!.text).toMatch(/\(late: the bot restarted\)$/);
  });

  it("gives up with a log line when the bot was removed from the channel, and throws (to try again) on Slack's own failure", async () => {
    const logs = captureLogs();
    const post = createSlackReminderPoster(client(), logs.logger);
    nock("https://slack.com").post("/api/chat.postMessage").reply(200, { ok: false, error: "not_in_channel" });
    await expect(post(due(false))).resolves.toBeUndefined();
    expect(logs.lines().some((line) => line.msg === "slack reminder given up: the bot cannot post there" && line.reason === "not_in_channel")).toBe(true);
    nock("https://slack.com").post("/api/chat.postMessage").reply(200, { ok: false, error: "internal_error" });
    await expect(post(due(false))).rejects.toThrow(/internal_error/);
  });
});
