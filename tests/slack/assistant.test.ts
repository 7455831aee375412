import nock from "nock";
import { describe, expect, it } from "vitest";
import { ASSISTANT_GREETING, ASSISTANT_STATUS, suggestedPrompts } from "../../src/platforms/slack/listeners/assistant.js";
import { blockText, sharedKnowledge, useSlackTestServer, waitFor } from "./slackHarness.js";
import { capturePostMessages, DM_CHANNEL, eventCallback, postEvent, TEAM } from "./slackEvents.js";
import { createCommandRegistry } from "../../src/commands/index.js";

const THREAD_TS = "1729999327.187299";

/** Keeps every call to one Web API method, answering each as Slack does. */
function captureMethod(method: string): Array<Record<string, string>> {
  const calls: Array<Record<string, string>> = [];
  nock("https://slack.com")
    .persist()
    .post(`/api/${method}`, (body: unknown) => {
      calls.push(typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>));
      return true;
    })
    .reply(200, { ok: true });
  return calls;
}

/** `assistant_thread_started` as Slack sends it when someone opens the bot's split view. */
function threadStarted(): Record<string, unknown> {
  const { body } = eventCallback({ text: "" });
  return {
    ...body,
    event: {
      type: "assistant_thread_started",
      assistant_thread: { user_id: "U0001", context: { channel_id: "C0001", team_id: TEAM, enterprise_id: null }, channel_id: DM_CHANNEL, thread_ts: THREAD_TS },
      event_ts: "1729999327.187300",
    },
  };
}

describe("Slack assistant surface", () => {
  const server = useSlackTestServer();

  it("greets a new assistant thread and suggests the documents' own questions", async () => {
    const posted = capturePostMessages();
    const prompts = captureMethod("assistant.threads.setSuggestedPrompts");
    expect((await postEvent(server().url, threadStarted())).status).toBe(200);
    await waitFor(() => posted.length === 1 && prompts.length === 1);
    expect(posted[0]).toMatchObject({ channel: DM_CHANNEL, thread_ts: THREAD_TS, text: ASSISTANT_GREETING });
    const suggested = JSON.parse(prompts[0]!.prompts!) as Array<{ title: string; message: string }>;
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(4);
    expect(suggested[0]!.message).toMatch(/^Why /);
    expect(prompts[0]).toMatchObject({ channel_id: DM_CHANNEL, thread_ts: THREAD_TS });
  });

  it("answers a message in the thread: its title from the question, the status while it looks, then the passages", async () => {
    const posted = capturePostMessages();
    const titles = captureMethod("assistant.threads.setTitle");
    const statuses = captureMethod("assistant.threads.setStatus");
    const { body } = eventCallback({ text: "what does the author conclude?", channel: DM_CHANNEL, channel_type: "im", thread_ts: THREAD_TS });
    await postEvent(server().url, body);
    await waitFor(() => posted.length === 1);
    expect(titles[0]).toMatchObject({ channel_id: DM_CHANNEL, thread_ts: THREAD_TS, title: "what does the author conclude?" });
    expect(statuses[0]).toMatchObject({ status: ASSISTANT_STATUS });
    expect(posted[0]).toMatchObject({ channel: DM_CHANNEL, thread_ts: THREAD_TS });
    expect(blockText(posted[0]!.blocks)).toContain("conclusion");

    // A follow-up in the same thread keeps the title, and is read against the answer before.
    await postEvent(server().url, eventCallback({ text: "who says so?", channel: DM_CHANNEL, channel_type: "im", thread_ts: THREAD_TS }).body);
    await waitFor(() => posted.length === 2);
    expect(titles).toHaveLength(1);
    expect(blockText(posted[1]!.blocks)).toContain("Sources of the last answer");
  });

  it("suggests only the documents' topics, never the built-in commands", async () => {
    const kb = await sharedKnowledge();
    const prompts = suggestedPrompts(createCommandRegistry(() => kb).list());
    expect(prompts.map((prompt) => prompt.message)).not.toContain(expect.stringMatching(/^Ask a question/));
    for (const prompt of prompts) expect(prompt.title.length).toBeLessThanOrEqual(75);
  });
});
