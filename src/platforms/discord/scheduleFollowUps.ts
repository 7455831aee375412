import type { ReplyFollowUp } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { neutralizeForDiscord, truncateRendered } from "../../render/index.js";
import { DISCORD_CONTENT_MAX, DISCORD_FOLLOW_UP_WINDOW_MS, DISCORD_INTERACTION_TOKEN_LIFETIME_MS } from "./limits.js";

/** A follow-up as Discord's webhook endpoint takes it. */
export interface FollowUpMessage {
  content: string;
  allowed_mentions: { parse: [] };
  flags?: number;
}

export type PostFollowUp = (message: FollowUpMessage) => Promise<unknown>;

export interface FollowUpScheduler {
  /** Posts each follow-up after its delay; those beyond the token's lifetime are announced now instead. */
  schedule(followUps: readonly ReplyFollowUp[], post: PostFollowUp): void;
  /** Drops every pending follow-up (shutdown, tests). */
  cancelAll(): void;
  readonly pending: number;
}

/**
 * Timers live in this process only: a restart loses pending reminders, which for a speaking timer is an
 * acceptable loss (the debate is over by the time anyone would notice).
 */
export function createFollowUpScheduler(logger: Logger): FollowUpScheduler {
  const timers = new Set<NodeJS.Timeout>();
  const deliver = (post: PostFollowUp, message: FollowUpMessage) => {
    post(message).catch((error: unknown) => {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "discord follow-up failed");
    });
  };
  return {
    schedule(followUps, post) {
      const late = followUps.filter((followUp) => followUp.delaySeconds * 1000 > DISCORD_FOLLOW_UP_WINDOW_MS);
      for (const followUp of followUps) {
        if (late.includes(followUp)) continue;
        const timer = setTimeout(() => {
          timers.delete(timer);
          deliver(post, toFollowUpMessage(followUp.text));
        }, Math.max(0, followUp.delaySeconds * 1000));
        // Reminders should never keep a stopping process alive.
        timer.unref();
        timers.add(timer);
      }
      if (late.length > 0) {
        const note =
          `Discord lets a bot post in a conversation for ${DISCORD_INTERACTION_TOKEN_LIFETIME_MS / 60_000} minutes only, so ${late.length === 1 ? "one later reminder" : `${late.length} later reminders`} ` +
          "will not be sent. Keep time another way for the rest.";
        deliver(post, { ...toFollowUpMessage(note), flags: 64 });
      }
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    get pending() {
      return timers.size;
    },
  };
}

export function toFollowUpMessage(text: string): FollowUpMessage {
  return { content: truncateRendered(text, DISCORD_CONTENT_MAX, neutralizeForDiscord) || "—", allowed_mentions: { parse: [] } };
}
