import { REST } from "@discordjs/rest";
import { GatewayIntentBits } from "discord-api-types/v10";
import { MockAgent } from "undici";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { Conversation } from "../../src/conversation/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { answerDiscordMessage, threadName, type DiscordIncomingMessage } from "../../src/platforms/discord/conversation/answerDiscordMessage.js";
import { discordMessageText } from "../../src/platforms/discord/conversation/discordMessageText.js";
import { createDiscordClient } from "../../src/platforms/discord/createDiscordClient.js";
import { readDiscordSettings } from "../../src/platforms/discord/config.js";
import { DISCORD_CONTENT_MAX, DISCORD_CUSTOM_ID_MAX, DISCORD_EMBEDS_TOTAL_MAX } from "../../src/platforms/discord/limits.js";
import { createMemoryStore } from "../../src/store/index.js";
import { handleInteraction } from "../../src/platforms/discord/handleInteraction.js";

const BOT = "1100000000000000001";
const GUILD = "1200000000000000001";
const CHANNEL = "1300000000000000001";
const DM = "1400000000000000001";
const CHINA_PASSAGE = "While international mediators including Turkey, China, and the UN have attempted to broker ceasefires";

interface Captured {
  method: string;
  path: string;
  body: any;
}

/** Discord's REST at the wire: a MockAgent that records each request and answers as Discord does. */
function mockDiscord(origin = "https://discord.com", options: { threadsRefused?: boolean } = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: Captured[] = [];
  agent
    .get(origin)
    .intercept({ path: () => true, method: "POST" })
    .reply((request) => {
      const body = typeof request.body === "string" ? JSON.parse(request.body) : null;
      requests.push({ method: "POST", path: request.path, body });
      const json = { headers: { "content-type": "application/json" } };
      const thread = /\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(request.path);
      if (thread && options.threadsRefused) return { statusCode: 403, data: JSON.stringify({ message: "Missing Permissions", code: 50013 }), responseOptions: json };
      if (thread) return { statusCode: 201, data: JSON.stringify({ id: thread[2], type: 11, parent_id: thread[1], guild_id: GUILD, name: body.name }), responseOptions: json };
      return { statusCode: 200, data: JSON.stringify({ id: String(Date.now()), channel_id: "1", content: "" }), responseOptions: json };
    })
    .persist();
  const rest = new REST({ version: "10", retries: 0, api: `${origin}/api` }).setToken("test-token");
  rest.setAgent(agent);
  return { agent, rest, requests };
}

let ids = 1500000000000000000n;
/** A gateway MESSAGE_CREATE as Discord sends it (the fields of a recorded one; `member`, `embeds` and the like trimmed). */
function messageCreate(content: string, fields: Partial<DiscordIncomingMessage> & { mentionsBot?: boolean } = {}): DiscordIncomingMessage {
  const { mentionsBot, ...rest } = fields;
  return {
    id: String(++ids),
    channel_id: CHANNEL,
    guild_id: GUILD,
    content,
    type: 0,
    mentions: mentionsBot ? ([{ id: BOT, username: "ground-truth", bot: true }] as DiscordIncomingMessage["mentions"]) : [],
    author: { id: "1600000000000000001", username: "dana" },
    ...rest,
  } as DiscordIncomingMessage;
}

function expectWithinDiscordLimits(body: any): void {
  expect((body.content ?? "").length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
  // Discord counts title, description, field names and values, footer and author across all embeds.
  const counted = (embed: any) =>
    [embed.title, embed.description, embed.footer?.text, embed.author?.name, ...(embed.fields ?? []).flatMap((f: any) => [f.name, f.value])].reduce(
      (total: number, text: string | undefined) => total + (text?.length ?? 0),
      0,
    );
  expect((body.embeds ?? []).reduce((total: number, embed: any) => total + counted(embed), 0)).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL_MAX);
  expect((body.embeds ?? []).length).toBeLessThanOrEqual(10);
  expect((body.components ?? []).length).toBeLessThanOrEqual(5);
  for (const row of body.components ?? []) for (const button of row.components) expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_CUSTOM_ID_MAX);
  expect(body.allowed_mentions).toEqual({ parse: [] });
}

