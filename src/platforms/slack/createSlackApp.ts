import type { RequestListener, ServerResponse } from "node:http";
import type { SlashCommand } from "@slack/bolt";
import { App, HTTPReceiver, LogLevel, webApi } from "@slack/bolt";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { sendJson } from "../../http/sendJson.js";
import { toBoltLogger } from "./boltLogger.js";
import { checkSlackToken, type SlackBotIdentity } from "./checkSlackToken.js";
import { registerListeners, type SlackListenerDeps } from "./listeners/index.js";
import { handleSlashCommand } from "./listeners/slashCommand.js";
import { slashCommandFromBody } from "./slashCommandFromBody.js";
import type { PostToResponseUrlOptions } from "./postToResponseUrl.js";
import { verifySlackRequests } from "./verify.js";
import { createSlackAdmins } from "./slackAdmins.js";
import type { ReplayGuard } from "../../http/replayGuard.js";
import { createReminderDesk, type ReminderDesk } from "../../app/reminderDesk.js";
import { Conversation, type AnswersIn } from "../../conversation/index.js";
import { createMemoryStore, type Store } from "../../store/index.js";

export const SLACK_EVENTS_PATH = "/slack/events";
/** Web API calls give up after this; a click's follow-up is not worth a longer wait. */
const WEB_API_TIMEOUT_MS = 10_000;
/**
 * Once connected, Socket Mode must ride out a network outage: Bolt reconnects through apps.connections.open,
 * and a reconnect that fails without retrying ends in an unhandled rejection. So that client keeps Bolt's
 * patient retries, with the waits capped; the first connection is bounded by startSlackSocketMode instead.
 */
const SOCKET_RECONNECT_RETRY = { retries: 100, factor: 1.3, maxTimeout: 30_000 };

