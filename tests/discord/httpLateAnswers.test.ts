import { afterEach, describe, expect, it, vi } from "vitest";
import { CommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import { slowMinskCommand, timerCommand } from "./timingCommands.js";
import { buttonClick, createTestKeyPair, interactionBase, signBody, slashCommand, startEndpoint, type TestEndpoint } from "./signedInteractions.js";

/*
 * Timing behaviour needs commands that are slow or schedule reminders on demand, so these use a small registry
 * of test commands over the real knowledge; the real commands are covered in httpInteractions.test.ts.
 */
const knowledge: KnowledgeBase = await loadKnowledge("knowledge");
const slowMinsk = slowMinskCommand;
const timer = timerCommand([
  { delaySeconds: 0, text: "Time is up, @everyone <@123456789012345678>" },
  { delaySeconds: 20 * 60, text: "Far too late" },
]);

const keys = createTestKeyPair();
let endpoint: TestEndpoint | undefined;

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function start() {
  const fetchMock = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(null, { status: 204 }));
  const registry = new CommandRegistry([slowMinsk, timer], () => knowledge);
  const handler = createDiscordInteractionsHandler({
    publicKey: keys.publicKeyHex,
    registry,
    logger: silentLogger,
    fetch: fetchMock as unknown as typeof fetch,
    deferAfterMs: 40,
  });
  endpoint = await startEndpoint(handler);
  return { fetchMock, url: endpoint.url };
}

async function send(url: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: "POST",
    headers: { "x-signature-ed25519": signBody(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp },
    body: raw,
  });
  return (await response.json()) as any;
}

describe("Discord HTTP mode: slow answers and timed follow-ups", () => {
  it("defers work that outlasts the deadline, then edits the original message through the webhook", async () => {
    const { fetchMock, url } = await start();
    const base = interactionBase();
    const body = await send(url, { ...slashCommand("slow", []), application_id: base.application_id, token: "slow-token" });
    expect(body).toEqual({ type: 5, data: { flags: 64 } });

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [target, init] = fetchMock.mock.calls[0]!;
    expect(String(target)).toBe(`https://discord.com/api/v10/webhooks/${base.application_id}/slow-token/messages/@original`);
    expect(init?.method).toBe("PATCH");
    const edit = JSON.parse(String(init?.body));
    expect(edit.embeds[0].description).toContain("Russia has violated multiple agreements, from the Minsk accords (2014-2015)");
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(edit.flags).toBeUndefined();
  });

  it("defers a slow button on the clicker's ephemeral message as an update, then edits that message", async () => {
    const { fetchMock, url } = await start();
    const body = await send(url, { ...buttonClick("gt1|slow|1||", 64), token: "button-token" });
    expect(body).toEqual({ type: 6 });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [target, init] = fetchMock.mock.calls[0]!;
    expect(String(target)).toBe("https://discord.com/api/v10/webhooks/111111111111111111/button-token/messages/@original");
    expect(init?.method).toBe("PATCH");
    expect(JSON.parse(String(init?.body)).embeds[0].description).toContain("Russia has violated multiple agreements");
  });

  it("posts a reply's follow-ups to the interaction webhook, with no pings, and says which cannot be sent in time", async () => {
    const { fetchMock, url } = await start();
    const body = await send(url, { ...slashCommand("timer", []), token: "timer-token" });
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const posts = fetchMock.mock.calls.map(([target, init]) => ({ url: String(target), method: init?.method, body: JSON.parse(String(init?.body)) }));
    for (const post of posts) {
      expect(post.url).toBe("https://discord.com/api/v10/webhooks/111111111111111111/timer-token");
      expect(post.method).toBe("POST");
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
    }
    const timeUp = posts.find((post) => post.body.content.startsWith("Time is up"))!;
    expect(timeUp.body.content).not.toContain("@everyone");
    expect(timeUp.body.content).not.toContain("<@123456789012345678>");
    const note = posts.find((post) => post.body.content.includes("15 minutes"))!;
    expect(note.body.flags).toBe(64);
    expect(posts.some((post) => post.body.content.includes("Far too late"))).toBe(false);
  });
});
