/**
 * Interactions as Discord sends them, replayed against the HTTP endpoint for what real payloads and a new user
 * found: who sees a shared notice, whether /help shows every command, and the like.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import { handleInteraction } from "../../src/platforms/discord/handleInteraction.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { KnowledgeBase, loadKnowledge, parseDocument } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { buttonClick, createTestKeyPair, signBody, slashCommand, startEndpoint, type TestEndpoint } from "./signedInteractions.js";

const keys = createTestKeyPair();
let endpoint: TestEndpoint;

beforeAll(async () => {
  const seed = await loadKnowledge("knowledge");
  const canal = parseDocument("canal-essay", "canal-essay.md", "# Canal Essay\n\n## Locks\n\nThe locks were rebuilt in 1920 (Hale, 2001).\n\n## Conclusion: Peace or Prolonged War?\n\nThe canal opened again in 1925.\n");
  const knowledge = new KnowledgeBase([...seed.documents, canal], []);
  // One command per user a minute: a Share clicked after the command is refused.
  const registry = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: { limit: 1, windowMs: 60_000 } });
  endpoint = await startEndpoint(createDiscordInteractionsHandler({ publicKey: keys.publicKeyHex, registry, logger: silentLogger }));
});

afterAll(async () => {
  await endpoint.close();
});

async function send(payload: unknown): Promise<any> {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": signBody(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp },
    body: raw,
  });
  expect(response.status).toBe(200);
  return response.json();
}

function customIds(message: any): string[] {
  return message.components.flatMap((row: any) => row.components.map((button: any) => button.custom_id));
}

function withUser<T extends { member: { user: { id: string } } }>(payload: T, id: string): T {
  return { ...payload, member: { ...payload.member, user: { ...payload.member.user, id } } };
}

describe("Discord Share in channel posts answers only", () => {
  it("a Share clicked while rate limited answers the clicker alone, in a new message, and keeps the answer", async () => {
    const answer = await send(withUser(slashCommand("source", [{ name: "name", type: 3, value: "minsk" }]), "300000000000000001"));
    const share = customIds(answer.data).find((id) => id.includes("|s|"))!;
    expect(share).toBeDefined();

    const clicked = await send(withUser(buttonClick(share), "300000000000000001"));
    expect(clicked.data.embeds[0].description).toMatch(/faster than I can keep up/);
    // A new ephemeral message: not posted for the channel, and not written over the answer it was clicked on.
    expect(clicked.type).toBe(4);
    expect(clicked.data.flags).toBe(64);
  });

  it("a notice asking which document has no Share button", async () => {
    // Both documents have this section, so the audit differs by document: the bot asks, with a button for each.
    const notice = await send(withUser(slashCommand("audit", [{ name: "section", type: 3, value: "conclusion" }]), "300000000000000002"));
    expect(notice.data.embeds[0].title).toBe("Which document?");
    expect(customIds(notice.data).some((id) => id.includes("|s|"))).toBe(false);
    expect(customIds(notice.data).length).toBe(2);
  });
});

describe("Discord /help", () => {
  it("lists every command with its whole usage and description", async () => {
    const help = await send(withUser(slashCommand("help", []), "300000000000000003"));
    const fields: Array<{ name: string; value: string }> = help.data.embeds[0].fields;
    expect(fields.length).toBeGreaterThan(10);
    expect(JSON.stringify(help.data)).not.toMatch(/not shown/);
    // Whole descriptions, not cut to share a small budget.
    const source = fields.find((field) => field.name.startsWith("/source"))?.value ?? "";
    expect(source).toMatch(/^Where the document speaks of a name or term \(.+\), with full references$/);
    expect(source).not.toMatch(/…$/);
    expect(fields.map((field) => field.name)).toContain("/ask <\u200bquestion> \\[for: @person\\] \\[document: name\\]");
  });
});

describe("Discord autocomplete", () => {
  async function choices(command: string, options: Array<{ name: string; type: number; value: string; focused?: boolean }>): Promise<string[]> {
    const answer = await send(slashCommand(command, options, true));
    expect(answer.type).toBe(8);
    return answer.data.choices.map((choice: { value: string }) => choice.value);
  }

  it("offers terms from the document already chosen in the same command", async () => {
    const everywhere = await choices("source", [{ name: "name", type: 3, value: "r", focused: true }]);
    expect(everywhere.some((term) => !/^(rebuilt)$/i.test(term))).toBe(true);
    const inCanal = await choices("source", [
      { name: "document", type: 3, value: "canal-essay" },
      { name: "name", type: 3, value: "r", focused: true },
    ]);
    expect(inCanal).toEqual(["rebuilt"]);
  });

  it("offers sources from the document already chosen, by id or title", async () => {
    for (const document of ["canal-essay", "Canal Essay"]) {
      const sources = await choices("cite", [
        { name: "source", type: 3, value: "", focused: true },
        { name: "document", type: 3, value: document },
      ]);
      expect(sources).toEqual(["Hale"]);
    }
  });
});

describe("Discord /teams", () => {
  it("shows each person as a mention, which Discord draws as their name, and pings only them", async () => {
    const ids = ["222222222222222201", "222222222222222202", "222222222222222203"];
    const answer = await send(withUser(slashCommand("teams", [{ name: "people", type: 3, value: ids.map((id) => `<@${id}>`).join(" ") }]), "300000000000000004"));
    const fields: Array<{ name: string; value: string }> = answer.data.embeds[0].fields;
    const listed = fields.filter((field) => /^(Proposition|Opposition)/.test(field.name)).flatMap((field) => field.value.split("\n"));
    expect(listed.sort()).toEqual(ids.map((id) => `<@${id}>`).sort());
    expect(JSON.stringify(fields)).not.toMatch(/(?<!<)@\d{6}|<\u200b@/);
    expect(answer.data.allowed_mentions).toEqual({ parse: [], users: expect.arrayContaining(ids) });
    expect(answer.data.allowed_mentions.users).toHaveLength(3);
  });
});

describe("Discord buttons on a question longer than a custom_id", () => {
  const QUESTION = "why did the talks between russia and ukraine fail after the istanbul communique and the minsk accords were violated";

  function buttonsOf(message: any): Array<{ label: string; custom_id: string }> {
    return message.components.flatMap((row: any) => row.components);
  }

  it("keeps Share and More, each a short key that answers the whole question", async () => {
    expect(QUESTION.length).toBeGreaterThan(100);
    const asked = await send(withUser(slashCommand("ask", [{ name: "question", type: 3, value: QUESTION }]), "300000000000000005"));
    const buttons = buttonsOf(asked.data);
    const more = buttons.find((button) => button.label === "More")!;
    const share = buttons.find((button) => button.label === "Share in channel")!;
    expect(more).toBeDefined();
    expect(share).toBeDefined();
    for (const button of buttons) expect(button.custom_id.length).toBeLessThanOrEqual(100);

    // The limit is one command a minute per user: each click comes from someone else.
    const paged = await send(withUser(buttonClick(more.custom_id), "300000000000000006"));
    expect(paged.type).toBe(7);
    expect(paged.data.embeds[0].title).toBe(QUESTION);
    expect(paged.data.embeds[0].description).toMatch(/Passages 4-6 of/);

    const shared = await send(withUser(buttonClick(share.custom_id), "300000000000000007"));
    expect(shared.type).toBe(4);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(shared.data.embeds[0].title).toBe(QUESTION);
  });

  it("answers a key it does not know (another instance's, or expired) as an expired button", async () => {
    const clicked = await send(withUser(buttonClick("gtk|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), "300000000000000008"));
    expect(clicked.data.embeds[0].title).toBe("That button has expired");
    expect(clicked.data.flags).toBe(64);
  });

  it("without a key store, leaves those buttons out and says why", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const registry = createCommandRegistry(() => knowledge);
    const response: any = await handleInteraction(slashCommand("ask", [{ name: "question", type: 3, value: QUESTION }]) as never, registry);
    const labels = buttonsOf(response.data).map((button) => button.label);
    expect(labels).not.toContain("More");
    expect(labels).not.toContain("Share in channel");
    expect(labels).toContain("Context 1");
    expect(response.data.embeds[0].footer.text).toContain("ask a shorter one to get them");
  });
});
