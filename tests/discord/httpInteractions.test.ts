import { request as request_ } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CommandRegistry } from "../../src/commands/index.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordInteractionsHandler, MAX_INTERACTION_BODY_BYTES } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import {
  buttonClick,
  createTestKeyPair,
  findInDocumentCommand,
  interactionBase,
  signBody,
  slashCommand,
  startEndpoint,
  type TestEndpoint,
} from "./signedInteractions.js";

const MINSK = "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
const MINSK_ORIGIN = "The Trust Deficit and Enforcement Challenges · Russia Ukraine Peace Talks";
const MEARSHEIMER_ENTRY = "Mearsheimer, J. (2014). Foreign Affairs.";

const keys = createTestKeyPair();
let registry: CommandRegistry;
let endpoint: TestEndpoint;
const calls = { run: 0, complete: 0, runInvocation: 0 };

beforeAll(async () => {
  const knowledge = await loadKnowledge("knowledge");
  registry = createCommandRegistry(() => knowledge);
  for (const method of ["run", "complete", "runInvocation"] as const) {
    const original = registry[method].bind(registry) as (...args: unknown[]) => unknown;
    vi.spyOn(registry, method).mockImplementation(((...args: unknown[]) => {
      calls[method] += 1;
      return original(...args);
    }) as never);
  }
  endpoint = await startEndpoint(createDiscordInteractionsHandler({ publicKey: keys.publicKeyHex, registry, logger: silentLogger }));
});

afterAll(async () => {
  await endpoint.close();
});

afterEach(() => {
  calls.run = calls.complete = calls.runInvocation = 0;
});

interface SendOptions {
  timestamp?: string;
  headers?: Record<string, string>;
  /** The body actually sent, when it differs from the one signed. */
  sentBody?: string;
  signature?: string;
}

async function send(payload: unknown, options: SendOptions = {}): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(payload);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const headers = options.headers ?? {
    "content-type": "application/json",
    "x-signature-ed25519": options.signature ?? signBody(keys.privateKey, timestamp, raw),
    "x-signature-timestamp": timestamp,
  };
  const response = await fetch(endpoint.url, { method: "POST", headers, body: options.sentBody ?? raw });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function embedText(message: any): string {
  return message.embeds
    .map((embed: any) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f: any) => [f.name, f.value]), embed.footer?.text].join("\n"))
    .join("\n");
}

function buttons(message: any): Array<{ label: string; custom_id: string }> {
  return message.components.flatMap((row: any) => row.components);
}

