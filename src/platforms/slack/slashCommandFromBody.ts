import type { SlashCommand } from "@slack/bolt";

/**
 * The slash command a verified HTTP request carries, or null for anything else (interactions arrive as a
 * form with a `payload` field, events as JSON). Slack posts commands form-encoded with these fields.
 */
export function slashCommandFromBody(contentType: string | undefined, rawBody: Buffer): SlashCommand | null {
  if (!String(contentType ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(rawBody.toString("utf8"))) fields[name] = value;
  // An ssl_check never gets this far (the verifier answers it); refused here too, so no path can run one.
  if (!fields.command || "payload" in fields || "ssl_check" in fields) return null;
  return fields as unknown as SlashCommand;
}
