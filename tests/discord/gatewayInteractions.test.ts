import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GatewayIntentBits } from "discord.js";
import { MockAgent } from "undici";
import { CommandRegistry, createCommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordClient, type DiscordGatewayClient } from "../../src/platforms/discord/createDiscordClient.js";
import { buttonClick, findInDocumentCommand, slashCommand } from "./signedInteractions.js";
import { slowMinskCommand, timerCommand } from "./timingCommands.js";

const MINSK = "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";

interface Captured {
  method: string;
  path: string;
  body: any;
}

/** discord.js's REST pointed at a MockAgent: every request is recorded and answered, nothing leaves the machine. */
function mockDiscordApi(gateway: DiscordGatewayClient): { requests: Captured[]; agent: MockAgent } {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: Captured[] = [];
  const pool = agent.get("https://discord.com");
  for (const method of ["POST", "PATCH", "DELETE"]) {
    pool
      .intercept({ path: (path: string) => path.startsWith("/api/v10/"), method })
      .reply((options) => {
        const body = typeof options.body === "string" ? JSON.parse(options.body) : null;
        requests.push({ method, path: options.path, body });
        const isWebhookMessage = options.path.includes("/webhooks/") && method !== "DELETE";
        return isWebhookMessage
          ? { statusCode: 200, data: JSON.stringify({ id: "1", channel_id: "444444444444444444", content: "", embeds: [], flags: 0 }), responseOptions: { headers: { "content-type": "application/json" } } }
          : { statusCode: 204, data: "" };
      })
      .persist();
  }
  gateway.client.rest.setAgent(agent);
  return { requests, agent };
}

/** Delivers a raw INTERACTION_CREATE payload the way the gateway does, building the discord.js interaction. */
function dispatch(gateway: DiscordGatewayClient, raw: object): void {
  (gateway.client as unknown as { actions: { InteractionCreate: { handle(data: object): void } } }).actions.InteractionCreate.handle(raw);
}

const callbackOf = (requests: Captured[], raw: { id: string; token: string }) =>
  requests.find((request) => request.path.startsWith(`/api/v10/interactions/${raw.id}/${raw.token}/callback`));

let knowledge: KnowledgeBase;
let gateway: DiscordGatewayClient;
let api: ReturnType<typeof mockDiscordApi>;

beforeAll(async () => {
  knowledge = await loadKnowledge("knowledge");
  gateway = createDiscordClient({ registry: createCommandRegistry(() => knowledge), logger: silentLogger });
  api = mockDiscordApi(gateway);
});

afterAll(async () => {
  await gateway.destroy();
  await api.agent.close();
});

