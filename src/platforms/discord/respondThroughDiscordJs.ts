import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from "discord-api-types/v10";
import type { Interaction, InteractionReplyOptions, InteractionUpdateOptions } from "discord.js";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { resolveButtonKey, type ButtonKeyStore } from "./buttonKeys.js";
import type { Conversation } from "../../conversation/index.js";
import { handleInteraction } from "./handleInteraction.js";
import { DEFER_AFTER_MS, deferralFor, deliverLateResponse, isEphemeral, raceDeadline } from "./respondLate.js";
import type { FollowUpScheduler } from "./scheduleFollowUps.js";
import { toApiInteraction } from "./toApiInteraction.js";
import type { KeepTimers } from "./keepTimers.js";
import { discordTraits, discordWebhookTraits } from "./traits.js";

export interface GatewayResponder {
  registry: CommandRegistry;
  logger: Logger;
  followUps: FollowUpScheduler;
  deferAfterMs?: number;
  buttonKeys?: ButtonKeyStore;
  /** Keeps a timer's reminders in the store instead of following up on the interaction. */
  timers?: KeepTimers;
  /** Conversation, for its "Stop answering here" button. */
  conversation?: Conversation;
}

/**
 * Answers a gateway interaction: the neutral handler decides the response, discord.js sends it. Slow work is
 * deferred first so the 3-second deadline is never missed, then the answer replaces the "thinking…" message.
 */
export async function respondThroughDiscordJs(interaction: Interaction, options: GatewayResponder): Promise<void> {
  const received = toApiInteraction(interaction);
  if (!received) return;
  const raw = await resolveButtonKey(received, options.buttonKeys);
  const work = handleInteraction(raw, options.registry, {
    buttonKeys: options.buttonKeys,
    conversation: options.conversation,
    traits: options.timers ? discordTraits : discordWebhookTraits,
    onFollowUps: options.timers ?? ((followUps) =>
      options.followUps.schedule(followUps, (message) =>
        interaction.isRepliable()
          ? interaction.followUp({ content: message.content, allowedMentions: { parse: [] }, flags: message.flags as MessageFlags.Ephemeral | undefined })
          : Promise.resolve(),
      )),
  });
  const deferral = deferralFor(raw);
  const outcome = deferral ? await raceDeadline(work, options.deferAfterMs ?? DEFER_AFTER_MS) : { done: true as const, value: await work };
  if (outcome.done) {
    await send(interaction, outcome.value);
    return;
  }
  if (!interaction.isRepliable() || !deferral) return;
  if (deferral.type === InteractionResponseType.DeferredMessageUpdate && interaction.isMessageComponent()) await interaction.deferUpdate();
  else await interaction.deferReply(isEphemeral(deferral) ? { flags: MessageFlags.Ephemeral } : {});
  await deliverLateResponse(deferral, await work, {
    editOriginal: (data) => interaction.editReply(toMessageOptions(data)),
    deleteOriginal: () => interaction.deleteReply(),
    followUp: (data) => interaction.followUp(toReplyOptions(data)),
  });
}

async function send(interaction: Interaction, response: APIInteractionResponse): Promise<void> {
  switch (response.type) {
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      if (interaction.isAutocomplete()) await interaction.respond(response.data.choices ?? []);
      return;
    case InteractionResponseType.UpdateMessage:
      if (interaction.isMessageComponent()) await interaction.update(toMessageOptions(response.data ?? {}));
      return;
    case InteractionResponseType.ChannelMessageWithSource:
      if (interaction.isRepliable()) await interaction.reply(toReplyOptions(response.data ?? {}));
      return;
    default:
      return;
  }
}

/**
 * API message fields in discord.js's option names (it writes them back to the same JSON). Flags are left out:
 * an edit or update cannot change whether a message is ephemeral.
 */
function toMessageOptions(data: APIInteractionResponseCallbackData): InteractionUpdateOptions {
  const mentions = data.allowed_mentions;
  return {
    content: data.content,
    embeds: data.embeds ?? [],
    components: (data.components ?? []) as InteractionUpdateOptions["components"],
    // Never looser than "nobody": only the reply's addressees may be pinged.
    allowedMentions: { parse: [], ...(mentions?.users?.length ? { users: mentions.users } : {}) },
  };
}

/** A new message: the fields above plus whether only the clicker sees it. */
function toReplyOptions(data: APIInteractionResponseCallbackData): InteractionReplyOptions {
  const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return { ...(toMessageOptions(data) as InteractionReplyOptions), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
