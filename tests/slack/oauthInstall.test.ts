/**
 * Slack's OAuth install end to end on the bot's own HTTP server: /slack/install, Slack's redirect back with
 * oauth.v2.access mocked at the wire (nock), the installation sealed in the store, and the installing
 * workspace's token used for its commands.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { SLACK_SIGNING_SECRET } from "../support/signedRequests.js";
import type { Store } from "../../src/store/index.js";
import { InstallationSealer } from "../../src/platforms/slack/oauth/sealInstallation.js";
import { SLACK_BOT_SCOPES } from "../../src/platforms/slack/index.js";
import { postSigned, slackSignature, slashCommandBody, type LogCapture } from "./slackHarness.js";
import { useBotServer } from "../support/botServer.js";

const CLIENT_ID = "1111111111.2222222222";
const CLIENT_SECRET = "client-secret-abcdef0123456789";
const STATE_SECRET = "state-secret-0123456789abcdef0123456789";
const INSTALLED_TOKEN = "xoxb-2222-3333-installedworkspacetoken";

const startBot = useBotServer();
let state: Store | undefined;
let logs: LogCapture;

async function start(): Promise<string> {
  const bot = await startBot({ SLACK_SIGNING_SECRET, SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: STATE_SECRET });
  ({ state, logs } = bot);
  return bot.base;
}

/** Polls the store until the workspace's installation is gone (Bolt runs event listeners after acknowledging). */
async function untilForgotten(): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await state!.installations.get("slack:team:T0NEW")) === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the installation was not removed");
}

