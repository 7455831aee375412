export { Conversation, CONVERSATION_DEFAULTS, type AnswersIn, type ConversationMessage, type ConversationOptions, type ConversationOutcome } from "./conversation.js";
export { readFollowUp, subjectMatter, subjectTerms, type FollowUp, type ThreadContext } from "./readFollowUp.js";
