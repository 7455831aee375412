import type { Logger } from "../../logger.js";
import type { SlackApp } from "./createSlackApp.js";
import { slackErrorReason } from "./callSlackApi.js";

export const SOCKET_MODE_START_TIMEOUT_MS = 10_000;

/**
 * Connects over Socket Mode, or fails with one clear line within the timeout. Bolt would otherwise retry a
 * dead network for minutes with nothing said, which looks exactly like a bot that works but never answers.
 */
export async function startSlackSocketMode(
  slack: SlackApp,
  logger: Logger,
  timeoutMs: number = SOCKET_MODE_START_TIMEOUT_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    await Promise.race([slack.checkAppToken?.(), timedOut]);
    await Promise.race([slack.app.start(), timedOut]);
  } catch (error) {
    await slack.app.stop().catch(() => undefined);
    throw new Error(
      `Slack Socket Mode could not connect (${slackErrorReason(error)}). Check SLACK_APP_TOKEN (xapp-…, scope connections:write) and that this machine can reach slack.com.`,
    );
  } finally {
    clearTimeout(timer);
  }
  logger.info("Slack connected over Socket Mode");
  await slack.checkToken();
}