/** /slack/install as a browser follows it: the redirect to Slack, its state, and the cookie that binds it. */
async function beginInstall(base: string): Promise<{ state: string; cookie: string; location: URL }> {
  const response = await fetch(`${base}/slack/install`, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  return { state: location.searchParams.get("state")!, cookie, location };
}

function mockTokenExchange(code: string): nock.Scope {
  return nock("https://slack.com")
    .post("/api/oauth.v2.access", (body: Record<string, string>) => body.code === code && body.client_id === CLIENT_ID && body.client_secret === CLIENT_SECRET)
    .reply(200, {
      ok: true,
      app_id: "A0NEW",
      authed_user: { id: "U0INSTALLER" },
      scope: SLACK_BOT_SCOPES.join(","),
      token_type: "bot",
      access_token: INSTALLED_TOKEN,
      bot_user_id: "U0BOT",
      team: { id: "T0NEW", name: "Reading Group" },
      enterprise: null,
      is_enterprise_install: false,
    })
    // The provider asks who the bot is once it has the token.
    .post("/api/auth.test")
    .reply(200, { ok: true, url: "https://reading-group.slack.com/", team: "Reading Group", user: "groundtruth", team_id: "T0NEW", user_id: "U0BOT", bot_id: "B0BOT" });
}

describe("Slack OAuth install", () => {
  it("sends the browser to Slack with the bot's scopes and a state bound to a cookie", async () => {
    const base = await start();
    const { state: stateParam, cookie, location } = await beginInstall(base);
    expect(location.origin + location.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(location.searchParams.get("scope")).toBe(SLACK_BOT_SCOPES.join(","));
    expect(stateParam.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${stateParam}`);
  });

  it("trades the code for tokens, keeps the installation sealed, and answers that workspace with its own token", async () => {
    const base = await start();
    const { state: stateParam, cookie } = await beginInstall(base);
    const exchange = mockTokenExchange("code-123");
    const redirect = await fetch(`${base}/slack/oauth_redirect?code=code-123&state=${encodeURIComponent(stateParam)}`, { headers: { cookie } });
    expect(redirect.status).toBe(200);
    expect(await redirect.text()).toContain("installed");
    expect(exchange.isDone()).toBe(true);

    const sealed = await state!.installations.get("slack:team:T0NEW");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(INSTALLED_TOKEN);
    expect(sealed).not.toContain("xoxb-");
    const opened = JSON.parse(new InstallationSealer(STATE_SECRET).open("slack:team:T0NEW", sealed!)!) as { bot: { token: string } };
    expect(opened.bot.token).toBe(INSTALLED_TOKEN);
    // Sealed for this workspace's key only, and only with this secret.
    expect(new InstallationSealer(STATE_SECRET).open("slack:team:T0OTHER", sealed!)).toBeUndefined();
    expect(new InstallationSealer(`${STATE_SECRET}x`).open("slack:team:T0NEW", sealed!)).toBeUndefined();

    // An admin-only command in that workspace asks users.info with that workspace's token.
    const usersInfo = nock("https://slack.com", { reqheaders: { authorization: `Bearer ${INSTALLED_TOKEN}` } })
      .post("/api/users.info")
      .reply(200, { ok: true, user: { id: "U0INSTALLER", is_admin: true } });
    const insights = await postSigned(`${base}/slack/events`, slashCommandBody("/insights", "7", { team_id: "T0NEW", user_id: "U0INSTALLER" }), { secret: SLACK_SIGNING_SECRET });
    expect(insights.status).toBe(200);
    expect(usersInfo.isDone()).toBe(true);
    const shown = await insights.text();
    expect(shown).not.toMatch(/admins only/i);
    expect(shown).toContain("Most asked");
    expect(logs.text()).not.toContain(INSTALLED_TOKEN);
    expect(logs.text()).not.toContain(CLIENT_SECRET);
  });

  /** An Events API callback as Slack sends it: JSON, signed. */
  async function postEvent(base: string, event: Record<string, unknown>, id: string): Promise<Response> {
    const body = JSON.stringify({ token: "legacy", team_id: "T0NEW", api_app_id: "A0NEW", type: "event_callback", event_id: id, event_time: Math.floor(Date.now() / 1000), event });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": timestamp, "x-slack-signature": slackSignature(SLACK_SIGNING_SECRET, timestamp, body) },
      body,
    });
  }

  async function install(base: string): Promise<void> {
    const { state: stateParam, cookie } = await beginInstall(base);
    mockTokenExchange("code-1");
    const redirect = await fetch(`${base}/slack/oauth_redirect?code=code-1&state=${encodeURIComponent(stateParam)}`, { headers: { cookie } });
    expect(redirect.status).toBe(200);
    expect(await state!.installations.get("slack:team:T0NEW")).toBeDefined();
  }

  it("forgets the installation when the app is uninstalled", async () => {
    const base = await start();
    await install(base);
    expect((await postEvent(base, { type: "app_uninstalled", event_ts: "1.1" }, "Ev1")).status).toBe(200);
    await untilForgotten();
    expect(logs.text()).toContain("Slack installation removed (app_uninstalled)");
  });

  it("forgets it when the bot's token is revoked, and keeps it when only a user's is", async () => {
    const base = await start();
    await install(base);
    expect((await postEvent(base, { type: "tokens_revoked", tokens: { oauth: ["U0INSTALLER"] }, event_ts: "1.2" }, "Ev2")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await state!.installations.get("slack:team:T0NEW")).toBeDefined();
    expect((await postEvent(base, { type: "tokens_revoked", tokens: { bot: ["U0BOT"] }, event_ts: "1.3" }, "Ev3")).status).toBe(200);
    await untilForgotten();
  });

  const refusals: Array<[string, (stateParam: string, cookie: string) => { query: string; cookie?: string }]> = [
    ["a tampered state", (stateParam, cookie) => ({ query: `code=code-9&state=${encodeURIComponent(`${stateParam.slice(0, -2)}xx`)}`, cookie })],
    ["a state without its browser cookie", (stateParam) => ({ query: `code=code-9&state=${encodeURIComponent(stateParam)}` })],
    ["a cookie from another install attempt", (stateParam) => ({ query: `code=code-9&state=${encodeURIComponent(stateParam)}`, cookie: "slack-app-oauth-state=someone-elses" })],
    ["no state at all", (_stateParam, cookie) => ({ query: "code=code-9", cookie })],
  ];
  for (const [name, build] of refusals) {
    it(`refuses ${name} with 400, exchanging and storing nothing`, async () => {
      const base = await start();
      const { state: stateParam, cookie } = await beginInstall(base);
      const exchange = mockTokenExchange("code-9");
      const request = build(stateParam, cookie);
      const response = await fetch(`${base}/slack/oauth_redirect?${request.query}`, { headers: request.cookie ? { cookie: request.cookie } : {} });
      expect(response.status).toBe(400);
      expect(exchange.isDone()).toBe(false);
      expect(await state!.installations.get("slack:team:T0NEW")).toBeUndefined();
    });
  }
});
