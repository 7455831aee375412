import type { APIActionRowComponent, APIButtonComponent, APIInteraction } from "discord-api-types/v10";
import type { Conversation } from "../../../conversation/index.js";
import { errorReply, noticeReply } from "../../../reply/builders.js";
import type { Reply } from "../../../reply/types.js";
import { discordTraits } from "../traits.js";

/** The custom_id prefix of "Stop answering here": `gt_stop:<server>:<thread>` (at most 48 characters). */
export const STOP_ANSWERING_PREFIX = "gt_stop:";
export const STOP_ANSWERING_LABEL = "Stop answering here";
export const STOPPED_TEXT = "I'll stop answering plain messages in this thread. Mention me to ask something here again.";

/** The row with the button, for an answer in a server thread (`thread` as Conversation names it: `<server>:<thread id>`). */
export function stopAnsweringRow(thread: string): APIActionRowComponent<APIButtonComponent> {
  return { type: 1, components: [{ type: 2, style: 2, label: STOP_ANSWERING_LABEL, custom_id: `${STOP_ANSWERING_PREFIX}${thread}` }] };
}

/**
 * A click on "Stop answering here", or null for any other component. It only stops the thread it was clicked
 * in; the clicker is answered privately.
 */
export async function stopAnsweringClick(interaction: APIInteraction, conversation: Conversation | undefined): Promise<Reply | null> {
  const customId = (interaction.data as { custom_id?: unknown } | undefined)?.custom_id;
  if (typeof customId !== "string" || !customId.startsWith(STOP_ANSWERING_PREFIX)) return null;
  const thread = customId.slice(STOP_ANSWERING_PREFIX.length);
  const [server, threadId] = thread.split(":");
  const clickedIn = interaction.channel?.id ?? (interaction as { channel_id?: string }).channel_id;
  if (!conversation || !threadId || threadId !== clickedIn || server !== interaction.guild_id) {
    return errorReply("That button has expired", "Mention me in the thread to ask something there.");
  }
  try {
    await conversation.stop(discordTraits, thread);
  } catch {
    return errorReply("Not noted", "I couldn't note that just now. Try the button again in a moment.");
  }
  return noticeReply("Stopped", STOPPED_TEXT);
}
