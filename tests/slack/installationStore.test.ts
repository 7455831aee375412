/**
 * The InstallationStore Bolt's OAuth uses, on real SQLite and Redis: what one instance stores another reads,
 * and nothing readable (no token) is at rest.
 */
import type { Installation } from "@slack/oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InstallationSealer } from "../../src/platforms/slack/oauth/sealInstallation.js";
import { installationKey, storeInstallations } from "../../src/platforms/slack/oauth/storeInstallations.js";
import { readSlackOAuthSettings } from "../../src/platforms/slack/oauth/oauthConfig.js";
import { loadConfig, settingsOf } from "../../src/config/loadConfig.js";
import { redisBackend, sqliteBackend, type BackendUnderTest } from "../support/storeBackends.js";

const SECRET = "a-state-secret-of-forty-characters-000000";
const TOKEN = "xoxb-9-9-secretbottoken";

function installation(teamId: string, token = TOKEN): Installation<"v2", false> {
  return {
    team: { id: teamId, name: "Reading Group" },
    enterprise: undefined,
    user: { id: "U0INSTALLER", token: undefined, scopes: undefined },
    bot: { id: "B0BOT", userId: "U0BOT", token, scopes: ["commands", "chat:write", "users:read"] },
    appId: "A0NEW",
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
}

const backends: Array<[string, () => Promise<BackendUnderTest>]> = [
  ["sqlite", async () => sqliteBackend()],
  ["redis", () => redisBackend()],
];

describe.each(backends)("installations on %s", (_name, make) => {
  let backend: BackendUnderTest;
  beforeAll(async () => {
    backend = await make();
  }, 30_000);
  afterAll(() => backend?.stop());

  it("stores sealed, reads back from another instance, replaces on reinstall, deletes on uninstall", async () => {
    const state = backend.fresh();
    const [first, second] = [await state.open(), await state.open()];
    const sealer = new InstallationSealer(SECRET);
    const writer = storeInstallations(first.installations, sealer);
    const reader = storeInstallations(second.installations, sealer);
    await writer.storeInstallation(installation("T0NEW"));
    const query = { teamId: "T0NEW", enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await reader.fetchInstallation(query)).bot?.token).toBe(TOKEN);
    const raw = await second.installations.get(installationKey(false, undefined, "T0NEW"));
    expect(raw).not.toContain("xoxb-");
    expect(raw).not.toContain("Reading Group");

    await writer.storeInstallation(installation("T0NEW", "xoxb-9-9-newtoken"));
    expect((await reader.fetchInstallation(query)).bot?.token).toBe("xoxb-9-9-newtoken");
    // Another secret (a changed SLACK_STATE_SECRET) cannot open it: the workspace is asked to install again.
    await expect(storeInstallations(second.installations, new InstallationSealer(`${SECRET}!`)).fetchInstallation(query)).rejects.toThrow(/no installation for workspace T0NEW/);
    await reader.deleteInstallation!(query);
    await expect(writer.fetchInstallation(query)).rejects.toThrow(/no installation/);
    await state.close();
  });
});

describe("SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET", () => {
  const oauth = { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "client-secret-value", SLACK_STATE_SECRET: SECRET };

  it("turn on the install flow in HTTP mode, with or without SLACK_BOT_TOKEN", () => {
    for (const extra of [{}, { SLACK_BOT_TOKEN: "xoxb-1-2-single" }]) {
      const result = loadConfig({ SLACK_SIGNING_SECRET: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", ...oauth, ...extra });
      if (!result.ok) throw new Error(result.problems.join(" "));
      expect(settingsOf(result.config, "slack")).toMatchObject({ mode: "http", oauth: { clientId: "1111.2222" } });
    }
  });

  it("are all or none, long enough, and need HTTP mode; no value is repeated back", () => {
    const problems: string[] = [];
    readSlackOAuthSettings((name) => ({ SLACK_CLIENT_ID: "1111.2222" })[name as "SLACK_CLIENT_ID"], problems);
    expect(problems).toEqual([expect.stringMatching(/^SLACK_CLIENT_SECRET and SLACK_STATE_SECRET missing/)]);

    const short = loadConfig({ SLACK_SIGNING_SECRET: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", ...oauth, SLACK_STATE_SECRET: "too-short-secret" });
    expect(short.ok ? [] : short.problems).toEqual([expect.stringMatching(/^SLACK_STATE_SECRET must be at least 32/)]);

    const socket = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1-2-single", SLACK_APP_TOKEN: "xapp-1-A1-2-fake", ...oauth });
    expect(socket.ok ? [] : socket.problems).toEqual([expect.stringMatching(/needs HTTP mode/)]);
    expect(JSON.stringify([short, socket])).not.toContain("client-secret-value");
  });
});
