import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { decodeInvocation } from "../../reply/invocation.js";

/**
 * Discord drops an interaction that is not answered within 3 seconds. Work still running after this long is
 * deferred ("thinking…") and its answer delivered by editing that message.
 */
export const DEFER_AFTER_MS = 2_500;

export type WorkOutcome<T> = { done: true; value: T } | { done: false };

/** Waits for `work` at most `ms`; the timer is always cleared, so nothing is left running. */
export async function raceDeadline<T>(work: Promise<T>, ms: number): Promise<WorkOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<WorkOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): WorkOutcome<T> => ({ done: true, value })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The deferral for a slow interaction, or null for those that cannot be deferred (PING, autocomplete). The
 * visibility must be chosen before the answer exists: a button on the clicker's own ephemeral message defers
 * as an update (the answer usually replaces it); "Share in channel" defers publicly; the rest privately, as
 * replies are by default.
 */
export function deferralFor(interaction: APIInteraction): APIInteractionResponse | null {
  if (interaction.type === InteractionType.Ping || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return null;
  }
  if (interaction.type === InteractionType.MessageComponent) {
    const customId: unknown = (interaction.data as { custom_id?: unknown } | undefined)?.custom_id;
    if (typeof customId === "string" && decodeInvocation(customId)?.share === true) return { type: InteractionResponseType.DeferredChannelMessageWithSource };
    if (((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return { type: InteractionResponseType.DeferredMessageUpdate };
  }
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
}

/** What a mode needs to finish a deferred interaction: its "@original" message and follow-ups. */
export interface LateResponseTransport {
  editOriginal(data: APIInteractionResponseCallbackData): Promise<unknown>;
  deleteOriginal(): Promise<unknown>;
  followUp(data: APIInteractionResponseCallbackData): Promise<unknown>;
}

/**
 * Delivers an answer after a deferral. After a deferred update, "@original" is the clicked message: an update
 * edits it, anything else is a new follow-up. After a deferred reply, the "thinking…" message already has its
 * visibility; when the answer needs the other one, the placeholder is deleted and the answer posted anew.
 */
export async function deliverLateResponse(
  deferral: APIInteractionResponse,
  response: APIInteractionResponse,
  transport: LateResponseTransport,
): Promise<void> {
  if (!("data" in response) || !response.data || !isMessageResponse(response)) return;
  const data = response.data as APIInteractionResponseCallbackData;
  if (deferral.type === InteractionResponseType.DeferredMessageUpdate) {
    await (response.type === InteractionResponseType.UpdateMessage ? transport.editOriginal(data) : transport.followUp(data));
    return;
  }
  if (isEphemeral(deferral) === isEphemeral(response)) {
    const { flags: _flags, ...edit } = data;
    await transport.editOriginal(edit);
    return;
  }
  await transport.deleteOriginal();
  await transport.followUp(data);
}

function isMessageResponse(response: APIInteractionResponse): boolean {
  return response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage;
}

/** An update keeps its message's flags, and the handler only updates ephemeral messages. */
export function isEphemeral(response: APIInteractionResponse): boolean {
  if (response.type === InteractionResponseType.UpdateMessage) return true;
  const flags = "data" in response && response.data && "flags" in response.data ? Number(response.data.flags ?? 0) : 0;
  return (flags & MessageFlags.Ephemeral) !== 0;
}
