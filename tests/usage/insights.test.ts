/**
 * /insights: figures checked against a seeded log (with the three-askers rule), admins only on both platforms
 * (Discord's Manage Server permission read from the signed interaction, Slack's SLACK_ADMIN_USER_IDS and
 * users.info mocked at the wire), and `npm run insights -- --csv` exporting the same from a real SQLite file.
 */
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { computeInsights, insightsCsv } from "../../src/commands/admin/computeInsights.js";
import type { CommandRegistry } from "../../src/commands/index.js";
import { runInsights } from "../../src/cli/runInsights.js";
import { silentLogger } from "../../src/logger.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import type { FeedbackVote, LoggedCommand, Store } from "../../src/store/index.js";
import * as discord from "../discord/signedInteractions.js";
import { blockNetwork, blockText, postSigned, restoreNetwork, sharedKnowledge, slashCommandBody, startSlackTestServer, type SlackTestServer } from "../slack/slackHarness.js";
import { sqliteBackend, type BackendUnderTest, type StateUnderTest } from "../support/storeBackends.js";

const NOW = Date.now();
const HOUR = 60 * 60 * 1000;
const P1 = { passageId: "essay#p1", document: "essay", section: "Why talks stall", sources: ["Smith 2020"] };
const P2 = { passageId: "essay#p2", document: "essay", section: "Mediators", sources: ["Smith 2020", "Lee 2019"] };

let ids = 0;
function asked(asker: string, question: string | undefined, outcome: LoggedCommand["outcome"], passages = [P1], options: Partial<LoggedCommand> = {}): LoggedCommand {
  return { id: `e${++ids}`, at: NOW - HOUR * ids, platform: "slack", command: "ask", asker, ...(question ? { question } : {}), outcome, passages, ...options };
}

/** 3 people asked about stalling (4 times), 2 about sanctions (unanswered), 3 about mediators (weakly answered). */
function seededLog(): { entries: LoggedCommand[]; votes: FeedbackVote[] } {
  ids = 0;
  const entries = [
    asked("a", "Why did the talks stall?", "strong"),
    asked("b", "why did the talks stall", "strong"),
    asked("c", "Why did the talks  stall?", "strong"),
    asked("a", "Why did the talks stall?", "strong"),
    asked("d", "what about sanctions?", "none", []),
    asked("e", "What about sanctions", "none", []),
    asked("a", "who mediates?", "weak", [P2]),
    asked("b", "who mediates?", "weak", [P2]),
    asked("f", "who mediates?", "weak", [P2], { platform: "discord" }),
    asked("a", undefined, "strong", [P2], { command: "source", platform: "discord" }),
    asked("z", "an old question", "none", [], { at: NOW - 10 * 24 * HOUR }),
  ];
  const votes: FeedbackVote[] = [
    { answerId: "e1", voter: "b", vote: "unhelpful", at: NOW - HOUR },
    { answerId: "e2", voter: "c", vote: "helpful", at: NOW - HOUR },
    { answerId: "e1", voter: "c", vote: "wrong-passage", passageId: P1.passageId, at: NOW - HOUR },
    { answerId: "e3", voter: "a", vote: "wrong-passage", passageId: P1.passageId, at: NOW - HOUR },
    { answerId: "e5", voter: "d", vote: "unhelpful", at: NOW - HOUR },
  ];
  return { entries, votes };
}

describe("insights from a seeded log", () => {
  it("counts questions, gaps, votes, passages, sources, commands and platforms of the period", () => {
    const { entries, votes } = seededLog();
    const insights = computeInsights(entries, votes, { days: 7, now: NOW });
    expect(insights.commands).toBe(10);
    expect(insights.askers).toBe(6);
    expect(insights.mostAsked.shown).toEqual([
      { question: "Why did the talks stall?", times: 4, askers: 3 },
      { question: "who mediates?", times: 3, askers: 3 },
    ]);
    // Asked by two people: counted, never shown.
    expect(insights.mostAsked.hidden).toEqual({ questions: 1, times: 2 });
    expect(insights.unanswered.shown).toEqual([{ question: "who mediates?", times: 3, askers: 3 }]);
    expect(insights.unanswered.hidden).toEqual({ questions: 1, times: 2 });
    expect(insights.votes).toEqual({ helpful: 1, unhelpful: 2, wrongPassage: 2 });
    expect(insights.votedDown.shown).toEqual([{ question: "Why did the talks stall?", times: 1, askers: 3 }]);
    expect(insights.votedDown.hidden).toEqual({ questions: 1, times: 1 });
    expect(insights.wrongPassages).toEqual([{ passageId: "essay#p1", document: "essay", section: "Why talks stall", times: 2 }]);
    expect(insights.mostQuoted.map((passage) => [passage.passageId, passage.times])).toEqual([
      ["essay#p1", 4],
      ["essay#p2", 4],
    ]);
    expect(insights.mostQuotedSources).toEqual([
      { source: "Smith 2020", times: 8 },
      { source: "Lee 2019", times: 4 },
    ]);
    expect(insights.perCommand).toEqual([
      { name: "ask", times: 9 },
      { name: "source", times: 1 },
    ]);
    expect(insights.perPlatform).toEqual([
      { name: "slack", times: 8 },
      { name: "discord", times: 2 },
    ]);
  });

  it("exports the same as CSV, hidden questions never named and formula-like cells defused", () => {
    const { entries, votes } = seededLog();
    entries.push(asked("x", "=HYPERLINK(1)", "none", []), asked("y", "=HYPERLINK(1)", "none", []), asked("w", "=HYPERLINK(1)", "none", []));
    const csv = insightsCsv(computeInsights(entries, votes, { days: 7, now: NOW }));
    expect(csv.split("\n")[0]).toBe("section,item,detail,count");
    expect(csv).toContain("most asked,Why did the talks stall?,3 askers,4");
    expect(csv).toContain("most asked,(1 questions asked by fewer than 3 people),,2");
    expect(csv).toContain("reported wrong,essay#p1,essay · Why talks stall,2");
    expect(csv).toContain("per platform,discord,,2");
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(csv).not.toMatch(/sanctions|old question/);
  });
});

