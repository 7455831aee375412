import { answersMentionsIn } from "../../app/usage/applyChannelSettings.js";
import type { AnswersIn } from "../../conversation/index.js";
import { storeReplayGuard } from "../../http/replayGuard.js";
import type { PlatformContext, RunningPlatform } from "../types.js";
import type { SlackSettings } from "./config.js";
import { createSlackApp, createSlackBotClient, SLACK_EVENTS_PATH } from "./createSlackApp.js";
import { createSlackReminderPoster } from "./postReminder.js";
import { startSlackSocketMode } from "./startSlackSocketMode.js";
import { createSlackInstallFlow } from "./oauth/installRoutes.js";

/** Starts Slack in the mode its settings ask for. */
export async function startSlack(settings: SlackSettings, context: PlatformContext): Promise<RunningPlatform> {
  const { registry, reminders, state } = context;
  const logger = context.logger.child({ adapter: "slack" });
  // Timers' reminders are posted with the bot token by whichever instance claims them, in either mode.
  const botClient = createSlackBotClient(settings.botToken, logger, settings.apiUrl);
  reminders.deliverWith("slack", createSlackReminderPoster(botClient, logger.child({ component: "reminders" })));
  // Mentions and thread follow-ups are answered only where /settings leaves them on.
  const answersIn: AnswersIn = ({ platform, channel }) => answersMentionsIn(state.channelSettings, `${platform}:${channel}`);
  const options = { ...settings, slackApiUrl: settings.apiUrl, registry, logger, state, reminders, botClient, answersIn };
  if (settings.mode === "socket") {
    // A fresh app for each attempt: a Bolt app whose start failed is not started again.
    context.keepConnected("slack-socket", async () => {
      const app = createSlackApp(options);
      await startSlackSocketMode(app, context.logger, context.connectTimeoutMs);
      return { stop: () => app.app.stop().then(() => undefined, () => undefined) };
    });
    return { routes: [], stop: async () => {} };
  }
  // Many workspaces: each one's token comes from the installation it made through /slack/install.
  const install = settings.oauth ? createSlackInstallFlow(settings.oauth, state.installations, logger) : undefined;
  // Answered signatures in the shared store: a replay refused by one instance is refused by all.
  const replays = storeReplayGuard(state, "slack:signature:");
  const { requestListener, checkToken } = createSlackApp({ ...options, replays, ...(install ? { installed: install.authorize, uninstalled: install.forget } : {}) });
  if (!requestListener) throw new Error("Slack HTTP mode built no request listener");
  // Slash commands answer without the token, so a bad one is reported, not fatal.
  void checkToken();
  return { routes: [{ path: SLACK_EVENTS_PATH, handler: requestListener }, ...(install?.routes ?? [])], stop: async () => {} };
}
