/** Where a workspace starts installing the bot, and where Slack sends it back (also in the app manifest). */
export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";
