/**
 * The contract between commands and platforms: the neutral `Reply` every command returns, the builders that
 * make one, the invocation a button carries, and the freezing that lets a cached reply be shared safely.
 */
export type * from "./types.js";
export { answerReply, noticeReply, errorReply, isAnswer, invocationButton, shareValue, type ReplyParts } from "./builders.js";
export { decodeInvocation, encodeInvocationIntact, MAX_INVOCATION_LENGTH, type Invocation } from "./invocation.js";
export { deepFreeze, memoizeForFrozen } from "./freeze.js";
export { feedbackActions, readFeedbackClick, FEEDBACK_COMMAND, FEEDBACK_LABELS, type FeedbackClick } from "./feedback.js";
