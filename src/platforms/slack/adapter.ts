import type { PlatformAdapter } from "../types.js";
import { readSlackSettings, SLACK_VARIABLES } from "./config.js";
import { slackTraits } from "./traits.js";

/** Slack, over Socket Mode (an app-level token, no public URL) or HTTP (`POST /slack/events`, signed). */
export const slackPlatform: PlatformAdapter = {
  name: "slack",
  traits: slackTraits,
  variables: SLACK_VARIABLES,
  configure(read, problems) {
    const settings = readSlackSettings(read, problems);
    if (!settings) return null;
    return {
      modes: [settings.mode === "socket" ? "slack-socket" : "slack-http"],
      settings,
      // Loaded only when Slack starts: Bolt takes a second to import, which the console should not wait for.
      start: async (context) => (await import("./start.js")).startSlack(settings, context),
    };
  },
};
