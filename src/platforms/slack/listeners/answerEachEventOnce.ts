import type { AnyMiddlewareArgs, App } from "@slack/bolt";
import type { SlackListenerDeps } from "./listenerDeps.js";

/** Slack retries an event for up to about an hour after it was first sent (three times, backing off). */
export const EVENT_REMEMBERED_MS = 2 * 60 * 60 * 1000;

/**
 * Slack retries an event it thinks went unanswered (`X-Slack-Retry-Num`, the same `event_id`), and with several
 * instances behind a load balancer the retry may reach another one. Each event id is handled once, by whichever
 * instance the shared store says saw it first; a repeat is acknowledged (Bolt has already done so) and
 * dropped. A store that cannot say lets the event through: each message is claimed once again when answered.
 */
export function registerAnswerEachEventOnce(app: App, deps: SlackListenerDeps): void {
  app.use(async ({ body, next }: AnyMiddlewareArgs & { next: () => Promise<void> }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string" || !deps.state) return next();
    let first = true;
    try {
      first = await deps.state.replayKeys.firstSeen(`slack:event:${eventId}`, EVENT_REMEMBERED_MS);
    } catch (error) {
      deps.logger.warn(`Slack event ids could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!first) {
      deps.logger.info({ eventId }, "Slack event already handled: a retry is dropped");
      return;
    }
    await next();
  });
}
