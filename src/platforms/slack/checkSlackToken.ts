import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { slackErrorReason } from "./callSlackApi.js";

export interface SlackBotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * Asks Slack who the bot token belongs to. A failure is one line naming the variable to fix, never the token;
 * it does not stop anything, because slash commands are answered in their acknowledgement and need no token.
 */
export async function checkSlackToken(client: webApi.WebClient, botToken: string, logger: Logger): Promise<SlackBotIdentity | null> {
  try {
    const result = await client.auth.test({ token: botToken });
    logger.info({ team: result.team, botUserId: result.user_id }, "Slack bot token accepted");
    return { botId: result.bot_id, botUserId: result.user_id };
  } catch (error) {
    logger.error(
      `Slack bot token check failed (${slackErrorReason(error)}): slash commands still answer, but sharing, threads and timers need a valid SLACK_BOT_TOKEN (xoxb-…)`,
    );
    return null;
  }
}
