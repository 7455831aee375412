import { readApiBaseUrl } from "../../config/apiBaseUrl.js";
import type { ReadVariable } from "../../config/environment.js";
import { readSlackOAuthSettings, SLACK_OAUTH_VARIABLES } from "./oauth/oauthConfig.js";
import type { SlackOAuthSettings } from "./oauth/installRoutes.js";

/** Slack's variables: a bot token, and either an app-level token (Socket Mode) or the signing secret (HTTP). */
export const SLACK_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "SLACK_ADMIN_USER_IDS", ...SLACK_OAUTH_VARIABLES] as const;

export interface SlackSettings {
  /** SLACK_BOT_TOKEN: one workspace's token; optional when `oauth` is set (each installing workspace has its own). */
  botToken?: string;
  /** Set in HTTP mode (and accepted, unused, in Socket Mode). */
  signingSecret?: string;
  /** Set in Socket Mode. */
  appToken?: string;
  mode: "socket" | "http";
  /** SLACK_ADMIN_USER_IDS: who may run /insights and /settings besides the workspace's admins. */
  adminUserIds: string[];
  /** Where Web API calls go (`https://slack-gov.com/api/` for GovSlack, a proxy); Slack's own when unset. */
  apiUrl?: string;
  /** SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: installs into many workspaces (HTTP mode only). */
  oauth?: SlackOAuthSettings;
}

/** Slack's settings, or null when none of its variables is set or one is wrong (each problem one line). */
export function readSlackSettings(read: ReadVariable, problems: string[]): SlackSettings | null {
  const botToken = read("SLACK_BOT_TOKEN");
  const signingSecret = read("SLACK_SIGNING_SECRET");
  const appToken = read("SLACK_APP_TOKEN");
  const before = problems.length;
  const oauth = readSlackOAuthSettings(read, problems);
  if (!botToken && !signingSecret && !appToken && !oauth) return null;

  if (oauth && (appToken || !signingSecret)) {
    problems.push("SLACK_CLIENT_ID (installing into many workspaces) needs HTTP mode: set SLACK_SIGNING_SECRET and leave SLACK_APP_TOKEN empty.");
  }
  if (!botToken && !oauth) {
    problems.push("SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-…) from OAuth & Permissions.");
  } else if (botToken && !botToken.startsWith("xoxb-")) {
    problems.push(`SLACK_BOT_TOKEN must start with "xoxb-" (the Bot User OAuth Token)${describeTokenKind(botToken)}.`);
  }
  if (appToken && !appToken.startsWith("xapp-")) {
    problems.push(`SLACK_APP_TOKEN must start with "xapp-" (an app-level token with connections:write)${describeTokenKind(appToken)}.`);
  }
  if (signingSecret && !/^[0-9a-f]{16,128}$/i.test(signingSecret)) {
    problems.push("SLACK_SIGNING_SECRET must be the hexadecimal Signing Secret from Basic Information (not a token).");
  }
  if (botToken && !appToken && !signingSecret && !oauth) {
    problems.push("SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is.");
  }
  const adminUserIds = (read("SLACK_ADMIN_USER_IDS") ?? "").split(/[\s,]+/).filter(Boolean);
  const notIds = adminUserIds.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (notIds.length > 0) problems.push(`SLACK_ADMIN_USER_IDS must list Slack user ids such as U0123ABCD, separated by commas (got "${notIds[0]!.slice(0, 20)}").`);
  const base = readApiBaseUrl(read("SLACK_API_URL"), "SLACK_API_URL", "https://slack-gov.com/api/", problems);
  // The Web API client joins method names to it, so it ends in a slash.
  const apiUrl = base && (base.endsWith("/") ? base : `${base}/`);
  if (problems.length > before || (!botToken && !oauth)) return null;
  const token = botToken ? { botToken } : {};
  const where = apiUrl ? { apiUrl } : {};
  return appToken
    ? { ...token, appToken, signingSecret, mode: "socket", adminUserIds, ...where }
    : { ...token, signingSecret, mode: "http", adminUserIds, ...where, ...(oauth ? { oauth } : {}) };
}

/** Names a well-known token kind from its public prefix, so the fix is obvious without echoing the value. */
function describeTokenKind(value: string): string {
  const kinds: Array<[string, string]> = [
    ["xoxb-", "a bot token"],
    ["xoxp-", "a user token"],
    ["xapp-", "an app-level token"],
    ["xoxe", "a refresh or configuration token"],
  ];
  const kind = kinds.find(([prefix]) => value.startsWith(prefix));
  return kind ? `; this one is ${kind[1]}` : "";
}
