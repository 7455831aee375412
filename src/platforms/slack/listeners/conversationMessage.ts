import type { App } from "@slack/bolt";
import { answerInThread } from "../answerInThread.js";
import { mentionsBot, threadOf, toConversationMessage, type SlackMessageEvent } from "../conversationEvent.js";
import { botUserIdOf, teamIdOf } from "./botIdentity.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

/**
 * Plain messages: every direct message to the bot (`message.im`), and in channels a reply in a thread the bot
 * follows (`message.channels`, `message.groups`). A channel message that mentions the bot is left to the
 * `app_mention` listener, which Slack sends for it too.
 */
export function registerConversationMessages(app: App, deps: SlackListenerDeps): void {
  app.event("message", async ({ event, body, context, client }) => {
    const said = event as unknown as SlackMessageEvent;
    const botUserId = botUserIdOf(context, body);
    const direct = said.channel_type === "im";
    if (!direct && (!said.thread_ts || mentionsBot(said.text, botUserId))) return;
    const message = toConversationMessage(said, { teamId: teamIdOf(body), botUserId, addressed: direct });
    if (!message || !deps.conversation) return;
    await answerInThread(deps.conversation, message, threadOf(said), client, deps.logger);
  });
}
