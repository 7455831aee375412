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
  slashCommandBody,
  waitFor,
  type Button,
  useSlackTestServer,
} from "./slackHarness.js";

const RESPONSE_PATH = "/actions/T0001/1234567890/AbCdEfGhIjKl";

interface PostedMessage {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

describe("Slack buttons: Share in channel and the reply's own buttons", () => {
  const server = useSlackTestServer();

  async function buttonsOfSourceMinsk(): Promise<Button[]> {
    const response = await postSigned(server().url, slashCommandBody("/source", "minsk"));
    return buttonsOf(((await response.json()) as { blocks: unknown[] }).blocks);
  }

  it("Share posts the same passage publicly to the response_url, as a new message", async () => {
    const share = (await buttonsOfSourceMinsk()).find((button) => button.action_id === "gt_share")!;
    const { posted, done: hookDone } = captureResponseUrl<PostedMessage>(RESPONSE_PATH);

    const response = await postSigned(server().url, interactionBody(buttonClick("gt_share", share.value)));
    expect(response.status).toBe(200);
    await waitFor(hookDone);

    expect(posted).toHaveLength(1);
    expect(posted[0]!.response_type).toBe("in_channel");
    expect(posted[0]!.replace_original).toBe(false);
    const shown = blockText(posted[0]!.blocks);
    expect(shown).toContain(`>${MINSK_PASSAGE}`);
    expect(shown).toContain("The Trust Deficit and Enforcement Challenges");
    // The public copy has no Share button of its own.
    expect(buttonsOf(posted[0]!.blocks).some((button) => button.action_id === "gt_share")).toBe(false);
  });

  it("a reply's own button (Context) answers the clicker privately through the response_url", async () => {
    const buttons = await buttonsOfSourceMinsk();
    const context = buttons.find((button) => /^gt_action_\d+$/.test(button.action_id))!;
    expect(context.text.text).toMatch(/Context/);
    const { posted, done: hookDone } = captureResponseUrl<PostedMessage>(RESPONSE_PATH);

    await postSigned(server().url, interactionBody(buttonClick(context.action_id, context.value)));
    await waitFor(hookDone);
    expect(posted[0]!.response_type).toBe("ephemeral");
    expect(blockText(posted[0]!.blocks)).toContain(MINSK_PASSAGE);
  });

  it("an expired or forged button value gets a private note, not a crash", async () => {
    const { posted, done: hookDone } = captureResponseUrl<PostedMessage>(RESPONSE_PATH);
    await postSigned(server().url, interactionBody(buttonClick("gt_share", "not-an-invocation")));
    await waitFor(hookDone);
    expect(posted[0]!.response_type).toBe("ephemeral");
    expect(posted[0]!.text).toMatch(/expired/);
  });

  describe("a 429 from the response_url", () => {
    it("is retried once after Retry-After, then succeeds", async () => {
      const share = (await buttonsOfSourceMinsk()).find((button) => button.action_id === "gt_share")!;
      const hook = nock("https://hooks.slack.com")
        .post(RESPONSE_PATH)
        .reply(429, "rate_limited", { "Retry-After": "1" })
        .post(RESPONSE_PATH)
        .reply(200, "ok");
      await postSigned(server().url, interactionBody(buttonClick("gt_share", share.value)));
      await waitFor(() => hook.isDone());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server().logs.text()).not.toContain("response_url post failed");
    });

    it("is given up after the one retry, with one log line and the server still answering", async () => {
      const share = (await buttonsOfSourceMinsk()).find((button) => button.action_id === "gt_share")!;
      let calls = 0;
      nock("https://hooks.slack.com")
        .post(RESPONSE_PATH)
        .times(3)
        .reply(() => {
          calls += 1;
          return [429, "rate_limited", { "Retry-After": "30" }];
        });
      await postSigned(server().url, interactionBody(buttonClick("gt_share", share.value)));
      await waitFor(() => server().logs.text().includes("response_url post failed"));
      expect(calls).toBe(2);
      const failures = server().logs.lines().filter((line) => String(line.msg).includes("response_url post failed"));
      expect(failures).toHaveLength(1);
      expect(String(failures[0]!.msg)).toMatch(/rate limited/);

      const after = await postSigned(server().url, slashCommandBody("/source", "minsk"));
      expect(after.status).toBe(200);
    });
  });
});
