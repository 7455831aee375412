import { SLACK_SHARE_ACTION_ID } from "./render.js";

/** "Share in channel": re-run the reply's invocation and post it publicly. Named by the renderer. */
export const SHARE_ACTION_ID = SLACK_SHARE_ACTION_ID;
/** The reply's own buttons (More, Context, Another motion…), numbered by the renderer: `gt_action_0`, … */
export const COMMAND_ACTION_ID = /^gt_action_\d+$/;
/** The message shortcut, as declared in the manifest. */
export const FIND_IN_DOCUMENT_CALLBACK_ID = "find_in_document";
/** Posts a "Find in document" answer in the thread of the message it was asked about. */
export const REPLY_IN_THREAD_ACTION_ID = "gt_reply_in_thread";
export const REPLY_IN_THREAD_LABEL = "Reply in thread";

/** In a thread the bot follows: plain messages there are no longer answered. */
export const STOP_ANSWERING_ACTION_ID = "gt_stop_answering";
export const STOP_ANSWERING_LABEL = "Stop answering here";

/** Whether this version of the bot has a listener for a button's action id. */
export function isKnownActionId(actionId: string): boolean {
  return actionId === SHARE_ACTION_ID || actionId === REPLY_IN_THREAD_ACTION_ID || actionId === STOP_ANSWERING_ACTION_ID || COMMAND_ACTION_ID.test(actionId);
}

/** Whether this version of the bot has a listener for a shortcut's callback id. */
export function isKnownCallbackId(callbackId: string): boolean {
  return callbackId === FIND_IN_DOCUMENT_CALLBACK_ID;
}
