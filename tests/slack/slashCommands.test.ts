import nock from "nock";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  blockText,
  BOT_TOKEN,
  buttonsOf,
  MINSK_PASSAGE,
  postSigned,
  slashCommandBody,
  useSlackTestServer,
  waitFor,
} from "./slackHarness.js";

describe("Slack slash commands over HTTP, signed as Slack signs them", () => {
  const server = useSlackTestServer();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers /source minsk in the acknowledgement: the Minsk passage and where it is from, privately", async () => {
    const started = Date.now();
    const response = await postSigned(server().url, slashCommandBody("/source", "minsk"));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const body = (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    const shown = blockText(body.blocks);
    expect(shown).toContain(`>${MINSK_PASSAGE}`);
    expect(shown).toContain("The Trust Deficit and Enforcement Challenges");
    expect(shown).toContain("Russia Ukraine Peace Talks");
    // A private answer can be shared: the Share button carries the invocation.
    const share = buttonsOf(body.blocks).find((button) => button.action_id === "gt_share");
    expect(share?.text.text).toBe("Share in channel");
    expect(share?.value).toMatch(/^gt1\|source\|/);
  });

  it("says /cite reuters is cited but not in the reference list, with the passage that cites it", async () => {
    const response = await postSigned(server().url, slashCommandBody("/cite", "reuters"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    const shown = blockText(body.blocks);
    expect(shown).toMatch(/Reuters \(2023\) is cited in the text but is not in the reference list/);
    expect(shown).toContain("the grain deal brokered by Turkey and the UN");
  });

  it("answers a command the registry does not have with what it does have", async () => {
    const response = await postSigned(server().url, slashCommandBody("/nosuch", ""));
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    expect(blockText(body.blocks)).toContain("There is no /nosuch command");
    expect(blockText(body.blocks)).toContain("/source");
  });

  describe("refuses anything Slack did not sign, before any command runs", () => {
    const nowSeconds = () => Math.floor(Date.now() / 1000);
    // Options are built when each test runs: a timestamp computed at collection time would drift into the window.
    const cases: Array<[string, () => Parameters<typeof postSigned>[2]]> = [
      ["a signature made with another secret", () => ({ secret: "not-the-signing-secret" })],
      ["no signature at all", () => ({ unsigned: true })],
      ["a timestamp older than five minutes", () => ({ timestamp: nowSeconds() - 301 })],
      ["a timestamp more than five minutes ahead", () => ({ timestamp: nowSeconds() + 301 })],
      ["a body changed after signing", () => ({ tamper: (body: string) => body.replace("text=minsk", "text=bucha") })],
    ];
    for (const [name, options] of cases) {
      it(`401 for ${name}`, async () => {
        const run = vi.spyOn(server().registry, "run");
        const response = await postSigned(server().url, slashCommandBody("/source", "minsk"), options());
        expect(response.status).toBe(401);
        expect(await response.text()).toBe("");
        expect(run).not.toHaveBeenCalled();
      });
    }

    it("accepts a timestamp four minutes old (inside the window)", async () => {
      const response = await postSigned(server().url, slashCommandBody("/source", "minsk"), {
        timestamp: nowSeconds() - 240,
      });
      expect(response.status).toBe(200);
    });
  });

  it("never logs the bot token or the signature", async () => {
    await postSigned(server().url, slashCommandBody("/source", "minsk"));
    await postSigned(server().url, slashCommandBody("/source", "minsk"), { secret: "wrong" });
    expect(server().logs.text()).not.toContain("xoxb-");
    expect(server().logs.text()).not.toContain("v0=");
  });
});

describe("Slack slash command text, escaped as Slack sends it", () => {
  const server = useSlackTestServer();

  async function run(command: string, text: string): Promise<{ response_type: string; blocks: Array<{ type: string; text?: { text: string } }> }> {
    const response = await postSigned(server().url, slashCommandBody(command, text));
    expect(response.status).toBe(200);
    return response.json() as never;
  }
  const header = (body: Awaited<ReturnType<typeof run>>) => body.blocks.find((block) => block.type === "header")?.text?.text;

  it("decodes &amp; once: the header says what was typed, escaped once for Slack", async () => {
    const body = await run("/ask", "Mearsheimer &amp; Kofman");
    expect(header(body)).toBe("Mearsheimer &amp; Kofman");
  });

  it("searches the typed words, not the entity: /source Turkey &amp; the UN names all of it", async () => {
    const body = await run("/source", "Turkey &amp; the UN");
    expect(header(body)).toBe("Where the document mentions Turkey &amp; the UN");
    const shown = blockText(body.blocks);
    expect(shown).toContain("brokered by Turkey and the UN");
    expect(shown).not.toMatch(/No passage names all/);
  });

  it("reads links as their labels and leaves channel and broadcast tokens out of the question", async () => {
    const body = await run("/ask", "<!channel> why did <https://example.org/talks|the Istanbul talks> fail <#C0001|general>");
    expect(header(body)).toBe("why did the Istanbul talks fail");
    expect(body.response_type).toBe("ephemeral");
  });

  it("keeps the user id of for: <@U…|name>, so the answer is addressed to that person", async () => {
    const body = await run("/source", "minsk for: <@U0002|sam>");
    expect(body.response_type).toBe("in_channel");
    expect(blockText(body.blocks)).toMatch(/^<@U0002>/m);
  });

  it("keeps the user ids /teams splits, so the teams name real people", async () => {
    const body = await run("/teams", "<@U0002|sam> &amp; <@U0003|eli>");
    expect(body.response_type).toBe("in_channel");
    const shown = blockText(body.blocks);
    expect(shown).toMatch(/^<@U0002> <@U0003>|^<@U0003> <@U0002>/m);
    expect(shown).toContain("2 people, split at random");
  });
});

describe("Slack /help", () => {
  const server = useSlackTestServer();

  it("shows every command with its whole usage: no field left out or cut", async () => {
    const response = await postSigned(server().url, slashCommandBody("/help", ""));
    const body = (await response.json()) as { blocks: Array<{ type: string; fields?: Array<{ text: string }> }> };
    const fields = body.blocks.flatMap((block) => block.fields ?? []).map((field) => field.text);
    const commands = server().registry.list();
    expect(commands.length).toBeGreaterThan(10);
    expect(fields).toHaveLength(commands.length);
    for (const command of commands) {
      const usage = `/${command.name}${command.usage ? ` ${command.usage}` : ""}`.replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const description = command.description.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      expect(fields).toContain(`*${usage.replace(/&(?!lt;|gt;)/g, "&amp;")}*\n${description}`);
    }
    expect(blockText(body.blocks)).not.toMatch(/not shown/);
  });
});

describe("Slack /source wording", () => {
  const server = useSlackTestServer();

  it("says several uncited passages cite no source of their own", async () => {
    const response = await postSigned(server().url, slashCommandBody("/source", "negotiations"));
    const shown = blockText(((await response.json()) as { blocks: unknown[] }).blocks);
    expect(shown).toContain("2 passages cite no source of their own; open them in context");
    expect(shown).not.toContain("of its own");
  });
});

describe("Slack /timer: reminders in the store, the timer posted with the bot token", () => {
  const server = useSlackTestServer();

  function postMessage(reply: object, delayMs = 0, seen: Array<{ auth?: string; body: Record<string, unknown> }> = []) {
    return nock("https://slack.com")
      .post("/api/chat.postMessage", (body: Record<string, unknown>) => {
        seen.push({ body });
        return true;
      })
      .delay(delayMs)
      .reply(function (this: { req: { headers: Record<string, string | string[] | undefined> } }) {
        seen[seen.length - 1]!.auth = String(this.req.headers.authorization ?? "");
        return [200, reply];
      });
  }

  it("in a channel the bot is not in: tells the asker at once, privately, how to fix it, and keeps no reminder", async () => {
    const api = postMessage({ ok: false, error: "not_in_channel" });
    const response = await postSigned(server().url, slashCommandBody("/timer", "5 rebuttal"));
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(api.isDone()).toBe(true);
    expect(body.response_type).toBe("ephemeral");
    const shown = blockText(body.blocks);
    expect(shown).toContain("/invite @ground-truth");
    expect(shown).toContain("/timer again");
    expect(shown).not.toMatch(/I will post/);
    expect(await server().state.reminders.pending()).toEqual([]);
  });

  it("posts the timer to the channel with the bot token, acknowledges with nothing, and keeps both reminders in the store", async () => {
    const seen: Array<{ auth?: string; body: Record<string, unknown> }> = [];
    const api = postMessage({ ok: true, channel: "C0001", ts: "1.2" }, 0, seen);
    const before = Date.now();
    const response = await postSigned(server().url, slashCommandBody("/timer", "5 rebuttal"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(api.isDone()).toBe(true);
    expect(seen[0]!.auth).toBe(`Bearer ${BOT_TOKEN}`);
    expect(String(seen[0]!.body.blocks)).toContain("Timer: 5 minutes for rebuttal.");
    const pending = await server().state.reminders.pending();
    expect(pending.map((reminder) => [reminder.platform, reminder.target.channel, reminder.text])).toEqual([
      ["slack", "C0001", "1 minute left for rebuttal."],
      ["slack", "C0001", "Time is up for rebuttal: 5 minutes."],
    ]);
    expect(pending[1]!.dueAt - before).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
    expect(pending[1]!.dueAt - before).toBeLessThanOrEqual(5 * 60_000 + 1_000);
  });

  it("when Slack is slow to refuse, answers in time, then tells the asker through the response_url and cancels the reminders", async () => {
    postMessage({ ok: false, error: "not_in_channel" }, 1_800);
    const told: Array<{ text: string; response_type: string }> = [];
    const hook = nock("https://hooks.slack.com")
      .post("/commands/T0001/1234/XyZ", (body: { text: string; response_type: string }) => {
        told.push(body);
        return true;
      })
      .reply(200, "ok");
    const started = Date.now();
    const response = await postSigned(server().url, slashCommandBody("/timer", "5 rebuttal"));
    await response.text();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await server().state.reminders.pending()).length).toBe(2);
    await waitFor(() => hook.isDone(), 4_000);
    expect(told[0]).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("/invite @ground-truth") });
    expect(await server().state.reminders.pending()).toEqual([]);
  });

  it("says so when the store cannot keep the reminders, and posts nothing", async () => {
    await server().state.close();
    const response = await postSigned(server().url, slashCommandBody("/timer", "5 rebuttal"));
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    expect(blockText(body.blocks)).toMatch(/can't keep reminders right now/);
  });
});

