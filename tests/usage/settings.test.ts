/**
 * /settings per channel: set by an admin over signed requests, refused to others, and applied to every command
 * and button in that channel by every instance sharing the store (two registries on two connections to the
 * same SQLite file or Redis server), on Discord and Slack.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { answersMentionsIn } from "../../src/app/usage/applyChannelSettings.js";
import type { CommandRegistry } from "../../src/commands/index.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import type { Store } from "../../src/store/index.js";
import * as discord from "../discord/signedInteractions.js";
import {
  blockNetwork,
  blockText,
  buttonClick,
  buttonsOf,
  captureResponseUrl,
  interactionBody,
  postSigned,
  restoreNetwork,
  sharedKnowledge,
  slashCommandBody,
  startSlackTestServer,
  waitFor,
  type SlackTestServer,
} from "../slack/slackHarness.js";
import { redisBackend, sqliteBackend, type BackendUnderTest, type StateUnderTest } from "../support/storeBackends.js";

const MANAGE_SERVER = String(1n << 5n);
const MEMBER = String(1n << 11n);
const keys = discord.createTestKeyPair();

interface DiscordMessage {
  type: number;
  data: { flags?: number; embeds: unknown[]; components?: Array<{ components: Array<{ label: string; custom_id: string }> }> };
}

describe.each([
  { name: "sqlite", start: async (): Promise<BackendUnderTest> => sqliteBackend() },
  { name: "redis", start: (): Promise<BackendUnderTest> => redisBackend() },
])("channel settings in the $name store", ({ start }) => {
  let backend: BackendUnderTest;
  let state: StateUnderTest;
  let stores: Store[];
  let registries: CommandRegistry[];

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => backend.stop());
  beforeEach(async () => {
    state = backend.fresh();
    stores = [await state.open(), await state.open()];
    const knowledge = await sharedKnowledge();
    registries = stores.map((store) => createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: null, usage: { store, keepQuestions: true } }));
  });
  afterEach(async () => state.close());

  describe("on Discord, two instances", () => {
    let endpoints: discord.TestEndpoint[];
    beforeEach(async () => {
      endpoints = await Promise.all(registries.map((registry) => discord.startEndpoint(createDiscordInteractionsHandler({ publicKey: keys.publicKeyHex, registry, logger: silentLogger }))));
    });
    afterEach(async () => Promise.all(endpoints.map((endpoint) => endpoint.close())));

    const send = async (instance: number, payload: Record<string, unknown>, permissions: string, channel = "444444444444444444"): Promise<DiscordMessage> => {
      const member = { ...(payload.member as object), permissions };
      const { status, body } = await discord.postSignedInteraction(endpoints[instance]!.url, keys.privateKey, { ...payload, member, channel_id: channel, channel: { id: channel, type: 0 } });
      expect(status).toBe(200);
      return body as DiscordMessage;
    };
    const command = (name: string, options: Array<{ name: string; value: string }>) =>
      discord.slashCommand(name, options.map((option) => ({ ...option, type: 3 }))) as Record<string, unknown>;

    it("an admin's change on one instance turns commands off and answers public on the other, in that channel only", async () => {
      const refused = await send(0, command("settings", [{ name: "off", value: "debate, timer" }]), MEMBER);
      expect(JSON.stringify(refused.data.embeds)).toMatch(/Admins only/);
      expect(await stores[0]!.channelSettings.get("discord:333333333333333333:444444444444444444")).toEqual({});

      const saved = await send(0, command("settings", [{ name: "off", value: "debate, /timer" }, { name: "answers", value: "public" }]), MANAGE_SERVER);
      expect(saved.data.flags).toBe(64);
      expect(JSON.stringify(saved.data.embeds)).toMatch(/Commands off: \/debate, \/timer/);

      const debate = await send(1, command("debate", []), MEMBER);
      expect(JSON.stringify(debate.data.embeds)).toMatch(/turned off in this channel/);
      expect(debate.data.flags).toBe(64);
      const elsewhere = await send(1, command("debate", []), MEMBER, "555555555555555555");
      expect(JSON.stringify(elsewhere.data.embeds)).not.toMatch(/turned off/);

      const source = await send(1, command("source", [{ name: "name", value: "minsk" }]), MEMBER);
      expect(JSON.stringify(source.data.embeds)).toMatch(/Minsk accords/);
      expect(source.data.flags ?? 0).toBe(0);
      const privateElsewhere = await send(1, command("source", [{ name: "name", value: "minsk" }]), MEMBER, "555555555555555555");
      expect(privateElsewhere.data.flags).toBe(64);

      // A button run in the channel obeys the settings too: a More or Context click of a command turned off.
      const askElsewhere = await send(0, command("ask", [{ name: "question", value: "why are the talks stalled?" }]), MEMBER, "555555555555555555");
      const button = (askElsewhere.data.components ?? []).flatMap((row) => row.components).find((candidate) => candidate.label.startsWith("Context"))!;
      expect(button).toBeDefined();
      await send(0, command("settings", [{ name: "off", value: "context" }]), MANAGE_SERVER);
      const click = discord.buttonClick(button.custom_id) as Record<string, unknown>;
      const clicked = await send(1, click, MEMBER);
      expect(JSON.stringify(clicked.data.embeds)).toMatch(/\/context is turned off in this channel/);
    });

    it("refuses a setting it cannot apply and changes nothing", async () => {
      const unknown = await send(0, command("settings", [{ name: "off", value: "settings" }]), MANAGE_SERVER);
      expect(JSON.stringify(unknown.data.embeds)).toMatch(/cannot be turned off/);
      const document = await send(0, command("settings", [{ name: "document", value: "no-such-document" }]), MANAGE_SERVER);
      expect(JSON.stringify(document.data.embeds)).toMatch(/There is no document/);
      expect(await stores[1]!.channelSettings.get("discord:333333333333333333:444444444444444444")).toEqual({});
    });
  });

  describe("on Slack", () => {
    let slack: SlackTestServer;
    beforeEach(async () => {
      blockNetwork();
      slack = await startSlackTestServer({ registry: registries[0]!, adminUserIds: ["U0ADMIN"] });
    });
    afterEach(async () => {
      await slack.close();
      restoreNetwork();
    });

    it("an admin sets mentions off and a default document; another instance reads them for that channel", async () => {
      const knowledge = await sharedKnowledge();
      const documentId = knowledge.documents[0]!.id;
      const response = await postSigned(slack.url, slashCommandBody("/settings", `mentions: off document: ${documentId}`, { user_id: "U0ADMIN", channel_id: "C0DEBATE" }));
      const saved = (await response.json()) as { blocks: unknown[]; response_type: string };
      expect(saved.response_type).toBe("ephemeral");
      expect(blockText(saved.blocks)).toMatch(/Answers mentions: no/);
      expect(await answersMentionsIn(stores[1]!.channelSettings, "slack:T0001:C0DEBATE")).toBe(false);
      expect(await answersMentionsIn(stores[1]!.channelSettings, "slack:T0001:C0OTHER")).toBe(true);
      expect(await stores[1]!.channelSettings.get("slack:T0001:C0DEBATE")).toEqual({ answerMentions: false, document: documentId });

      // Turned off here, a command's button is refused too.
      const answer = (await (await postSigned(slack.url, slashCommandBody("/ask", "why are the talks stalled?", { channel_id: "C0DEBATE" }))).json()) as { blocks: unknown[] };
      const more = buttonsOf(answer.blocks).find((button) => button.text.text.startsWith("Context"))!;
      await postSigned(slack.url, slashCommandBody("/settings", "off: context", { user_id: "U0ADMIN", channel_id: "C0DEBATE" }));
      const { posted, done } = captureResponseUrl("/actions/T0001/1234567890/AbCdEfGhIjKl");
      await postSigned(slack.url, interactionBody(buttonClick("gt_action_0", more.value, { channel: { id: "C0DEBATE", name: "debate" } })));
      await waitFor(done);
      expect(blockText(posted[0]!.blocks)).toMatch(/\/context is turned off in this channel/);
    });
  });
});
