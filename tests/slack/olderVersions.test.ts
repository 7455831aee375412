import nock from "nock";
import { describe, expect, it } from "vitest";
import { captureResponseUrl, interactionBody, postSigned, useSlackTestServer, waitFor } from "./slackHarness.js";

const ACTION_RESPONSE_PATH = "/actions/T00FAKE00AA/10231680918177/hMWwGmzsWEYbB4BjtNump6kO";
const SHORTCUT_RESPONSE_PATH = "/app/T00FAKE00AA/10231680918178/sHoRtCuTrEsPoNsE";

/** A button click recorded from a real workspace (anonymised), for a button this bot never had. */
const RECORDED_BLOCK_ACTION = {
  type: "block_actions",
  user: { id: "U00FAKEUSER1", username: "testuser", name: "testuser", team_id: "T00FAKE00AA" },
  api_app_id: "A00FAKEAPP01",
  token: "xAbCdEfGhIjKlMnOpQrStUvW",
  container: { type: "message", message_ts: "1767326126.896109", channel_id: "C00FAKECHAN1", is_ephemeral: false, thread_ts: "1767326125.870439" },
  trigger_id: "10215325802133.3901254001572.2e2548aa918b35fd85829545c2d4ae2b",
  team: { id: "T00FAKE00AA", domain: "testworkspace" },
  channel: { id: "C00FAKECHAN1", name: "chat-sdk" },
  message: { user: "U00FAKEBOT01", type: "message", ts: "1767326126.896109", thread_ts: "1767326125.870439" },
  actions: [{ type: "button", block_id: "P0z+f", action_id: "info", text: { type: "plain_text", text: "Show Info", emoji: true }, action_ts: "1767326130.289415" }],
  response_url: `https://hooks.slack.com${ACTION_RESPONSE_PATH}`,
};

/** A message shortcut as Slack sends it, with a callback id the current manifest no longer declares. */
const MESSAGE_SHORTCUT = {
  type: "message_action",
  token: "xAbCdEfGhIjKlMnOpQrStUvW",
  action_ts: "1767326131.000100",
  team: { id: "T00FAKE00AA", domain: "testworkspace" },
  user: { id: "U00FAKEUSER1", username: "testuser", name: "testuser", team_id: "T00FAKE00AA" },
  channel: { id: "C00FAKECHAN1", name: "chat-sdk" },
  is_enterprise_install: false,
  enterprise: null,
  callback_id: "quote_this_message",
  trigger_id: "10215325802134.3901254001572.aaaa",
  response_url: `https://hooks.slack.com${SHORTCUT_RESPONSE_PATH}`,
  message_ts: "1767326126.896109",
  message: { type: "message", user: "U00FAKEUSER2", ts: "1767326126.896109", text: "a message" },
};

/** A global shortcut (the lightning menu): no channel, no response_url, only a trigger id. */
const GLOBAL_SHORTCUT = {
  type: "shortcut",
  token: "xAbCdEfGhIjKlMnOpQrStUvW",
  action_ts: "1767326132.000100",
  team: { id: "T00FAKE00AA", domain: "testworkspace" },
  user: { id: "U00FAKEUSER1", username: "testuser", team_id: "T00FAKE00AA" },
  is_enterprise_install: false,
  enterprise: null,
  callback_id: "open_library",
  trigger_id: "10215325802135.3901254001572.bbbb",
};

describe("Slack buttons and shortcuts this version does not have", () => {
  const server = useSlackTestServer();

  async function timedPost(payload: unknown): Promise<{ status: number; ms: number }> {
    const started = Date.now();
    const response = await postSigned(server().url, interactionBody(payload));
    await response.text();
    return { status: response.status, ms: Date.now() - started };
  }

  it.each([
    ["a recorded click on an unknown button", RECORDED_BLOCK_ACTION, ACTION_RESPONSE_PATH, /button is from an older version/],
    ["an unknown message shortcut", MESSAGE_SHORTCUT, SHORTCUT_RESPONSE_PATH, /shortcut is from an older version/],
  ])("acknowledges %s at once and tells the user privately it is from an older version", async (_name, payload, path, said) => {
    const note = captureResponseUrl(path);
    const { status, ms } = await timedPost(payload);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(1_500);
    await waitFor(note.done);
    expect(note.posted[0]).toMatchObject({ text: expect.stringMatching(said), response_type: "ephemeral", replace_original: false });
  });

  it("acknowledges an unknown global shortcut at once and says so in a small modal", async () => {
    let opened: { trigger_id?: string; view?: string } = {};
    const api = nock("https://slack.com")
      .post("/api/views.open", (body) => {
        opened = body as typeof opened;
        return true;
      })
      .reply(200, { ok: true });
    const { status, ms } = await timedPost(GLOBAL_SHORTCUT);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(1_500);
    await waitFor(() => api.isDone());
    expect(opened.trigger_id).toBe(GLOBAL_SHORTCUT.trigger_id);
    expect(String(opened.view)).toMatch(/older version/);
  });

  it("still leaves the buttons it knows to their own listeners", async () => {
    const note = captureResponseUrl(ACTION_RESPONSE_PATH);
    const known = { ...RECORDED_BLOCK_ACTION, actions: [{ ...RECORDED_BLOCK_ACTION.actions[0], action_id: "gt_share", value: "not-an-invocation" }] };
    const { status } = await timedPost(known);
    expect(status).toBe(200);
    await waitFor(note.done);
    // The Share listener answered (an expired value), and the older-version listener stayed out of it.
    expect(note.posted.map((post) => post.text)).toEqual([expect.stringMatching(/expired/)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server().logs.text()).not.toMatch(/older version|response_url post failed/);
  });
});