let knowledge: KnowledgeBase;
const agents: MockAgent[] = [];
beforeAll(async () => {
  knowledge = await loadKnowledge("knowledge");
});
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
});

function setUp(options: { threadsRefused?: boolean } = {}) {
  const api = mockDiscord("https://discord.com", options);
  agents.push(api.agent);
  const conversation = new Conversation({ registry: createCommandRegistry(() => knowledge), state: createMemoryStore() });
  const deps = { conversation, rest: api.rest, logger: silentLogger };
  return { ...api, deps };
}

describe("Discord conversation over the gateway", () => {
  it("opens a thread on a mention in a server channel and answers in it, pinging nobody", async () => {
    const { deps, requests } = setUp();
    const asked = messageCreate(`<@${BOT}> why did the Istanbul talks fail? @everyone <@1600000000000000002>`, { mentionsBot: true });
    expect(await answerDiscordMessage(asked, { botId: BOT, inThread: false }, deps)).toBe(true);
    expect(requests.map((r) => r.path)).toEqual([`/api/v10/channels/${CHANNEL}/messages/${asked.id}/threads`, `/api/v10/channels/${asked.id}/messages`]);
    expect(requests[0]!.body).toEqual({ name: "why did the Istanbul talks fail?", auto_archive_duration: 1440 });
    const answer = requests[1]!.body;
    expect(JSON.stringify(answer.embeds)).toContain("Istanbul Communiqué");
    expectWithinDiscordLimits(answer);
  });

  it("replies to the mention instead where it may not open a thread", async () => {
    const { deps, requests } = setUp({ threadsRefused: true });
    const asked = messageCreate(`<@!${BOT}> what does the author conclude?`, { mentionsBot: true });
    expect(await answerDiscordMessage(asked, { botId: BOT, inThread: false }, deps)).toBe(true);
    const reply = requests.at(-1)!;
    expect(reply.path).toBe(`/api/v10/channels/${CHANNEL}/messages`);
    expect(reply.body.message_reference).toEqual({ message_id: asked.id, fail_if_not_exists: false });
    expectWithinDiscordLimits(reply.body);
  });

  it("answers a direct message as a reply, with no thread", async () => {
    const { deps, requests } = setUp();
    const asked = messageCreate("what does the author conclude?", { channel_id: DM, guild_id: undefined });
    delete (asked as { guild_id?: string }).guild_id;
    expect(await answerDiscordMessage(asked, { botId: BOT, inThread: false }, deps)).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe(`/api/v10/channels/${DM}/messages`);
    // A DM is all for the bot: nothing to stop.
    expect(JSON.stringify(requests[0]!.body.components)).not.toContain("gt_stop:");
    expect(requests[0]!.body.message_reference.message_id).toBe(asked.id);
  });

  it("answers follow-ups in the thread it opened, read against the thread; once each", async () => {
    const { deps, requests } = setUp();
    const asked = messageCreate(`<@${BOT}> why did the Istanbul talks fail?`, { mentionsBot: true });
    await answerDiscordMessage(asked, { botId: BOT, inThread: false }, deps);
    // The thread has the asking message's id; with the Message Content intent a plain message there has words.
    const followUp = messageCreate("and China?", { channel_id: asked.id });
    expect(await answerDiscordMessage(followUp, { botId: BOT, inThread: true }, deps)).toBe(true);
    const answer = requests.at(-1)!;
    expect(answer.path).toBe(`/api/v10/channels/${asked.id}/messages`);
    expect(JSON.stringify(answer.body.embeds)).toContain(CHINA_PASSAGE);
    // The same message delivered again (a gateway resume) is not answered again.
    expect(await answerDiscordMessage(followUp, { botId: BOT, inThread: true }, deps)).toBe(false);

    // "Stop answering here", clicked in that thread: plain messages there go unanswered; a mention still is.
    const stop = answer.body.components.at(-1).components[0];
    expect(stop).toMatchObject({ label: "Stop answering here", custom_id: `gt_stop:${GUILD}:${asked.id}` });
    const click = (channel: string) => ({
      type: 3, id: String(++ids), application_id: "1", token: "t", version: 1, guild_id: GUILD, channel_id: channel, channel: { id: channel, type: 11 },
      member: { user: { id: "1600000000000000001", username: "dana" } }, data: { custom_id: stop.custom_id, component_type: 2 }, message: { flags: 0 },
    });
    const elsewhere = await handleInteraction(click(CHANNEL) as never, createCommandRegistry(() => knowledge), { conversation: deps.conversation });
    expect(JSON.stringify(elsewhere)).toContain("That button has expired");
    const response = await handleInteraction(click(asked.id) as never, createCommandRegistry(() => knowledge), { conversation: deps.conversation });
    expect(response).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(response)).toContain("stop answering plain messages");
    expect(await answerDiscordMessage(messageCreate("and Turkey?", { channel_id: asked.id }), { botId: BOT, inThread: true }, deps)).toBe(false);
    const mention = messageCreate(`<@${BOT}> and Turkey?`, { channel_id: asked.id, mentionsBot: true });
    expect(await answerDiscordMessage(mention, { botId: BOT, inThread: true }, deps)).toBe(true);
  });

  it("leaves alone bots, itself, system messages, unaddressed channel talk, other threads and wordless thread messages", async () => {
    const { deps, requests } = setUp();
    const asked = messageCreate(`<@${BOT}> why did the Istanbul talks fail?`, { mentionsBot: true });
    await answerDiscordMessage(asked, { botId: BOT, inThread: false }, deps);
    const before = requests.length;
    const ignored: Array<[DiscordIncomingMessage, boolean]> = [
      [messageCreate(`<@${BOT}> why?`, { mentionsBot: true, author: { id: "1700000000000000001", bot: true } }), false],
      [messageCreate("why did the talks fail?", { channel_id: DM, author: { id: BOT } }), false],
      [messageCreate(`<@${BOT}> why?`, { mentionsBot: true, type: 7 as DiscordIncomingMessage["type"] }), false],
      [messageCreate("why did the talks fail?"), false],
      [messageCreate("and China?", { channel_id: "1800000000000000001" }), true],
      // Without the Message Content intent a plain thread message arrives without its words.
      [messageCreate("", { channel_id: asked.id }), true],
    ];
    for (const [message, inThread] of ignored) expect(await answerDiscordMessage(message, { botId: BOT, inThread }, deps)).toBe(false);
    expect(requests).toHaveLength(before);
  });

  it("turns mentions, channels, roles and emoji into plain words, and cuts a long thread name at a word", () => {
    expect(discordMessageText(`<@${BOT}> what about <#123456789012345678> and <@&123456789012345678> <:flag_cn:123456789012345678> @here <https://example.org/x>?`)).toBe(
      "what about and flag_cn https://example.org/x?",
    );
    const name = threadName(`${"word ".repeat(40)}end`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/word…$/);
  });
});

