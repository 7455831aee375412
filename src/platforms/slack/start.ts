import type { PlatformContext, RunningPlatform } from "../types.js";
import type { SlackSettings } from "./config.js";
import { createSlackApp, SLACK_EVENTS_PATH } from "./createSlackApp.js";
import { startSlackSocketMode } from "./startSlackSocketMode.js";
import { createSlackInstallFlow } from "./oauth/installRoutes.js";

/** Starts Slack in the mode its settings ask for. */
export async function startSlack(settings: SlackSettings, context: PlatformContext): Promise<RunningPlatform> {
  const { registry } = context;
  const logger = context.logger.child({ adapter: "slack" });
  if (settings.mode === "socket") {
    // A fresh app for each attempt: a Bolt app whose start failed is not started again.
    context.keepConnected("slack-socket", async () => {
      const app = createSlackApp({ ...settings, registry, logger });
      await startSlackSocketMode(app, context.logger, context.connectTimeoutMs);
      return { stop: () => app.app.stop().then(() => undefined, () => undefined) };
    });
    return { routes: [], stop: async () => {} };
  }
  // Many workspaces: each one's token comes from the installation it made through /slack/install.
  const install = settings.oauth ? createSlackInstallFlow(settings.oauth, context.state.installations, logger) : undefined;
  const { requestListener, checkToken } = createSlackApp({ ...settings, registry, logger, ...(install ? { installed: install.authorize, uninstalled: install.forget } : {}) });
  if (!requestListener) throw new Error("Slack HTTP mode built no request listener");
  // Slash commands answer without the token, so a bad one is reported, not fatal.
  void checkToken();
  return { routes: [{ path: SLACK_EVENTS_PATH, handler: requestListener }, ...(install?.routes ?? [])], stop: async () => {} };
}
