export { renderSlackMessage, SLACK_SHARE_ACTION_ID, SLACK_SHARE_LABEL, type SlackMessage } from "./renderSlackBlocks.js";
export {
  renderDiscordMessage,
  DISCORD_EPHEMERAL_FLAG,
  DISCORD_SHARE_LABEL,
  type DiscordMessage,
} from "./renderDiscordMessage.js";
export { renderText, type RenderTextOptions } from "./renderText.js";
export {
  breakBroadcastMentions,
  escapeDiscordMarkdown,
  escapeSlackMrkdwn,
  mentionableIds,
  neutralizeForDiscord,
  neutralizeForDiscordPlain,
  neutralizeForSlack,
  neutralizeForTerminal,
  stripControlCharacters,
} from "./neutralizeMentions.js";
export { ELLIPSIS, joinWhileFits, truncate, truncateRendered } from "./truncate.js";
export * from "./slackLimits.js";
export * from "./discordLimits.js";
