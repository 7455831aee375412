import type { ReadVariable } from "../../../config/environment.js";
import type { SlackOAuthSettings } from "./installRoutes.js";

export const SLACK_OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** Seals tokens too (src/platforms/slack/oauth/sealInstallation.ts): long enough to be a key's only secret. */
const MIN_STATE_SECRET = 32;

/** The three install variables, all or none; each problem one line, never a value. */
export function readSlackOAuthSettings(read: ReadVariable, problems: string[]): SlackOAuthSettings | undefined {
  const clientId = read("SLACK_CLIENT_ID");
  const clientSecret = read("SLACK_CLIENT_SECRET");
  const stateSecret = read("SLACK_STATE_SECRET");
  if (!clientId && !clientSecret && !stateSecret) return undefined;
  const missing = SLACK_OAUTH_VARIABLES.filter((name) => !read(name));
  if (missing.length > 0) {
    problems.push(`${missing.join(" and ")} missing: installing into many workspaces needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (Basic Information, and a random secret).`);
    return undefined;
  }
  if (!/^\d+\.\d+$/.test(clientId!)) problems.push("SLACK_CLIENT_ID must be the Client ID from Basic Information (digits, a dot, digits).");
  if (stateSecret!.length < MIN_STATE_SECRET) problems.push(`SLACK_STATE_SECRET must be at least ${MIN_STATE_SECRET} random characters (e.g. from \`openssl rand -hex 32\`).`);
  return { clientId: clientId!, clientSecret: clientSecret!, stateSecret: stateSecret! };
}
