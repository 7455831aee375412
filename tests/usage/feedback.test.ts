/**
 * Feedback on answers, end to end on both platforms: a signed slash command on loopback, its answer's feedback
 * buttons clicked the way Slack and Discord send clicks, and the votes read back from the real SQLite and Redis
 * stores. One vote per person per answer; "Wrong passage" records which quote.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import type { CommandRegistry } from "../../src/commands/index.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import type { Store } from "../../src/store/index.js";
import * as discord from "../discord/signedInteractions.js";
import {
  blockText,
  buttonClick,
  buttonsOf,
  captureResponseUrl,
  interactionBody,
  postSigned,
  sharedKnowledge,
  slashCommandBody,
  startSlackTestServer,
  blockNetwork,
  restoreNetwork,
  waitFor,
  type SlackTestServer,
} from "../slack/slackHarness.js";
import { redisBackend, sqliteBackend, type BackendUnderTest, type StateUnderTest } from "../support/storeBackends.js";

const QUESTION = "why are the talks stalled?";
const RESPONSE_PATH = "/actions/T0001/1234567890/AbCdEfGhIjKl";
const keys = discord.createTestKeyPair();

describe.each([
  { name: "sqlite", start: async (): Promise<BackendUnderTest> => sqliteBackend() },
  { name: "redis", start: (): Promise<BackendUnderTest> => redisBackend() },
])("feedback votes kept in the $name store", ({ start }) => {
  let backend: BackendUnderTest;
  let state: StateUnderTest;
  let store: Store;
  let registry: CommandRegistry;

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => backend.stop());
  beforeEach(async () => {
    state = backend.fresh();
    store = await state.open();
    const knowledge = await sharedKnowledge();
    registry = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: null, usage: { store, keepQuestions: true } });
  });
  afterEach(async () => state.close());

  describe("on Slack", () => {
    let slack: SlackTestServer;
    beforeEach(async () => {
      blockNetwork();
      slack = await startSlackTestServer({ registry });
    });
    afterEach(async () => {
      await slack.close();
      restoreNetwork();
    });

    const click = async (value: string, user: string) => {
      const { posted, done } = captureResponseUrl(RESPONSE_PATH);
      const response = await postSigned(slack.url, interactionBody(buttonClick("gt_action_9", value, { user: { id: user, username: user, name: user, team_id: "T0001" } })));
      expect(response.status).toBe(200);
      await waitFor(done);
      return posted[0]!;
    };

    it("puts Helpful, Not helpful and Wrong passage on an answer; a click is recorded, acknowledged privately, and a second click replaces the first", async () => {
      const response = await postSigned(slack.url, slashCommandBody("/ask", QUESTION));
      const answer = (await response.json()) as { blocks: unknown[] };
      const buttons = buttonsOf(answer.blocks);
      const labels = buttons.map((button) => button.text.text);
      expect(labels).toEqual(expect.arrayContaining(["Helpful", "Not helpful"]));
      const wrong = buttons.filter((button) => button.text.text.startsWith("Wrong passage"));
      expect(wrong.length).toBeGreaterThan(0);
      const value = (label: string) => buttons.find((button) => button.text.text === label)!.value;

      const first = await click(value("Helpful"), "U0002");
      expect(first.response_type).toBe("ephemeral");
      expect(first.replace_original).toBe(false);
      expect(blockText(first.blocks)).toMatch(/Recorded: helpful/);

      const second = await click(value("Not helpful"), "U0002");
      expect(blockText(second.blocks)).toMatch(/Recorded: not helpful.*replaces your earlier vote/s);
      await click(value("Helpful"), "U0003");
      await click(wrong[0]!.value, "U0003");

      const [logged] = await store.questionLog.since(0);
      expect(logged).toMatchObject({ platform: "slack", command: "ask", question: QUESTION });
      expect(JSON.stringify(logged)).not.toMatch(/U0001|dana/);
      const votes = await store.feedback.since(0);
      expect(votes.map((vote) => vote.vote).sort()).toEqual(["helpful", "unhelpful", "wrong-passage"]);
      expect(votes.every((vote) => vote.answerId === logged!.id)).toBe(true);
      expect(votes.find((vote) => vote.vote === "wrong-passage")!.passageId).toBe(logged!.passages[0]!.passageId);
      expect(new Set(votes.map((vote) => vote.voter)).size).toBe(2);
    });

    it("refuses a forged feedback value and records nothing", async () => {
      const forged = await click("gt1|gt-feedback|0||a=nosuchanswer&v=up", "U0002");
      expect(blockText(forged.blocks)).toMatch(/Too late to vote/);
      const garbled = await click("gt1|gt-feedback|0||a=x&v=love", "U0002");
      expect(blockText(garbled.blocks)).toMatch(/expired/);
      expect(await store.feedback.since(0)).toEqual([]);
    });
  });

  describe("on Discord", () => {
    let endpoint: discord.TestEndpoint;
    beforeEach(async () => {
      endpoint = await discord.startEndpoint(createDiscordInteractionsHandler({ publicKey: keys.publicKeyHex, registry, logger: silentLogger }));
    });
    afterEach(async () => endpoint.close());

    const send = async (payload: unknown) => {
      const { status, body } = await discord.postSignedInteraction(endpoint.url, keys.privateKey, payload);
      expect(status).toBe(200);
      return body as { type: number; data: { flags?: number; embeds: Array<{ title?: string; description?: string }>; components?: Array<{ components: Array<{ label: string; custom_id: string }> }> } };
    };
    const clickAs = (customId: string, user: string) => {
      const payload = discord.buttonClick(customId);
      return send({ ...payload, member: { ...(payload as { member: object }).member, user: { id: user, username: `u${user}`, discriminator: "0" } } });
    };

    it("records a vote per person, replaces a changed one, and records the passage reported wrong", async () => {
      const answer = await send(discord.slashCommand("ask", [{ name: "question", type: 3, value: QUESTION }]));
      const buttons = (answer.data.components ?? []).flatMap((row) => row.components);
      const id = (label: string) => buttons.find((button) => button.label === label)!.custom_id;
      expect(buttons.map((button) => button.label)).toEqual(expect.arrayContaining(["Helpful", "Not helpful"]));
      const wrong = buttons.filter((button) => button.label.startsWith("Wrong passage"));
      expect(wrong.length).toBeGreaterThan(0);

      const thanks = await clickAs(id("Not helpful"), "301");
      expect(thanks.type).toBe(4);
      expect(thanks.data.flags).toBe(64);
      expect(JSON.stringify(thanks.data.embeds)).toMatch(/Recorded: not helpful/);
      const again = await clickAs(id("Helpful"), "301");
      expect(JSON.stringify(again.data.embeds)).toMatch(/replaces your earlier vote/);
      await clickAs(wrong.at(-1)!.custom_id, "302");

      const [logged] = await store.questionLog.since(0);
      expect(logged).toMatchObject({ platform: "discord", command: "ask", question: QUESTION });
      const votes = await store.feedback.since(0);
      expect(votes.map((vote) => vote.vote).sort()).toEqual(["helpful", "wrong-passage"]);
      expect(votes.find((vote) => vote.vote === "wrong-passage")!.passageId).toBe(logged!.passages[wrong.length - 1]!.passageId);
    });
  });
});