describe("Discord HTTP interactions endpoint", () => {
  it("answers PING with PONG", async () => {
    const { status, body } = await send({ ...interactionBase(), type: 1 });
    expect(status).toBe(200);
    expect(body).toEqual({ type: 1 });
  });

  it("answers /source minsk privately with the verbatim passage, where it comes from, and no pings", async () => {
    const { status, body } = await send(slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(embedText(body.data)).toContain(MINSK);
    expect(embedText(body.data)).toContain(MINSK_ORIGIN);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(buttons(body.data).map((b) => b.label)).toContain("Share in channel");
  });

  it("answers /cite mearsheimer with the reference entry and the passage that cites it", async () => {
    const { body } = await send(slashCommand("cite", [{ name: "source", type: 3, value: "mearsheimer" }]));
    expect(body.type).toBe(4);
    const text = embedText(body.data);
    expect(text).toContain(MEARSHEIMER_ENTRY);
    expect(text).toContain("Scholars like Mearsheimer (2014) argue that NATO expansion created an existential security dilemma for Russia");
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("addresses /ask … for: @person publicly, allowing exactly that one ping", async () => {
    const person = "999999999999999999";
    const { body } = await send(
      slashCommand("ask", [
        { name: "question", type: 3, value: "why did the Istanbul talks fail" },
        { name: "for", type: 6, value: person },
      ]),
    );
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    expect(body.data.content).toBe(`<@${person}>`);
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [person] });
    expect(embedText(body.data)).toMatch(/Istanbul/);
  });

  it("autocompletes /source from the document's terms: at most 25 choices, each within 100 characters", async () => {
    const { body } = await send(slashCommand("source", [{ name: "name", type: 3, value: "mi", focused: true }], true));
    expect(body.type).toBe(8);
    const choices: Array<{ name: string; value: string }> = body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((choice) => choice.value)).toContain("Minsk");
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it("autocompletes /cite with source authors", async () => {
    const { body } = await send(slashCommand("cite", [{ name: "source", type: 3, value: "mear", focused: true }], true));
    expect(body.type).toBe(8);
    expect(body.data.choices.map((choice: any) => choice.value)).toContain("Mearsheimer");
  });

  it("shares a private answer as a new public message when 'Share in channel' is clicked", async () => {
    const first = await send(slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]));
    const share = buttons(first.body.data).find((b) => b.label === "Share in channel")!;
    const { body } = await send(buttonClick(share.custom_id));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    expect(embedText(body.data)).toContain(MINSK);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(buttons(body.data).map((b) => b.label)).not.toContain("Share in channel");
  });

  it("pages 'More' in place on the clicker's ephemeral message, and privately under a public one", async () => {
    const first = await send(slashCommand("ask", [{ name: "question", type: 3, value: "why did the talks fail" }]));
    const more = buttons(first.body.data).find((b) => b.label === "More")!;
    expect(more).toBeDefined();

    const inPlace = await send(buttonClick(more.custom_id, 64));
    expect(inPlace.body.type).toBe(7);
    expect(inPlace.body.data.flags).toBeUndefined();
    expect(embedText(inPlace.body.data)).toContain("Passages 4-6");
    expect(inPlace.body.data.allowed_mentions).toEqual({ parse: [] });

    const underPublic = await send(buttonClick(more.custom_id, 0));
    expect(underPublic.body.type).toBe(4);
    expect(underPublic.body.data.flags).toBe(64);
  });

  it("answers an expired or forged button privately instead of replacing the message", async () => {
    const { body } = await send(buttonClick("not-an-invocation"));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(embedText(body.data)).toContain("That button has expired");
  });

  it("finds a message's text in the document with the 'Find in document' message command, privately", async () => {
    const { body } = await send(findInDocumentCommand("Didn't Russia break the Minsk accords?"));
    expect(calls.run).toBe(1);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(embedText(body.data)).toContain(MINSK);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers a message with no text with a private note", async () => {
    const { body } = await send(findInDocumentCommand("   "));
    expect(body.data.flags).toBe(64);
    expect(embedText(body.data)).toContain("no text");
  });

  describe("refuses requests that are not from Discord, before anything runs", () => {
    const command = () => slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]);

    it("a signature from another key", async () => {
      const other = createTestKeyPair();
      const payload = command();
      const timestamp = String(Math.floor(Date.now() / 1000));
      const { status } = await send(payload, { timestamp, signature: signBody(other.privateKey, timestamp, JSON.stringify(payload)) });
      expect(status).toBe(401);
    });

    it("missing signature headers", async () => {
      const { status } = await send(command(), { headers: { "content-type": "application/json" } });
      expect(status).toBe(401);
    });

    it("a truncated signature", async () => {
      const payload = command();
      const timestamp = String(Math.floor(Date.now() / 1000));
      const { status } = await send(payload, { timestamp, signature: signBody(keys.privateKey, timestamp, JSON.stringify(payload)).slice(0, 100) });
      expect(status).toBe(401);
    });

    it("a correctly signed but stale timestamp (more than five minutes old)", async () => {
      const { status } = await send(command(), { timestamp: String(Math.floor(Date.now() / 1000) - 301) });
      expect(status).toBe(401);
    });

    it("a body changed after signing", async () => {
      const payload = command();
      const tampered = JSON.stringify({ ...payload, data: { ...payload.data, name: "cite" } });
      const { status } = await send(payload, { sentBody: tampered });
      expect(status).toBe(401);
    });

    it("a PING with a bad signature (Discord's own check when the URL is saved)", async () => {
      const { status } = await send({ ...interactionBase(), type: 1 }, { signature: "0".repeat(128) });
      expect(status).toBe(401);
    });

    afterEach(() => {
      expect(calls).toEqual({ run: 0, complete: 0, runInvocation: 0 });
    });
  });

  it("refuses a replayed interaction id, even correctly signed", async () => {
    const payload = slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]);
    expect((await send(payload)).status).toBe(200);
    const replay = await send(payload);
    expect(replay.status).toBe(409);
    expect(calls.run).toBe(1);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const payload = { ...interactionBase(), type: 1, padding: "x".repeat(MAX_INTERACTION_BODY_BYTES) };
    const { status } = await send(payload);
    expect(status).toBe(413);
  });

  it("refuses a chunked body that grows past 1 MB with no Content-Length announcing it", async () => {
    // Well-formed signature headers, so the body is read (headers that cannot be valid are refused unread).
    const headers = { "transfer-encoding": "chunked", "x-signature-ed25519": "0".repeat(128), "x-signature-timestamp": String(Math.floor(Date.now() / 1000)) };
    const status = await new Promise<number>((resolve, reject) => {
      const request = request_(endpoint.url, { method: "POST", headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      const chunk = "x".repeat(64 * 1024);
      for (let sent = 0; sent <= MAX_INTERACTION_BODY_BYTES; sent += chunk.length) request.write(chunk);
      request.end();
    });
    expect(status).toBe(413);
    expect(calls).toEqual({ run: 0, complete: 0, runInvocation: 0 });
  });

  it("refuses other methods", async () => {
    const response = await fetch(endpoint.url);
    expect(response.status).toBe(405);
    await response.text();
  });
});
