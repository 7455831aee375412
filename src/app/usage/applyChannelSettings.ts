import { normalizeCommandName } from "../../commands/registry/commandRegistry.js";
import { parseCommandText } from "../../commands/registry/parseCommandText.js";
import type { CommandDefinition } from "../../commands/registry/types.js";
import type { CommandMiddleware } from "../../commands/registry/wrapCommandRuns.js";
import type { Logger } from "../../logger.js";
import { errorReply, isAnswer } from "../../reply/builders.js";
import type { ChannelSettings, ChannelSettingsStore } from "../../store/index.js";

export interface ChannelSettingsOptions {
  settings: Pick<ChannelSettingsStore, "get">;
  definition: (name: string) => CommandDefinition | undefined;
  logger: Logger;
}

/**
 * Applies each channel's /settings to every command and button run there, read from the store on each run so
 * a change made on one instance holds on all of them at once: a command turned off is refused, a command that
 * takes a document gets the channel's default when none is named, and answers go public where the channel
 * says so. If the store cannot be read, the command runs with the defaults (and a line is logged).
 */
export function applyChannelSettings(options: ChannelSettingsOptions): CommandMiddleware {
  return async (request, next) => {
    const definition = options.definition(request.command);
    if (!request.channel || !definition) return next(request);
    let settings: ChannelSettings;
    try {
      settings = await options.settings.get(request.channel);
    } catch (error) {
      options.logger.warn({ err: error }, "channel settings: could not be read; running with the defaults");
      return next(request);
    }
    if (settings.disabledCommands?.includes(normalizeCommandName(definition.name))) {
      return errorReply("Not in this channel", `/${definition.name} is turned off in this channel. /help lists what is on here.`);
    }
    const withDocument = settings.document && takesDocument(definition) && !namesDocument(definition, request.text, request.args);
    const reply = await next(withDocument ? { ...request, args: { ...request.args, document: settings.document } } : request);
    if (settings.visibility === "public" && isAnswer(reply) && reply.visibility === "private") return { ...reply, visibility: "public", share: undefined };
    return reply;
  };
}

function takesDocument(definition: CommandDefinition): boolean {
  return definition.options.some((option) => option.name === "document");
}

function namesDocument(definition: CommandDefinition, text: string | undefined, args: Readonly<Record<string, string | undefined>> | undefined): boolean {
  return Boolean(args?.document?.trim() || (text && parseCommandText(definition, text).document?.trim()));
}

/**
 * Whether the bot answers mentions in a channel (`slack:T1:C1`, `discord:G1:C1`): yes unless an admin turned it
 * off with /settings mentions: off. For the mention and message handlers; a store that cannot be read says yes.
 */
export async function answersMentionsIn(settings: Pick<ChannelSettingsStore, "get">, channel: string): Promise<boolean> {
  try {
    return (await settings.get(channel)).answerMentions !== false;
  } catch {
    return true;
  }
}
