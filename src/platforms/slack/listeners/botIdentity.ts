import type { Context } from "@slack/bolt";

/**
 * The bot's own user id, for telling its mentions and its own messages apart: from the token check when it
 * has run, else from the event's `authorizations` (Slack names the installation the event is for).
 */
export function botUserIdOf(context: Context, body: unknown): string | undefined {
  if (context.botUserId) return context.botUserId;
  const authorizations = (body as { authorizations?: Array<{ user_id?: unknown; is_bot?: unknown }> }).authorizations;
  const bot = authorizations?.find((authorization) => authorization.is_bot !== false && typeof authorization.user_id === "string");
  return bot?.user_id as string | undefined;
}

export function teamIdOf(body: unknown): string | undefined {
  const teamId = (body as { team_id?: unknown }).team_id;
  return typeof teamId === "string" ? teamId : undefined;
}
