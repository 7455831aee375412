import type { types } from "@slack/bolt";
import { SLACK_ACTIONS_PER_BLOCK_MAX, SLACK_MAX_BLOCKS } from "./limits.js";
import type { SlackMessage } from "./render.js";

/**
 * A rendered message with one more button, for buttons only an adapter knows about ("Reply in thread").
 * It joins the last actions block when there is room, else gets its own; when the message is full the
 * message is returned unchanged rather than made invalid.
 */
export function appendButton(message: SlackMessage, button: types.Button): SlackMessage {
  const blocks = [...message.blocks];
  const last = blocks[blocks.length - 1];
  if (last?.type === "actions" && last.elements.length < SLACK_ACTIONS_PER_BLOCK_MAX) {
    blocks[blocks.length - 1] = { ...last, elements: [...last.elements, button] };
  } else if (blocks.length < SLACK_MAX_BLOCKS) {
    blocks.push({ type: "actions", elements: [button] });
  }
  return { ...message, blocks };
}