describe("Discord gateway client", () => {
  it("asks for the Guilds intent only, and mentions nobody by default", () => {
    expect(gateway.client.options.intents.bitfield).toBe(GatewayIntentBits.Guilds);
    expect(gateway.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it("answers /source minsk through discord.js with the passage, privately, pinging nobody", async () => {
    const raw = slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]);
    dispatch(gateway, raw);
    await vi.waitFor(() => expect(callbackOf(api.requests, raw)).toBeDefined());
    const { body } = callbackOf(api.requests, raw)!;
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toContain(MINSK);
    expect(body.data.embeds[0].description).toContain("The Trust Deficit and Enforcement Challenges");
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const labels = body.data.components.flatMap((row: any) => row.components.map((button: any) => button.label));
    expect(labels).toContain("Share in channel");
  });

  it("keeps no users or members cached after answering", () => {
    expect(gateway.client.users.cache.size).toBe(0);
  });

  it("answers autocomplete with the choices from the index", async () => {
    const raw = slashCommand("source", [{ name: "name", type: 3, value: "mi", focused: true }], true);
    dispatch(gateway, raw);
    await vi.waitFor(() => expect(callbackOf(api.requests, raw)).toBeDefined());
    const { body } = callbackOf(api.requests, raw)!;
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices).toContainEqual({ name: "Minsk", value: "Minsk" });
  });

  it("addresses /ask for: @person, allowing that one ping only", async () => {
    const person = "999999999999999999";
    const raw = slashCommand("ask", [
      { name: "question", type: 3, value: "why did the Istanbul talks fail" },
      { name: "for", type: 6, value: person },
    ]);
    dispatch(gateway, { ...raw, data: { ...raw.data, resolved: { users: { [person]: { id: person, username: "sam", discriminator: "0", avatar: null, global_name: null } } } } });
    await vi.waitFor(() => expect(callbackOf(api.requests, raw)).toBeDefined());
    const { body } = callbackOf(api.requests, raw)!;
    expect(body.data.content).toBe(`<@${person}>`);
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [person] });
    expect(body.data.flags ?? 0).toBe(0);
  });

  it("updates the message in place for 'More' and posts a public message for 'Share in channel'", async () => {
    const more = buttonClick("gt1|ask|1||question=why+did+the+talks+fail", 64);
    dispatch(gateway, more);
    await vi.waitFor(() => expect(callbackOf(api.requests, more)).toBeDefined());
    const updated = callbackOf(api.requests, more)!.body;
    expect(updated.type).toBe(7);
    expect(updated.data.embeds[0].description).toContain("Passages 4-6");
    expect(updated.data.allowed_mentions).toEqual({ parse: [] });

    const share = buttonClick("gt1|source|0|s|name=minsk", 64);
    dispatch(gateway, share);
    await vi.waitFor(() => expect(callbackOf(api.requests, share)).toBeDefined());
    const shared = callbackOf(api.requests, share)!.body;
    expect(shared.type).toBe(4);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(shared.data.embeds[0].description).toContain(MINSK);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("keeps More on a question too long for a custom_id: a short key the gateway answers with the whole question", async () => {
    const question = "why did the talks between russia and ukraine fail after the istanbul communique and the minsk accords were violated";
    const asked = slashCommand("ask", [{ name: "question", type: 3, value: question }]);
    dispatch(gateway, asked);
    await vi.waitFor(() => expect(callbackOf(api.requests, asked)).toBeDefined());
    const buttons = callbackOf(api.requests, asked)!.body.data.components.flatMap((row: any) => row.components);
    const more = buttons.find((button: any) => button.label === "More");
    expect(more.custom_id.length).toBeLessThanOrEqual(100);

    const click = buttonClick(more.custom_id, 64);
    dispatch(gateway, click);
    await vi.waitFor(() => expect(callbackOf(api.requests, click)).toBeDefined());
    const paged = callbackOf(api.requests, click)!.body;
    expect(paged.type).toBe(7);
    expect(paged.data.embeds[0].title).toBe(question);
    expect(paged.data.embeds[0].description).toContain("Passages 4-6");
  });

  it("runs 'Find in document' on the message's text", async () => {
    const raw = findInDocumentCommand("So who broke the Minsk accords, then?");
    dispatch(gateway, raw);
    await vi.waitFor(() => expect(callbackOf(api.requests, raw)).toBeDefined());
    const { body } = callbackOf(api.requests, raw)!;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].description).toContain(MINSK);
  });
});

describe("Discord gateway client: slow work and reminders", () => {
  const slow = slowMinskCommand;
  const timer = timerCommand([{ delaySeconds: 0, text: "Time is up" }]);

  it("defers first, then edits the deferred reply with the answer", async () => {
    const local = createDiscordClient({ registry: new CommandRegistry([slow, timer], () => knowledge), logger: silentLogger, deferAfterMs: 40 });
    const localApi = mockDiscordApi(local);
    try {
      const raw = slashCommand("slow", []);
      dispatch(local, raw);
      await vi.waitFor(() => expect(localApi.requests.some((r) => r.method === "PATCH")).toBe(true));
      expect(callbackOf(localApi.requests, raw)!.body).toEqual({ type: 5, data: { flags: 64 } });
      const edit = localApi.requests.find((r) => r.method === "PATCH")!;
      expect(edit.path).toMatch(new RegExp(`^/api/v10/webhooks/${raw.application_id}/${raw.token}/messages/(@|%40)original`));
      expect(edit.body.embeds[0].description).toContain(MINSK);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });

      const timed = slashCommand("timer", []);
      dispatch(local, timed);
      await vi.waitFor(() => expect(localApi.requests.some((r) => r.method === "POST" && r.path.startsWith(`/api/v10/webhooks/${timed.application_id}/${timed.token}`))).toBe(true));
      const followUp = localApi.requests.find((r) => r.method === "POST" && r.path.startsWith("/api/v10/webhooks/"))!;
      expect(followUp.body.content).toBe("Time is up");
      expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await local.destroy();
      await localApi.agent.close();
    }
  });
});
