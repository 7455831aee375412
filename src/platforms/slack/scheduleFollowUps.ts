import type { webApi } from "@slack/bolt";
import type { ReplyFollowUp } from "../../commands/index.js";
import { neutralizeForSlack } from "../../render/neutralizeMentions.js";
import type { Logger } from "../../logger.js";
import { callSlackApi } from "./callSlackApi.js";

export interface FollowUpTarget {
  channel: string;
  threadTs?: string;
}

export interface ScheduledFollowUps {
  scheduled: number;
  /** Slack's reason for the first refusal (`not_in_channel`), after which nothing more was tried. */
  failure?: string;
}

/**
 * A reply's later messages (a speaking timer's "one minute left") handed to Slack's scheduler, so they are
 * posted on time even if this process restarts. A failure is one log line and stops the rest; the reply itself
 * stands, and the caller learns why, to tell the user.
 */
export async function scheduleFollowUps(
  client: webApi.WebClient,
  target: FollowUpTarget,
  followUps: readonly ReplyFollowUp[],
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<ScheduledFollowUps> {
  let scheduled = 0;
  for (const followUp of followUps) {
    const postAt = Math.floor(now().getTime() / 1000) + Math.max(1, Math.round(followUp.delaySeconds));
    const outcome = await callSlackApi(
      "chat.scheduleMessage",
      () =>
        client.chat.scheduleMessage({
          channel: target.channel,
          post_at: postAt,
          text: neutralizeForSlack(followUp.text),
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        }),
      logger,
    );
    // The rest would fail the same way (not in the channel, bad token): one line is enough.
    if (!outcome.ok) return { scheduled, failure: outcome.error };
    scheduled += 1;
  }
  return { scheduled };
}
