import type { App } from "@slack/bolt";
import { registerAnswerEachEventOnce } from "./answerEachEventOnce.js";
import { registerAppMention } from "./appMention.js";
import { registerAssistant } from "./assistant.js";
import { registerCommandButtons } from "./commandButton.js";
import { registerConversationMessages } from "./conversationMessage.js";
import { registerFindInDocumentShortcut } from "./findInDocumentShortcut.js";
import type { SlackListenerDeps } from "./listenerDeps.js";
import { registerOlderVersionInteractions } from "./olderVersionInteraction.js";
import { registerReplyInThreadButton } from "./replyInThreadButton.js";
import { registerShareButton } from "./shareButton.js";
import { registerSlashCommands } from "./slashCommand.js";
import { registerStopAnsweringButton } from "./stopAnsweringButton.js";

export type { SlackListenerDeps } from "./listenerDeps.js";

/** Every Slack listener the bot has, registered on one app. */
export function registerListeners(app: App, deps: SlackListenerDeps): void {
  // First: a retried event is dropped before any listener sees it.
  registerAnswerEachEventOnce(app, deps);
  // Before the message listener: Bolt hands threaded direct messages to the assistant and stops there.
  registerAssistant(app, deps);
  registerSlashCommands(app, deps);
  registerShareButton(app, deps);
  registerCommandButtons(app, deps);
  registerFindInDocumentShortcut(app, deps);
  registerReplyInThreadButton(app, deps);
  registerAppMention(app, deps);
  registerConversationMessages(app, deps);
  registerStopAnsweringButton(app, deps);
  registerOlderVersionInteractions(app, deps);
}