/** Which workspace (or Enterprise Grid organization) a request comes from, as Bolt's authorize sees it. */
export interface SlackTeam {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

export interface SlackAppOptions {
  /** One workspace's token (SLACK_BOT_TOKEN); the fallback when `installed` knows no installation. */
  botToken?: string;
  /** Many workspaces: the installing workspace's token, from the installation store (Slack's OAuth install). */
  installed?: (team: SlackTeam) => Promise<{ botToken: string; botId?: string; botUserId?: string } | undefined>;
  /** Forgets a workspace's installation: on app_uninstalled, and on tokens_revoked when the bot's token went. */
  uninstalled?: (team: SlackTeam) => Promise<void>;
  /** Required in HTTP mode: requests are verified against it. */
  signingSecret?: string;
  /** An app-level token (xapp-…): required in Socket Mode. */
  appToken?: string;
  registry: CommandRegistry;
  logger: Logger;
  mode: "socket" | "http";
  now?: () => Date;
  responseUrl?: PostToResponseUrlOptions;
  /** Where Web API calls go; tests point it at a mock. */
  slackApiUrl?: string;
  /** Users who may run admin-only commands besides the workspace's admins (SLACK_ADMIN_USER_IDS). */
  adminUserIds?: readonly string[];
  /** HTTP mode: remembers answered signatures; per process unless a shared store is given. */
  replays?: ReplayGuard;
  /** Where a timer's reminders are kept (the app's reminder desk); tests may leave it out for a memory store's. */
  reminders?: Pick<ReminderDesk, "schedule" | "cancel">;
  /** The Web API with the bot token, shared with the reminder poster; built here when not given. */
  botClient?: webApi.WebClient;
  /** The app's store (event ids, thread context); this process's memory when none is given (tests). */
  state?: Store;
  /** Whether mentions and thread messages are answered in a channel (the /settings hook); everywhere by default. */
  answersIn?: AnswersIn;
}

export interface SlackApp {
  app: App;
  /** HTTP mode only. */
  receiver?: HTTPReceiver;
  /**
   * HTTP mode only: the handler for `POST /slack/events`, for a server shared with other routes. Requests
   * are signature-checked before Bolt sees them.
   */
  requestListener?: RequestListener;
  /** Checks the bot token once (auth.test); logs one line on failure and never throws. */
  checkToken: () => Promise<boolean>;
  /**
   * Socket Mode only: one apps.connections.open with the app token and no retries, so a bad token or no
   * network is known at once, with Slack's own reason, before Bolt's patient connection loop starts.
   */
  checkAppToken?: () => Promise<void>;
}

/**
 * The Bolt app with every listener. Building it calls nothing over the network: authorization hands Bolt the
 * bot token directly (Bolt's own would call auth.test on every request), and the bot's ids, once a token
 * check has learned them, ride along.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { botToken, logger, mode } = options;
  const boltLogger = toBoltLogger(logger);
  let identity: SlackBotIdentity = {};
  const authorize = async (team: SlackTeam) => {
    const installation = options.installed ? await options.installed(team) : undefined;
    if (installation) return installation;
    if (botToken) return { botToken, ...identity };
    throw new Error(`the bot is not installed in Slack workspace ${team.teamId ?? team.enterpriseId ?? "(unknown)"}`);
  };
  const common = {
    authorize,
    logger: boltLogger,
    logLevel: LogLevel.WARN,
    clientOptions: slackClientOptions(options.slackApiUrl),
  };

  const state = options.state ?? createMemoryStore();
  const deps: SlackListenerDeps = {
    registry: options.registry,
    logger: logger.child({ component: "slack" }),
    now: options.now,
    responseUrl: options.responseUrl,
    reminders: options.reminders ?? createReminderDesk(createMemoryStore(), logger),
    botClient: options.botClient ?? createSlackBotClient(botToken, logger, options.slackApiUrl),
    admins: createSlackAdmins(options.adminUserIds ?? [], logger.child({ component: "slack" })),
    state,
    conversation: new Conversation({ registry: options.registry, state, answersIn: options.answersIn }),
  };
  // The fast slash-command path runs outside Bolt's authorize: it asks for the workspace's client here.
  const clients = new Map<string, webApi.WebClient>();
  const clientFor = async (team: SlackTeam): Promise<webApi.WebClient | undefined> => {
    if (!options.installed) return undefined;
    const token = await authorize(team).then((found) => found.botToken, () => undefined);
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, { ...common.clientOptions, logger: boltLogger })));
    return client;
  };
  let app: App;
  let receiver: HTTPReceiver | undefined;
  let requestListener: RequestListener | undefined;
  let checkAppToken: (() => Promise<void>) | undefined;
  if (mode === "socket") {
    const appToken = options.appToken;
    if (!appToken) throw new Error("Slack Socket Mode needs an app-level token: set SLACK_APP_TOKEN (xapp-…)");
    app = new App({
      ...common,
      socketMode: true,
      appToken,
      installerOptions: { clientOptions: { ...common.clientOptions, retryConfig: SOCKET_RECONNECT_RETRY, rejectRateLimitedCalls: false } },
    });
    checkAppToken = async () => {
      const probe = new webApi.WebClient(undefined, { ...common.clientOptions, logger: boltLogger });
      await probe.apps.connections.open({ token: appToken });
    };
  } else {
    if (!options.signingSecret) throw new Error("Slack HTTP mode needs the signing secret: set SLACK_SIGNING_SECRET");
    receiver = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
      logLevel: LogLevel.WARN,
    });
    app = new App({ ...common, receiver });
    const boltListener = receiver.requestListener;
    const commandApp = app;
    requestListener = verifySlackRequests(options.signingSecret, (req, res) => {
      // Slash commands, the bulk of the traffic, skip Bolt's middleware chain: the body is already verified
      // and the same handler answers in the response, as Bolt's ack would (a third of the time under load).
      const command = slashCommandFromBody(req.headers["content-type"], (req as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0));
      if (command) {
        void answerSlashCommandInResponse(deps, command, commandApp, res, clientFor);
        return;
      }
      try {
        boltListener(req, res);
      } catch {
        // Bolt throws for paths it does not serve; the shared server should not route those here.
        if (!res.headersSent) res.writeHead(404).end();
      }
    }, { logger: deps.logger, replays: options.replays });
  }

  registerListeners(app, deps);
  if (options.uninstalled) forgetUninstalledWorkspaces(app, options.uninstalled, deps.logger);
  app.error(async (error) => {
    logger.error(`Slack listener failed: ${error.message}`);
  });

  // Its own client, quiet below ERROR: a failed check is reported once, by checkSlackToken, not twice.
  const tokenCheckClient = new webApi.WebClient(undefined, {
    ...common.clientOptions,
    logger: toBoltLogger(logger, LogLevel.ERROR),
    logLevel: LogLevel.ERROR,
  });
  const checkToken = async () => {
    if (!botToken) return false;
    const found = await checkSlackToken(tokenCheckClient, botToken, logger);
    if (found) identity = found;
    return found !== null;
  };
  return { app, receiver, requestListener, checkToken, checkAppToken };
}

/** One attempt, bounded, and 429s surfaced to callSlackApi's single retry instead of Bolt's 30-minute policy. */
function slackClientOptions(slackApiUrl: string | undefined) {
  return {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: WEB_API_TIMEOUT_MS,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  } satisfies webApi.WebClientOptions;
}

/** A Web API client that carries the bot token itself, for what the bot posts on its own (timers and their reminders). */
export function createSlackBotClient(botToken: string | undefined, logger: Logger, slackApiUrl?: string): webApi.WebClient {
  return new webApi.WebClient(botToken, { ...slackClientOptions(slackApiUrl), logger: toBoltLogger(logger), logLevel: LogLevel.WARN });
}

/** A slash command answered in the HTTP response, by the same handler Bolt's listener uses. */
async function answerSlashCommandInResponse(
  deps: SlackListenerDeps,
  command: SlashCommand,
  app: App,
  res: ServerResponse,
  clientFor: (team: SlackTeam) => Promise<webApi.WebClient | undefined>,
): Promise<void> {
  try {
    const team = { teamId: command.team_id, enterpriseId: command.enterprise_id, isEnterpriseInstall: command.is_enterprise_install === "true" };
    await handleSlashCommand(deps, {
      command,
      client: (await clientFor(team)) ?? app.client,
      ack: async (message) => {
        if (typeof message === "object") sendJson(res, 200, message);
        else res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(message ?? "");
      },
    });
  } catch (error) {
    deps.logger.error(`Slack slash command failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) res.writeHead(500).end();
  }
}

/** Bolt calls these without authorizing (the token is already gone); the body says which workspace. */
function forgetUninstalledWorkspaces(app: App, forget: (team: SlackTeam) => Promise<void>, logger: Logger): void {
  const teamOf = (body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }): SlackTeam => ({
    ...(body.team_id ? { teamId: body.team_id } : {}),
    ...(body.enterprise_id ? { enterpriseId: body.enterprise_id } : {}),
    isEnterpriseInstall: body.is_enterprise_install === true,
  });
  const forgetTeam = async (team: SlackTeam, why: string) => {
    await forget(team);
    logger.info({ team: team.teamId, enterprise: team.enterpriseId }, `Slack installation removed (${why})`);
  };
  app.event("app_uninstalled", async ({ body }) => forgetTeam(teamOf(body), "app_uninstalled"));
  app.event("tokens_revoked", async ({ body, event }) => {
    // Only the bot's token matters: a revoked user token leaves the bot installed.
    if ((event.tokens.bot ?? []).length > 0) await forgetTeam(teamOf(body), "tokens_revoked");
  });
}
