import type { AckFn, App, RespondArguments, SlashCommand, webApi } from "@slack/bolt";
import { renderSlackMessage } from "../../../render/renderSlackBlocks.js";
import { scheduleFollowUps } from "../scheduleFollowUps.js";
import { toCommandRequest } from "../toCommandRequest.js";
import type { SlackListenerDeps } from "./listenerDeps.js";

export interface SlashCommandArgs {
  command: SlashCommand;
  ack: AckFn<string | RespondArguments>;
  client: webApi.WebClient;
}

/**
 * Answers a slash command in its acknowledgement: no outbound call, so the reply lands within Slack's three
 * seconds even when the Web API is unreachable. Ephemeral unless the reply says otherwise.
 */
export async function handleSlashCommand(deps: SlackListenerDeps, { command, ack, client }: SlashCommandArgs): Promise<void> {
  const reply = await deps.registry.run(toCommandRequest(command, (name) => deps.registry.get(name)));
  await ack(renderSlackMessage(reply));
  if (reply.followUps?.length) {
    await scheduleFollowUps(client, { channel: command.channel_id }, reply.followUps, deps.logger, deps.now);
  }
}

/** Every registry command, one listener: the manifest declares which commands Slack sends. */
export function registerSlashCommands(app: App, deps: SlackListenerDeps): void {
  app.command(/.*/, async ({ command, ack, client }) => handleSlashCommand(deps, { command, ack, client }));
}
