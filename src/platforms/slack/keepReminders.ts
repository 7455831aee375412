import type { ReplyFollowUp } from "../../commands/index.js";
import type { Reply } from "../../reply/types.js";
import { errorReply } from "../../reply/builders.js";
import type { SlackListenerDeps } from "./listeners/listenerDeps.js";
import { callSlackApi, isNotAMember } from "./callSlackApi.js";
import { renderSlackMessage } from "./render.js";

export type KeptReminders = { ok: true } | { ok: false; notice: Reply };

/**
 * A timer's reminders kept in the shared store (posted later by whichever instance is up), for a reply that has
 * already been shown (a button's answer). When the store cannot keep them, the notice says so.
 */
export async function keepReminders(deps: SlackListenerDeps, channel: string, followUps: readonly ReplyFollowUp[], from = Date.now()): Promise<KeptReminders> {
  try {
    await deps.reminders.schedule("slack", { channel }, followUps, from);
    return { ok: true };
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "slack reminders not kept: the store is not answering");
    return { ok: false, notice: cannotKeepTime() };
  }
}

/**
 * A slash command's timer: its reminders stored first, then the reply posted to the channel with the bot
 * token, which is the check that the bot may post there at all (Slack has no other with the `chat:write` scope
 * alone). If Slack refuses, the reminders are cancelled and the notice says how to fix it, so the channel is
 * never promised reminders that cannot come.
 */
export async function announceTimer(deps: SlackListenerDeps, channel: string, command: string, reply: Reply, from = Date.now()): Promise<KeptReminders> {
  let ids: string[];
  try {
    ids = (await deps.reminders.schedule("slack", { channel }, reply.followUps ?? [], from)).map((reminder) => reminder.id);
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "slack reminders not kept: the store is not answering");
    return { ok: false, notice: cannotKeepTime() };
  }
  const { text, blocks } = renderSlackMessage(reply);
  const posted = await callSlackApi("chat.postMessage", () => deps.botClient.chat.postMessage({ channel, text, blocks }), deps.logger);
  if (posted.ok) return { ok: true };
  await deps.reminders.cancel(ids).catch(() => 0);
  return { ok: false, notice: isNotAMember(posted.error) ? cannotPostHere(command) : cannotPostNow(posted.error) };
}

function cannotPostHere(command: string): Reply {
  return errorReply(
    "I can't post reminders here",
    `I'm not a member of this conversation, so I could not start the timer. Invite me with /invite @ground-truth, then run ${command} again (in a direct message, use a channel instead).`,
  );
}

function cannotPostNow(reason: string): Reply {
  return errorReply("I couldn't start the timer", `Slack did not let me post here (${reason.slice(0, 80)}). Try again in a moment.`);
}

function cannotKeepTime(): Reply {
  return errorReply("I couldn't start the timer", "I can't keep reminders right now (my storage is not answering). Try again in a moment, or keep time another way.");
}
