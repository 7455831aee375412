import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
} from "discord-api-types/v10";
import { documentOption, FIND_IN_DOCUMENT, findInDocument, type CommandRegistry, type PlatformTraits, type Reply, type ReplyFollowUp } from "../../commands/index.js";
import { errorReply, isAnswer } from "../../reply/builders.js";
import { memoizeForFrozen } from "../../reply/freeze.js";
import { renderDiscordMessage } from "./render.js";
import { fitButtonValues, type ButtonKeyStore } from "./buttonKeys.js";
import { flattenOptions, interactionChannel, interactionUser, toCommandRequest } from "./toCommandRequest.js";
import { discordTraits } from "./traits.js";
import type { Conversation } from "../../conversation/index.js";
import { stopAnsweringClick } from "./conversation/stopAnswering.js";


export const DISCORD_CHOICES_MAX = 25;
export const DISCORD_CHOICE_MAX = 100;

export interface HandleInteractionOptions {
  /**
   * Called with a reply's timed follow-ups (a speaking timer's reminders). The gateway and HTTP modes post them
   * differently, so the neutral core only hands them over. A reply it returns is sent instead (the bot may not
   * post in that channel, or the reminders could not be kept).
   */
  onFollowUps?: (followUps: ReplyFollowUp[], interaction: APIInteraction) => void | Reply | undefined | Promise<Reply | undefined>;
  /** What commands are told of Discord (default discordTraits: reminders kept in the store). */
  traits?: PlatformTraits;
  /** Short keys for button values over Discord's 100 characters; without it those buttons are left out. */
  buttonKeys?: ButtonKeyStore;
  /** Conversation, for its "Stop answering here" button. */
  conversation?: Conversation;
}

/**
 * Answers one interaction, as Discord sends it, with the response Discord expects. Both modes call this: the HTTP
 * endpoint returns the response as the request's body, the gateway client sends it through discord.js. A
 * button's short key is resolved before this (`resolveButtonKey`), so a click carries its whole invocation.
 */
export async function handleInteraction(
  interaction: APIInteraction,
  registry: CommandRegistry,
  options: HandleInteractionOptions = {},
): Promise<APIInteractionResponse> {
  const traits = options.traits ?? discordTraits;
  const answer = async (reply: Reply, respond: (reply: Reply) => APIInteractionResponse): Promise<APIInteractionResponse> => {
    const instead = reply.followUps?.length ? await options.onFollowUps?.(reply.followUps, interaction) : undefined;
    if (instead) return respond(instead);
    return respond(await fitButtonValues(reply, options.buttonKeys));
  };

  switch (interaction.type) {
    case InteractionType.Ping:
      return { type: InteractionResponseType.Pong };

    case InteractionType.ApplicationCommandAutocomplete:
      if (!isRecord(interaction.data as unknown)) return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
      return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: complete(interaction, registry) } };

    case InteractionType.ApplicationCommand: {
      if (!isRecord(interaction.data as unknown)) return newMessage(notSupported());
      if (interaction.data.type === ApplicationCommandType.ChatInput) {
        const reply = await registry.run(toCommandRequest(interaction as Parameters<typeof toCommandRequest>[0], traits));
        return answer(reply, newMessage);
      }
      if (interaction.data.type === ApplicationCommandType.Message && interaction.data.name === FIND_IN_DOCUMENT) {
        const reply = await findInDocument(registry, messageText(interaction as APIMessageApplicationCommandInteraction), interactionUser(interaction), traits);
        return answer(reply, newMessage);
      }
      return newMessage(notSupported());
    }

    case InteractionType.MessageComponent: {
      // A click always names its button; one that does not is answered, not crashed on.
      const data: unknown = interaction.data;
      if (!isRecord(data) || typeof data.custom_id !== "string") return newMessage(notSupported());
      const stopped = await stopAnsweringClick(interaction, options.conversation);
      if (stopped) return newMessage(stopped);
      const reply = await registry.runInvocation(interaction.data.custom_id, interactionUser(interaction), traits, { channel: interactionChannel(interaction) });
      return answer(reply, (fitted) => componentResponse(interaction, fitted));
    }

    default:
      return newMessage(notSupported());
  }
}

/** A new message for the reply; kept with a frozen (cached) reply, like its rendering. */
const newMessage = memoizeForFrozen((reply: Reply): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: renderDiscordMessage(reply) as APIInteractionResponseCallbackData,
}));

/**
 * A button's answer. A shared (public) reply is a new message for the channel. A private answer replaces the
 * clicker's own ephemeral message ("More" pages in place); on a public message it goes to the clicker alone,
 * because updating it would change the message for everyone. Errors and notices (an expired button, the rate
 * limit's "One moment") never overwrite an answer.
 */
function componentResponse(interaction: APIMessageComponentInteraction, reply: Reply): APIInteractionResponse {
  if (!isAnswer(reply) || reply.visibility === "public") return newMessage(reply);
  const onEphemeral = ((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  if (!onEphemeral) return newMessage(reply);
  // An update cannot change a message's flags; the message stays ephemeral.
  const { flags: _flags, ...data } = renderDiscordMessage(reply);
  return { type: InteractionResponseType.UpdateMessage, data: data as APIInteractionResponseCallbackData };
}

/** Choices for the option being typed, from the document already chosen in the same command when there is one. */
function complete(interaction: APIApplicationCommandAutocompleteInteraction, registry: CommandRegistry): APIApplicationCommandOptionChoice[] {
  const options = flattenOptions(interaction.data.options ?? []);
  const focused = options.find((option) => "focused" in option && option.focused);
  if (!focused || !("value" in focused)) return [];
  const chosen = options.find((option) => option !== focused && option.name === documentOption.name && "value" in option);
  const document = chosen && "value" in chosen ? String(chosen.value ?? "") : undefined;
  const choices = registry.complete(interaction.data.name, focused.name, String(focused.value ?? ""), document);
  const seen = new Set<string>();
  const result: APIApplicationCommandOptionChoice[] = [];
  for (const choice of choices) {
    const value = choice.slice(0, DISCORD_CHOICE_MAX);
    if (!value.trim() || seen.has(value)) continue;
    seen.add(value);
    const name = choice.length > DISCORD_CHOICE_MAX ? `${choice.slice(0, DISCORD_CHOICE_MAX - 1)}…` : choice;
    result.push({ name, value });
    if (result.length === DISCORD_CHOICES_MAX) break;
  }
  return result;
}

/** The text of the message "Find in document" was used on: its content and its embeds' descriptions. */
function messageText(interaction: APIMessageApplicationCommandInteraction): string {
  const message = interaction.data.resolved.messages[interaction.data.target_id];
  return [message?.content ?? "", ...(message?.embeds ?? []).map((embed) => embed.description ?? "")].filter((part) => part.trim()).join("\n");
}

/** Signed is not well-formed: a field Discord always sends is checked before it is used, so no shape can crash. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function notSupported(): Reply {
  return errorReply("Not supported", "I can't answer that kind of interaction.");
}
