/**
 * What every platform's renderer shares: the wording of provenance and omissions, mention neutralising,
 * truncation that never cuts a citation in half, and which buttons keep their slots. Each platform's own
 * renderer and limits live with the platform (src/platforms/<name>/render.ts, limits.ts).
 */
export { chooseActions } from "./chooseActions.js";
export { describeOmittedFields, describeOmittedQuotes, describeOmittedReferences, findMoreAction } from "./describeOmission.js";
export { citationHasWarning, citationSource, describeCitation, describeOrigin } from "./describeProvenance.js";
export { markAnswering } from "./markAnswering.js";
export {
  breakBroadcastMentions,
  escapeDiscordMarkdown,
  escapeSlackMrkdwn,
  mentionableIds,
  neutralizeForDiscord,
  neutralizeForDiscordPlain,
  neutralizeForSlack,
  neutralizeForTerminal,
  restoreAddressees,
  stripControlCharacters,
} from "./neutralizeMentions.js";
export { ELLIPSIS, joinWhileFits, truncate, truncateRendered } from "./truncate.js";
