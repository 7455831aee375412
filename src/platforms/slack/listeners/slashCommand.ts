import type { AckFn, App, RespondArguments, SlashCommand, webApi } from "@slack/bolt";
import { errorReply } from "../../../reply/builders.js";
import type { Reply } from "../../../commands/index.js";
import { renderSlackMessage } from "../render.js";
import { isNotAMember } from "../callSlackApi.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { scheduleFollowUps, type ScheduledFollowUps } from "../scheduleFollowUps.js";
import { toCommandRequest } from "../toCommandRequest.js";
import { slackChannel, slackUser } from "../slackAdmins.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

/**
 * How long a reply with reminders waits for Slack to accept them before it is sent anyway: well inside the
 * 3 seconds Slack gives the acknowledgement.
 */
export const SCHEDULE_BEFORE_ACK_MS = 1_500;

export interface SlashCommandArgs {
  command: SlashCommand;
  ack: AckFn<string | RespondArguments>;
  client: webApi.WebClient;
}

/**
 * Answers a slash command in its acknowledgement: no outbound call, so the reply lands within Slack's three
 * seconds even when the Web API is unreachable. Ephemeral unless the reply says otherwise.
 *
 * A reply that promises later messages (a speaking timer) has them scheduled first: where the bot may not post,
 * the asker is told at once how to fix it, privately, instead of the channel being promised reminders that
 * never come. If Slack is slow to say, the reply goes out and a refusal is told afterwards.
 */
export async function handleSlashCommand(deps: SlackListenerDeps, { command, ack, client }: SlashCommandArgs): Promise<void> {
  const request = toCommandRequest(command, (name) => deps.registry.get(name));
  const channel = slackChannel(command.team_id, command.channel_id);
  const reply = await deps.registry.run({ ...request, user: slackUser(deps.admins, client, request.user.id, request.user.name), ...(channel ? { channel } : {}) });
  if (!reply.followUps?.length) {
    await ack(renderSlackMessage(reply));
    return;
  }
  const scheduling = scheduleFollowUps(client, { channel: command.channel_id }, reply.followUps, deps.logger, deps.now);
  const early = await settledWithin(scheduling, SCHEDULE_BEFORE_ACK_MS);
  if (early && isNotAMember(early.failure)) {
    await ack(renderSlackMessage(cannotPostHere(command.command)));
    return;
  }
  await ack(renderSlackMessage(reply));
  if (early) return;
  const late = await scheduling;
  if (isNotAMember(late.failure)) {
    const notice = cannotPostHere(command.command);
    await postToResponseUrl(command.response_url, { text: `${notice.title}. ${notice.text}`, response_type: "ephemeral" }, deps.logger, deps.responseUrl);
  }
}

function cannotPostHere(command: string): Reply {
  return errorReply(
    "I can't post reminders here",
    `I'm not a member of this conversation, so its reminders could not be scheduled. Invite me with /invite @ground-truth, then run ${command} again (in a direct message, use a channel instead).`,
  );
}

async function settledWithin(work: Promise<ScheduledFollowUps>, ms: number): Promise<ScheduledFollowUps | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every registry command, one listener: the manifest declares which commands Slack sends. */
export function registerSlashCommands(app: App, deps: SlackListenerDeps): void {
  app.command(/.*/, async ({ command, ack, client }) => handleSlashCommand(deps, { command, ack, client }));
}
