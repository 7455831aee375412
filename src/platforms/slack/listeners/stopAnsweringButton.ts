import type { App, BlockButtonAction } from "@slack/bolt";
import { STOP_ANSWERING_ACTION_ID } from "../actionIds.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { slackTraits } from "../traits.js";
import type { SlackListenerDeps } from "./listenerDeps.js";
import type { ButtonArgs } from "./shareButton.js";

export const STOPPED_TEXT = "I'll stop answering plain messages in this thread. Mention me to ask something here again.";

/**
 * "Stop answering here", under an answer in a thread: plain messages in that thread are no longer answered.
 * The button names its thread (`C123:1712345600.000100`), and only ever stops the conversation it was
 * clicked in. The one who clicked is told, privately.
 */
export async function handleStopAnswering(deps: SlackListenerDeps, { ack, body, action }: Omit<ButtonArgs, "client">): Promise<void> {
  await ack();
  const [channel, threadTs] = (action.value ?? "").split(":");
  const clickedIn = body.channel?.id;
  if (!channel || !threadTs || channel !== clickedIn || !deps.conversation) {
    await tell(deps, body.response_url, "That button has expired.");
    return;
  }
  const team = body.team?.id ?? body.user.team_id ?? "";
  try {
    await deps.conversation.stop(slackTraits, `${team}:${channel}:${threadTs}`);
  } catch (error) {
    deps.logger.warn(`Stopping a Slack thread failed: ${error instanceof Error ? error.message : String(error)}`);
    await tell(deps, body.response_url, "I couldn't note that just now. Try the button again in a moment.");
    return;
  }
  await tell(deps, body.response_url, STOPPED_TEXT);
}

function tell(deps: SlackListenerDeps, responseUrl: string, text: string): Promise<boolean> {
  return postToResponseUrl(responseUrl, { text, response_type: "ephemeral", replace_original: false }, deps.logger, deps.responseUrl);
}

export function registerStopAnsweringButton(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: STOP_ANSWERING_ACTION_ID }, async ({ ack, body, action }) =>
    handleStopAnswering(deps, { ack, body, action }),
  );
}
