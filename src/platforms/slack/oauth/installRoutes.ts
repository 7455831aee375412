import { ErrorCode, InstallProvider } from "@slack/oauth";
import type { webApi } from "@slack/bolt";
import type { HttpRoute } from "../../../http/createHttpServer.js";
import type { Logger } from "../../../logger.js";
import type { Installations } from "../../../store/index.js";
import { toBoltLogger } from "../boltLogger.js";
import type { SlackTeam } from "../createSlackApp.js";
import { SLACK_BOT_SCOPES } from "../buildSlackManifest.js";
import { InstallationSealer } from "./sealInstallation.js";
import { storeInstallations } from "./storeInstallations.js";
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from "./installPaths.js";

export { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH };

/** A redirect Slack did not send (no or a foreign state, no code) or that the person cancelled: their 400. */
const REFUSALS = new Set<string>([ErrorCode.MissingStateError, ErrorCode.InvalidStateError, ErrorCode.MissingCodeError, ErrorCode.AuthorizationError]);

export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` parameter (and its browser cookie), and, through HKDF, the key that seals tokens at rest. */
  stateSecret: string;
}

export interface SlackInstallFlow {
  /** `GET /slack/install` and `GET /slack/oauth_redirect`. */
  routes: HttpRoute[];
  /** The installing workspace's bot token (and bot ids), or undefined when it never installed the bot. */
  authorize(team: SlackTeam): Promise<{ botToken: string; botId?: string; botUserId?: string } | undefined>;
  /** Deletes the workspace's installation (app_uninstalled, tokens_revoked). */
  forget(team: SlackTeam): Promise<void>;
}

/**
 * Slack's OAuth install through @slack/oauth's InstallProvider: `/slack/install` sets a signed state cookie and
 * sends the browser to Slack with the bot's scopes; `/slack/oauth_redirect` checks that the `state` Slack
 * returns is the one this browser was given (a forged or tampered one gets 400 and nothing is stored), trades the
 * code for tokens with oauth.v2.access, and keeps the installation, sealed, in the store.
 */
export function createSlackInstallFlow(settings: SlackOAuthSettings, installations: Installations, logger: Logger, clientOptions: webApi.WebClientOptions = {}): SlackInstallFlow {
  const boltLogger = toBoltLogger(logger);
  const installationStore = storeInstallations(installations, new InstallationSealer(settings.stateSecret));
  const provider = new InstallProvider({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    installationStore,
    installUrlOptions: { scopes: [...SLACK_BOT_SCOPES] },
    // Straight to Slack, no interstitial page: the install link is the whole flow.
    directInstall: true,
    logger: boltLogger,
    clientOptions: { ...clientOptions, retryConfig: { retries: 0 } },
  });
  return {
    routes: [
      { path: SLACK_INSTALL_PATH, method: "GET", handler: (req, res) => provider.handleInstallPath(req, res) },
      {
        path: SLACK_OAUTH_REDIRECT_PATH,
        method: "GET",
        handler: (req, res) =>
          provider.handleCallback(req, res, {
            success: (installation, _options, _req, response) => {
              logger.info({ team: installation.team?.id, enterprise: installation.enterprise?.id }, "Slack workspace installed the bot");
              response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
              response.end("<html><body><h2>Ground Truth is installed.</h2><p>You can close this tab and type /help in Slack.</p></body></html>");
            },
            failure: (error, _options, _req, response) => {
              logger.warn({ code: (error as { code?: string }).code }, `Slack install failed: ${error.message}`);
              const refused = REFUSALS.has((error as { code?: string }).code ?? "");
              response.writeHead(refused ? 400 : 500, { "content-type": "text/html; charset=utf-8" });
              response.end("<html><body><h2>The install did not complete.</h2><p>Start again from the install link.</p></body></html>");
            },
          }),
      },
    ],
    async forget(team) {
      await installationStore.deleteInstallation!({ teamId: team.teamId, enterpriseId: team.enterpriseId, isEnterpriseInstall: team.isEnterpriseInstall ?? false });
    },
    async authorize(team) {
      try {
        const found = await provider.authorize({ teamId: team.teamId, enterpriseId: team.enterpriseId, isEnterpriseInstall: team.isEnterpriseInstall ?? false });
        return found.botToken ? { botToken: found.botToken, ...(found.botId ? { botId: found.botId } : {}), ...(found.botUserId ? { botUserId: found.botUserId } : {}) } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