describe("/insights and npm run insights on a real store", () => {
  let backend: BackendUnderTest;
  let state: StateUnderTest;
  let store: Store;
  let registry: CommandRegistry;
  const keys = discord.createTestKeyPair();

  beforeAll(async () => {
    backend = sqliteBackend();
  });
  afterAll(async () => backend.stop());
  beforeEach(async () => {
    state = backend.fresh();
    store = await state.open();
    const { entries, votes } = seededLog();
    for (const entry of entries) await store.questionLog.record(entry);
    for (const vote of votes) await store.feedback.cast(vote);
    const knowledge = await sharedKnowledge();
    registry = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: null, usage: { store, keepQuestions: true } });
  });
  afterEach(async () => state.close());

  describe("on Discord", () => {
    let endpoint: discord.TestEndpoint;
    beforeEach(async () => {
      endpoint = await discord.startEndpoint(createDiscordInteractionsHandler({ publicKey: keys.publicKeyHex, registry, logger: silentLogger }));
    });
    afterEach(async () => endpoint.close());

    const insightsAs = async (permissions: string) => {
      const payload = discord.slashCommand("insights", [{ name: "days", type: 4, value: 7 }]) as { member: Record<string, unknown> };
      const { body } = await discord.postSignedInteraction(endpoint.url, keys.privateKey, { ...payload, member: { ...payload.member, permissions } });
      return body as { data: { flags: number; embeds: unknown[] } };
    };

    it("refuses a member without Manage Server, whatever the command's registration says, and answers one with it privately", async () => {
      const refused = await insightsAs(String((1n << 11n) | (1n << 10n))); // Send Messages, View Channel
      expect(JSON.stringify(refused.data.embeds)).toMatch(/Admins only/);
      expect(refused.data.flags).toBe(64);
      const answered = await insightsAs(String((1n << 5n) | (1n << 11n)));
      const text = JSON.stringify(answered.data.embeds);
      expect(answered.data.flags).toBe(64);
      expect(text).toMatch(/4× Why did the talks stall\? \(3 people\)/);
      expect(text).toMatch(/2× in 1 questions asked by fewer than 3 people/);
      expect(text).not.toMatch(/sanctions/);
      const administrator = await insightsAs(String(1n << 3n));
      expect(JSON.stringify(administrator.data.embeds)).toMatch(/Insights: the last 7 days/);
    });
  });

  describe("on Slack", () => {
    let slack: SlackTestServer;
    beforeEach(async () => {
      blockNetwork();
      slack = await startSlackTestServer({ registry, adminUserIds: ["U0ADMIN"] });
    });
    afterEach(async () => {
      await slack.close();
      restoreNetwork();
    });
    const insightsAs = async (user: string) => {
      const response = await postSigned(slack.url, slashCommandBody("/insights", "7", { user_id: user }));
      return (await response.json()) as { response_type: string; blocks: unknown[] };
    };

    it("answers a listed admin, asks users.info for anyone else, and refuses a non-admin", async () => {
      const listed = await insightsAs("U0ADMIN");
      expect(listed.response_type).toBe("ephemeral");
      expect(blockText(listed.blocks)).toMatch(/Insights: the last 7 days/);

      const usersInfo = nock("https://slack.com")
        .post("/api/users.info", (body: Record<string, string>) => body.user === "U0OWNER" || body.user === "U0MEMBER")
        .times(2)
        .reply(200, (_uri: string, body: Record<string, string> | string) => {
          const user = typeof body === "string" ? new URLSearchParams(body).get("user") : body.user;
          return { ok: true, user: { id: user, is_admin: user === "U0OWNER", is_owner: false } };
        });
      expect(blockText((await insightsAs("U0OWNER")).blocks)).toMatch(/Most asked/);
      const refused = await insightsAs("U0MEMBER");
      expect(blockText(refused.blocks)).toMatch(/Admins only/);
      expect(blockText(refused.blocks)).not.toMatch(/stall/);
      expect(usersInfo.isDone()).toBe(true);
    });

    it("refuses everyone but the listed admins when users.info fails", async () => {
      nock("https://slack.com").post("/api/users.info").reply(200, { ok: false, error: "missing_scope" });
      expect(blockText((await insightsAs("U0MEMBER")).blocks)).toMatch(/Admins only/);
    });
  });

  it("npm run insights -- --csv prints the same figures from the store DATA_DIR names", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const location = state.location as { dataDir: string };
    const code = await runInsights(["--csv", "--days", "7"], { DATA_DIR: location.dataDir }, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, NOW);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const { entries, votes } = seededLog();
    expect(out.join("")).toBe(insightsCsv(computeInsights(entries, votes, { days: 7, now: NOW })));
    expect(await runInsights(["--days", "x"], {}, { stdout: () => {}, stderr: (text) => err.push(text) })).toBe(2);
  });
});