describe("Discord gateway client with conversation", () => {
  it("asks for server and direct messages, not the privileged Message Content intent unless configured", async () => {
    const conversation = new Conversation({ registry: createCommandRegistry(() => knowledge), state: createMemoryStore() });
    const plain = createDiscordClient({ registry: createCommandRegistry(() => knowledge), logger: silentLogger, conversation });
    const withContent = createDiscordClient({ registry: createCommandRegistry(() => knowledge), logger: silentLogger, conversation, messageContent: true });
    try {
      const bits = plain.client.options.intents;
      expect(bits.has(GatewayIntentBits.Guilds) && bits.has(GatewayIntentBits.GuildMessages) && bits.has(GatewayIntentBits.DirectMessages)).toBe(true);
      expect(bits.has(GatewayIntentBits.MessageContent)).toBe(false);
      expect(withContent.client.options.intents.has(GatewayIntentBits.MessageContent)).toBe(true);
      expect(plain.client.options.allowedMentions).toEqual({ parse: [] });
    } finally {
      await plain.destroy();
      await withContent.destroy();
    }
  });

  it("hands a MESSAGE_CREATE from discord.js to the conversation, with where it was said", async () => {
    const conversation = new Conversation({ registry: createCommandRegistry(() => knowledge), state: createMemoryStore() });
    const gateway = createDiscordClient({ registry: createCommandRegistry(() => knowledge), logger: silentLogger, conversation });
    const api = mockDiscord();
    agents.push(api.agent);
    gateway.client.rest.setAgent(api.agent).setToken("test-token");
    // Logged in, as far as the handler can tell: it needs the bot's own id.
    Object.defineProperty(gateway.client, "user", { value: { id: BOT }, configurable: true });
    const message = (fields: { id: string; content: string; channelType: number; mentioned: boolean; bot?: boolean }) => ({
      id: fields.id,
      channelId: CHANNEL,
      guildId: GUILD,
      content: fields.content,
      type: 0,
      mentions: { users: new Map(fields.mentioned ? [[BOT, { id: BOT }]] : []) },
      author: { id: "1600000000000000001", bot: fields.bot ?? false, username: "dana" },
      channel: { type: fields.channelType },
    });
    try {
      gateway.client.emit("messageCreate", message({ id: "1900000000000000001", content: `<@${BOT}> what does the author conclude?`, channelType: 0, mentioned: true }) as never);
      gateway.client.emit("messageCreate", message({ id: "1900000000000000002", content: `<@${BOT}> hi`, channelType: 0, mentioned: true, bot: true }) as never);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(api.requests.map((r) => r.path)).toEqual([
        `/api/v10/channels/${CHANNEL}/messages/1900000000000000001/threads`,
        "/api/v10/channels/1900000000000000001/messages",
      ]);
    } finally {
      await gateway.destroy();
    }
  });

  it("sends REST calls to DISCORD_API_URL: a shared proxy", async () => {
    const settings = readDiscordSettings((name) => ({ DISCORD_TOKEN: "a.b.c", DISCORD_API_URL: "https://rest-proxy.example.org/api/" })[name], []);
    expect(settings?.apiUrl).toBe("https://rest-proxy.example.org/api");
    const problems: string[] = [];
    expect(readDiscordSettings((name) => ({ DISCORD_TOKEN: "a.b.c", DISCORD_API_URL: "http://rest-proxy.example.org/api" })[name], problems)).toBeNull();
    expect(problems.join(" ")).toContain("DISCORD_API_URL must use https");

    const conversation = new Conversation({ registry: createCommandRegistry(() => knowledge), state: createMemoryStore() });
    const gateway = createDiscordClient({ registry: createCommandRegistry(() => knowledge), logger: silentLogger, conversation, apiUrl: settings!.apiUrl });
    const proxy = mockDiscord("https://rest-proxy.example.org");
    agents.push(proxy.agent);
    gateway.client.rest.setAgent(proxy.agent).setToken("test-token");
    try {
      const asked = messageCreate("what does the author conclude?", { channel_id: DM });
      delete (asked as { guild_id?: string }).guild_id;
      expect(await answerDiscordMessage(asked, { botId: BOT, inThread: false }, { conversation, rest: gateway.client.rest, logger: silentLogger })).toBe(true);
      expect(proxy.requests.map((r) => r.path)).toEqual([`/api/v10/channels/${DM}/messages`]);
    } finally {
      await gateway.destroy();
    }
  });
});
