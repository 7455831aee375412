import { normalizeCommandName } from "../../commands/registry/commandRegistry.js";
import type { CommandDefinition, CommandRequest } from "../../commands/index.js";
import { parseCommandText } from "../../commands/registry/parseCommandText.js";
import { slackTextToPlainWords } from "./slackMessageToPlainText.js";
import { slackTraits } from "./traits.js";

/** The fields of Slack's slash command payload the bot reads. */
export interface SlackSlashCommandPayload {
  command: string;
  text?: string;
  user_id: string;
  user_name?: string;
}

/**
 * A Slack slash command as a neutral request: `/source Turkey &amp; the UN` by U123 becomes
 * `{ command: "source", args: { name: "Turkey & the UN" } }`. Slack's escapes and tokens are undone per option,
 * after the options are split: an option naming people (`for: <@U123|dana>`, /teams) keeps its mention tokens,
 * so the ids survive; every other option gets the words a reader sees. An unknown command's text goes on as
 * words.
 */
export function toCommandRequest(
  body: SlackSlashCommandPayload,
  definitionOf: (command: string) => CommandDefinition | undefined,
): CommandRequest {
  const command = normalizeCommandName(body.command);
  const text = body.text ?? "";
  const user = { id: body.user_id, ...(body.user_name ? { name: body.user_name } : {}) };
  // Most commands hold no escape or token: their text goes on as typed, to be parsed (and its reply found in
  // the cache) by the registry, as on every other platform.
  if (!/[<&]/.test(text)) return { command, text, user, platform: slackTraits };
  const definition = definitionOf(command);
  if (!definition) return { command, text: slackTextToPlainWords(text), user, platform: slackTraits };
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseCommandText(definition, text))) {
    const kind = definition.options.find((option) => option.name === name)?.kind;
    const words = slackTextToPlainWords(value, { keepUserMentions: kind === "user" || kind === "people" });
    args[name] = words.replace(/[ \t]{2,}/g, " ").trim();
  }
  return { command, args, user, platform: slackTraits };
}
