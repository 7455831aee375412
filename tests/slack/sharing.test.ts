import { beforeAll, describe, expect, it } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { silentLogger } from "../../src/logger.js";
import {
  blockText,
  buttonClick,
  buttonsOf,
  captureResponseUrl,
  interactionBody,
  postSigned,
  sharedKnowledge,
  slashCommandBody,
  useSlackTestServer,
  waitFor,
} from "./slackHarness.js";

const RESPONSE_PATH = "/actions/T0001/1234567890/AbCdEfGhIjKl";
let knowledge: Awaited<ReturnType<typeof sharedKnowledge>>;

interface Posted {
  response_type?: string;
  text: string;
  blocks: unknown[];
}

beforeAll(async () => {
  knowledge = await sharedKnowledge();
});

describe("Slack Share in channel posts answers only", () => {
  // One command per user a minute: the Share click after /source is the second, so it is refused.
  const server = useSlackTestServer(() => ({
    registry: createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: { limit: 1, windowMs: 60_000 } }),
  }));

  it("a Share clicked while rate limited tells the clicker privately and posts nothing in the channel", async () => {
    const response = await postSigned(server().url, slashCommandBody("/source", "minsk", { user_id: "U0002" }));
    const share = buttonsOf(((await response.json()) as Posted).blocks).find((button) => button.action_id === "gt_share")!;
    expect(share).toBeDefined();

    const { posted, done } = captureResponseUrl(RESPONSE_PATH);
    const click = await postSigned(server().url, interactionBody(buttonClick("gt_share", share.value)));
    expect(click.status).toBe(200);
    await waitFor(done);

    expect(posted).toHaveLength(1);
    expect(blockText(posted[0]!.blocks)).toMatch(/faster than I can keep up/);
    expect(posted[0]!.response_type).toBe("ephemeral");
  });

  it("a notice (the command list) has no Share button", async () => {
    const response = await postSigned(server().url, slashCommandBody("/help", ""));
    const buttons = buttonsOf(((await response.json()) as Posted).blocks);
    expect(buttons.map((button) => button.action_id)).not.toContain("gt_share");
  });
});
