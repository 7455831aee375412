import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SLACK_BOT_EVENTS, buildSlackManifest, SLACK_MANIFEST_LIMITS } from "../../src/platforms/slack/index.js";
import { runSlackManifest } from "../../src/cli/runSlackManifest.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { sharedKnowledge } from "./slackHarness.js";

const run = promisify(execFile);

async function registryCommands() {
  const kb = await sharedKnowledge();
  return createCommandRegistry(() => kb).list();
}

describe("Slack app manifest", () => {
  it("declares every registry command, with its description and usage hint, escaped", async () => {
    const commands = await registryCommands();
    const manifest = buildSlackManifest(commands);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    for (const command of commands) {
      const declared = manifest.features.slash_commands.find((c) => c.command === `/${command.name}`)!;
      expect(declared.description).toBe(command.description);
      if (command.usage) expect(declared.usage_hint).toBe(command.usage);
      expect(declared.should_escape).toBe(true);
    }
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(["/ask", "/source", "/cite", "/help"]),
    );
  });

  it("stays within Slack's manifest limits", async () => {
    const manifest = buildSlackManifest(await registryCommands());
    const limits = SLACK_MANIFEST_LIMITS;
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(limits.appName);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(limits.appDescription);
    expect(manifest.features.bot_user.display_name).toMatch(new RegExp(`^[a-z0-9._-]{1,${limits.botDisplayName}}$`));
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]+$/);
      expect(command.command.length).toBeLessThanOrEqual(limits.command);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(limits.commandDescription);
      expect((command.usage_hint ?? "").length).toBeLessThanOrEqual(limits.usageHint);
    }
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcut.name.length).toBeLessThanOrEqual(limits.shortcutName);
      expect(shortcut.description.length).toBeLessThanOrEqual(limits.shortcutDescription);
      expect(shortcut.callback_id.length).toBeLessThanOrEqual(limits.callbackId);
    }
    expect(new Set(manifest.features.slash_commands.map((c) => c.command)).size).toBe(manifest.features.slash_commands.length);
  });

  it("has the Find in document message shortcut, Socket Mode, interactivity, and only the scopes it uses", async () => {
    const manifest = buildSlackManifest(await registryCommands());
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: "message", callback_id: "find_in_document", name: "Find in document" }),
    ]);
    expect(manifest.features.bot_user.always_online).toBe(false);
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "app_mentions:read", "im:history", "channels:history", "groups:history", "assistant:write", "users:read"]);
    // Each event needs its scope, and each is one the listeners handle; DMs need the Messages tab.
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_mention",
      "message.im",
      "message.channels",
      "message.groups",
      "assistant_thread_started",
      "assistant_thread_context_changed",
    ]);
    expect(manifest.features.assistant_view.assistant_description.length).toBeGreaterThan(0);
    expect(manifest.features.app_home).toEqual({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings).toMatchObject({
      interactivity: { is_enabled: true },
      socket_mode_enabled: true,
      org_deploy_enabled: false,
    });
    expect(JSON.stringify(manifest)).not.toContain("request_url");
  });

  it("points commands and interactivity at /slack/events when given a public URL (HTTP mode)", async () => {
    const manifest = buildSlackManifest(await registryCommands(), { publicUrl: "https://bot.example.org/" });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.request_url).toBe("https://bot.example.org/slack/events");
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://bot.example.org/slack/events");
    expect(manifest.features.slash_commands.every((c) => c.url === "https://bot.example.org/slack/events")).toBe(true);
  });

  it("in HTTP mode names the OAuth redirect and subscribes to uninstalls, so other workspaces can install it", async () => {
    for (const publicUrl of ["https://bot.example.org", "https://bot.example.org/slack/events"]) {
      const manifest = buildSlackManifest(await registryCommands(), { publicUrl });
      expect(manifest.oauth_config.redirect_urls).toEqual(["https://bot.example.org/slack/oauth_redirect"]);
      expect(manifest.settings.event_subscriptions).toEqual({
        request_url: "https://bot.example.org/slack/events",
        bot_events: [...SLACK_BOT_EVENTS, "app_uninstalled", "tokens_revoked"],
      });
    }
    const socket = buildSlackManifest(await registryCommands());
    expect(socket.oauth_config.redirect_urls).toBeUndefined();
    // Socket Mode: the conversation's events only; installs through OAuth need HTTP mode.
    expect(socket.settings.event_subscriptions).toEqual({ bot_events: [...SLACK_BOT_EVENTS] });
  });

  it("takes the whole endpoint as --url too, without doubling /slack/events", async () => {
    const out = { stdout: "", stderr: "" };
    const io = { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) };
    expect(await runSlackManifest(["--url", "https://x.example/slack/events"], {}, io)).toBe(0);
    const manifest = JSON.parse(out.stdout) as ReturnType<typeof buildSlackManifest>;
    expect(manifest.settings.interactivity.request_url).toBe("https://x.example/slack/events");
    expect(manifest.features.slash_commands.every((c) => c.url === "https://x.example/slack/events")).toBe(true);
  });

  it.each([["--urll", "https://x.example"], ["--dry-run"], ["--url"]])("refuses %s with exit 2 and prints no manifest", async (...argv) => {
    const out = { stdout: "", stderr: "" };
    const io = { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) };
    expect(await runSlackManifest(argv, {}, io)).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^slack:manifest: (unknown argument|--url needs a value)/);
  });

  it("refuses a knowledge folder that does not exist with one line, instead of a manifest without its topic commands", async () => {
    const out = { stdout: "", stderr: "" };
    const io = { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) };
    expect(await runSlackManifest([], { KNOWLEDGE_DIR: "knowlege" }, io)).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^slack:manifest: KNOWLEDGE_DIR "knowlege" \(.*\) does not exist[^\n]*\n$/);
  });

  it("npm run --silent slack:manifest prints only the JSON manifest", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "slack:manifest"], { timeout: 15_000 });
    const manifest = JSON.parse(stdout) as ReturnType<typeof buildSlackManifest>;
    expect(manifest.display_information.name).toBe("Ground Truth");
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual((await registryCommands()).map((c) => `/${c.name}`));
  });
});
