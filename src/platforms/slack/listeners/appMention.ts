import type { App } from "@slack/bolt";
import { answerInThread } from "../answerInThread.js";
import { threadOf, toConversationMessage, type SlackMessageEvent } from "../conversationEvent.js";
import { botUserIdOf, teamIdOf } from "./botIdentity.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

/** `@ground-truth why did the talks fail?` in a channel: answered in the thread of the message that asked. */
export function registerAppMention(app: App, deps: SlackListenerDeps): void {
  app.event("app_mention", async ({ event, body, context, client }) => {
    const said = event as unknown as SlackMessageEvent;
    const message = toConversationMessage(said, { teamId: teamIdOf(body), botUserId: botUserIdOf(context, body), addressed: true });
    if (!message || !deps.conversation) return;
    await answerInThread(deps.conversation, message, threadOf(said), client, deps.logger);
  });
}
