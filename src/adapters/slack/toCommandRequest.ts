import { normalizeCommandName } from "../../commands/commandRegistry.js";
import type { CommandRequest } from "../../commands/index.js";

/** The fields of Slack's slash command payload the bot reads. */
export interface SlackSlashCommandPayload {
  command: string;
  text?: string;
  user_id: string;
  user_name?: string;
}

/** A Slack slash command as a neutral request: `/source minsk` by U123 becomes `{ command: "source", text: "minsk" }`. */
export function toCommandRequest(body: SlackSlashCommandPayload): CommandRequest {
  return {
    command: normalizeCommandName(body.command),
    text: body.text ?? "",
    user: { id: body.user_id, ...(body.user_name ? { name: body.user_name } : {}) },
    platform: "slack",
  };
}
