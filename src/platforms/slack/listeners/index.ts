import type { App } from "@slack/bolt";
import { registerCommandButtons } from "./commandButton.js";
import { registerFindInDocumentShortcut } from "./findInDocumentShortcut.js";
import type { SlackListenerDeps } from "./listenerDeps.js";
import { registerOlderVersionInteractions } from "./olderVersionInteraction.js";
import { registerReplyInThreadButton } from "./replyInThreadButton.js";
import { registerShareButton } from "./shareButton.js";
import { registerSlashCommands } from "./slashCommand.js";

export type { SlackListenerDeps } from "./listenerDeps.js";

/** Every Slack listener the bot has, registered on one app. */
export function registerListeners(app: App, deps: SlackListenerDeps): void {
  registerSlashCommands(app, deps);
  registerShareButton(app, deps);
  registerCommandButtons(app, deps);
  registerFindInDocumentShortcut(app, deps);
  registerReplyInThreadButton(app, deps);
  registerOlderVersionInteractions(app, deps);
}
