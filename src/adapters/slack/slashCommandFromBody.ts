import type { SlashCommand } from "@slack/bolt";

/**
 * The slash command a verified HTTP request carries, or null for anything else (interactions arrive as a
 * form with a `payload` field, events as JSON). Slack posts commands form-encoded with these fields.
 */
export function slashCommandFromBody(contentType: string | undefined, rawBody: Buffer): SlashCommand | null {
  if (!String(contentType ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(rawBody.toString("utf8"));
  const command = form.get("command");
  if (!command || form.has("payload")) return null;
  return Object.fromEntries(form) as unknown as SlashCommand;
}
