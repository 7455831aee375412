import type { AckFn, App, RespondArguments, SlashCommand, webApi } from "@slack/bolt";
import { announceTimer } from "../keepReminders.js";
import { renderSlackMessage } from "../render.js";
import { postToResponseUrl } from "../postToResponseUrl.js";
import { toCommandRequest } from "../toCommandRequest.js";
import { slackChannel, slackUser } from "../slackAdmins.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

/**
 * How long a timer waits for its announcement to be posted before the command is acknowledged anyway: well
 * inside the 3 seconds Slack gives the acknowledgement.
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
 * A reply that promises later messages (a speaking timer) is different: its reminders are stored, then the
 * reply is posted to the channel with the bot token (announceTimer), which proves the bot may post there. Where
 * it may not, the asker is told at once how to fix it, privately, instead of the channel being promised reminders
 * that never come. If Slack is slow to say, the command is acknowledged with nothing and a refusal is told
 * afterwards through the response_url.
 */
export async function handleSlashCommand(deps: SlackListenerDeps, { command, ack, client }: SlashCommandArgs): Promise<void> {
  const receivedAt = Date.now();
  const request = toCommandRequest(command, (name) => deps.registry.get(name));
  const channel = slackChannel(command.team_id, command.channel_id);
  const reply = await deps.registry.run({ ...request, user: slackUser(deps.admins, client, request.user.id, request.user.name), ...(channel ? { channel } : {}) });
  if (!reply.followUps?.length) {
    await ack(renderSlackMessage(reply));
    return;
  }
  const announcing = announceTimer(deps, command.channel_id, command.command, reply, receivedAt);
  const early = await settledWithin(announcing, SCHEDULE_BEFORE_ACK_MS);
  if (early && !early.ok) {
    await ack(renderSlackMessage(early.notice));
    return;
  }
  // The bot posts the timer itself; the acknowledgement adds nothing to the channel.
  await ack();
  if (early) return;
  const late = await announcing;
  if (!late.ok) {
    await postToResponseUrl(command.response_url, { text: `${late.notice.title}. ${late.notice.text}`, response_type: "ephemeral" }, deps.logger, deps.responseUrl);
  }
}

async function settledWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
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
