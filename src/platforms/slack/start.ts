import type { PlatformContext, RunningPlatform } from "../types.js";
import type { SlackSettings } from "./config.js";
import { createSlackApp, SLACK_EVENTS_PATH } from "./createSlackApp.js";
import { startSlackSocketMode } from "./startSlackSocketMode.js";

/** Starts Slack in the mode its settings ask for. */
export async function startSlack(settings: SlackSettings, context: PlatformContext): Promise<RunningPlatform> {
  const { registry, state } = context;
  const logger = context.logger.child({ adapter: "slack" });
  const options = { ...settings, slackApiUrl: settings.apiUrl, registry, logger, state };
  if (settings.mode === "socket") {
    // A fresh app for each attempt: a Bolt app whose start failed is not started again.
    context.keepConnected("slack-socket", async () => {
      const app = createSlackApp(options);
      await startSlackSocketMode(app, context.logger, context.connectTimeoutMs);
      return { stop: () => app.app.stop().then(() => undefined, () => undefined) };
    });
    return { routes: [], stop: async () => {} };
  }
  const { requestListener, checkToken } = createSlackApp(options);
  if (!requestListener) throw new Error("Slack HTTP mode built no request listener");
  // Slash commands answer without the token, so a bad one is reported, not fatal.
  void checkToken();
  return { routes: [{ path: SLACK_EVENTS_PATH, handler: requestListener }], stop: async () => {} };
}