describe("Slack /why-stalled", () => {
  const server = useSlackTestServer();

  it("gives each of its seven passages a Context button", async () => {
    const response = await postSigned(server().url, slashCommandBody("/why-stalled", ""));
    const body = (await response.json()) as { blocks: unknown[] };
    const quoted = blockText(body.blocks).split("\n").filter((line) => line.startsWith(">")).length;
    const context = buttonsOf(body.blocks).filter((button) => button.text.text.startsWith("Context"));
    expect(quoted).toBe(7);
    expect(context.map((button) => button.text.text)).toEqual(Array.from({ length: 7 }, (_, i) => `Context ${i + 1}`));
  });
});

describe("Slack buttons on a long question", () => {
  const server = useSlackTestServer();

  it("keeps Share and More, carrying the whole question in Slack's 2,000-character values", async () => {
    const question = "why did the talks between russia and ukraine fail after the istanbul communique and the minsk accords were violated";
    const response = await postSigned(server().url, slashCommandBody("/ask", question));
    const buttons = buttonsOf(((await response.json()) as { blocks: unknown[] }).blocks);
    const more = buttons.find((button) => button.text.text === "More");
    const share = buttons.find((button) => button.action_id === "gt_share");
    expect(more?.value.length).toBeGreaterThan(100);
    expect(share?.value.length).toBeGreaterThan(100);
    expect(more?.value).toContain(question.replace(/ /g, "+"));
  });
});
