import type { APIInteractionResponseCallbackData } from "discord-api-types/v10";
import type { FollowUpMessage } from "./scheduleFollowUps.js";

export const DISCORD_API_BASE = "https://discord.com/api/v10";

/**
 * The interaction webhook, for HTTP mode: no bot token needed, the interaction's own token authorises follow-ups
 * and edits for 15 minutes. Errors name the status only; the URL holds the token and is never repeated.
 */
export interface InteractionWebhook {
  followUp(body: APIInteractionResponseCallbackData | FollowUpMessage): Promise<void>;
  editOriginal(body: APIInteractionResponseCallbackData): Promise<void>;
  deleteOriginal(): Promise<void>;
}

export function interactionWebhook(
  applicationId: string,
  token: string,
  options: { fetch?: typeof fetch; apiBase?: string } = {},
): InteractionWebhook {
  const send = options.fetch ?? fetch;
  const base = `${options.apiBase ?? DISCORD_API_BASE}/webhooks/${encodeURIComponent(applicationId)}/${encodeURIComponent(token)}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await send(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Release the connection; the body is not needed.
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) throw new Error(`Discord webhook ${method} answered ${response.status}`);
  };
  return {
    followUp: (body) => call("POST", "", body),
    editOriginal: (body) => call("PATCH", "/messages/@original", body),
    deleteOriginal: () => call("DELETE", "/messages/@original"),
  };
}
