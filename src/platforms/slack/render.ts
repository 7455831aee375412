/**
 * Slack Block Kit for a Reply. Every string that reaches Slack goes through `neutralizeForSlack`, so the only
 * live mentions are the `<@id>` tokens written here for `reply.mentions`. Every Block Kit limit is enforced by
 * construction: parts other than quotes get capped shares of the message budget, then quotes fill what is
 * left, whole and in order, and a context line says how many did not fit.
 */

import type { types } from "@slack/bolt";
import { memoizeForFrozen } from "../../reply/freeze.js";
import type { Reply, ReplyAction, ReplyQuote } from "../../reply/types.js";
import { chooseActions } from "../../render/chooseActions.js";
import { citationHasWarning, describeCitation, describeOrigin } from "../../render/describeProvenance.js";
import {
  describeOmittedFields,
  describeOmittedQuotes,
  describeOmittedReferences,
  findMoreAction,
} from "../../render/describeOmission.js";
import { mentionableIds, neutralizeForSlack, restoreAddressees } from "../../render/neutralizeMentions.js";
import {
  SLACK_ACTIONS_PER_BLOCK_MAX,
  SLACK_ACTION_ID_MAX,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_BUTTON_VALUE_MAX,
  SLACK_CONTEXT_TEXT_MAX,
  SLACK_FIELDS_BUDGET,
  SLACK_FIELDS_BUDGET_WITHOUT_QUOTES,
  SLACK_FIELD_SECTIONS_MAX,
  SLACK_FIELD_TEXT_MAX,
  SLACK_FOOTER_BUDGET,
  SLACK_HEADER_TEXT_MAX,
  SLACK_LEAD_TEXT_BUDGET,
  SLACK_MAX_BLOCKS,
  SLACK_MESSAGE_TEXT_BUDGET,
  SLACK_REFERENCES_BUDGET,
  SLACK_SECTION_FIELDS_MAX,
  SLACK_SECTION_TEXT_MAX,
} from "./limits.js";
import { markAnswering } from "../../render/markAnswering.js";
import { joinWhileFits, truncateRendered } from "../../render/truncate.js";

type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  /** Notification and screen-reader fallback. */
  text: string;
  blocks: KnownBlock[];
  response_type: "ephemeral" | "in_channel";
}

export const SLACK_SHARE_ACTION_ID = "gt_share";
export const SLACK_SHARE_LABEL = "Share in channel";

/** Room kept for the omission line, so announcing dropped quotes can never itself break the budget. */
const OMISSION_NOTE_RESERVE = 400;
/** Room for the `<@id>` tokens at the start of the lead section, far more than any real addressee list. */
const MENTIONS_MAX = 1_000;
/** A quote cut shorter than this says too little to be worth showing on its own. */
const MIN_USEFUL_QUOTE = 200;

// `verbatim` stops Slack from auto-linking channel names and parsing `@here`-style words in escaped text.
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text });
const section = (text: string): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: "context", elements: [mrkdwn(text)] });

/** A frozen reply (from the reply cache) is rendered once; its message is kept with it, frozen. */
export const renderSlackMessage: (reply: Reply) => SlackMessage = memoizeForFrozen(buildSlackMessage);

function buildSlackMessage(reply: Reply): SlackMessage {
  const isPublic = reply.visibility === "public";
  const addressees = isPublic ? mentionableIds(reply.mentions) : [];
  const mentions = joinWhileFits(addressees, MENTIONS_MAX, " ", (id) => `<@${id}>`, () => "").text;
  const withMentions = (text: string) => [mentions, text].filter((part) => part !== "").join(" ");

  const title = truncateRendered(reply.title, SLACK_HEADER_TEXT_MAX, neutralizeForSlack);
  const header: KnownBlock[] = title.trim() ? [{ type: "header", text: plain(title) }] : [];

  const leadRoom = Math.min(SLACK_LEAD_TEXT_BUDGET, SLACK_SECTION_TEXT_MAX - mentions.length - 1);
  const lead = withMentions(truncateRendered(reply.text ?? "", leadRoom, neutralizeForSlack));
  const leadBlocks: KnownBlock[] = lead.trim() ? [section(lead)] : [];

  let buttons = renderButtons(reply, reply.quotes.length);
  const actionsBlock = (elements: types.Button[]): KnownBlock[] => (elements.length > 0 ? [{ type: "actions", elements }] : []);
  let actionBlocks = actionsBlock(buttons);
  const more = findMoreAction(reply.actions ?? []);
  const moreShown = more !== undefined && buttons.some((button) => button.value === more.value);

  const references = renderReferences(reply.references ?? []);
  const fields = renderFields(reply, addressees);
  const footer = reply.footer
    ? truncateRendered(reply.footer, Math.min(SLACK_FOOTER_BUDGET, SLACK_CONTEXT_TEXT_MAX), neutralizeForSlack)
    : "";
  const footerBlocks: KnownBlock[] = footer.trim() ? [context(footer)] : [];

  const fixed = [...header, ...leadBlocks, ...references, ...fields.blocks, ...footerBlocks, ...actionBlocks];
  // Omitted fields need the omission line even when every quote fits, so its room is taken up front.
  const reserved = fields.omitted > 0 ? { text: OMISSION_NOTE_RESERVE, blocks: 1 } : { text: 0, blocks: 0 };
  const quotes = fitQuotes(reply.quotes, textLength(fixed) + reserved.text, fixed.length + reserved.blocks);
  if (quotes.length < reply.quotes.length) {
    // The buttons of quotes that did not fit go too; fewer buttons only leave more room.
    buttons = renderButtons(reply, quotes.length);
    actionBlocks = actionsBlock(buttons);
  }

  const omissions: string[] = [];
  if (quotes.length < reply.quotes.length) {
    const label = moreShown && more ? more.label : undefined;
    omissions.push(describeOmittedQuotes(quotes.length, reply.quotes.length, label));
  }
  if (fields.omitted > 0) omissions.push(describeOmittedFields(fields.omitted));
  const omissionBlocks: KnownBlock[] =
    omissions.length > 0
      ? [context(truncateRendered(omissions.join("\n"), OMISSION_NOTE_RESERVE, neutralizeForSlack))]
      : [];

  const fallback = withMentions(title.trim() ? title : truncateRendered(reply.text ?? "", 150, neutralizeForSlack));
  return {
    text: fallback,
    blocks: [
      ...header,
      ...leadBlocks,
      ...quotes.flat(),
      ...omissionBlocks,
      ...references,
      ...fields.blocks,
      ...footerBlocks,
      ...actionBlocks,
    ],
    response_type: isPublic ? "in_channel" : "ephemeral",
  };
}

/**
 * Whole quotes, in order, while they fit the text budget and the block limit left by the other parts. The
 * first quote is cut to the remaining room rather than dropped, so a reply never shows no passage because one
 * passage is long.
 */
function fitQuotes(quotes: readonly ReplyQuote[], fixedText: number, fixedBlocks: number): KnownBlock[][] {
  const shown: KnownBlock[][] = [];
  let usedText = fixedText;
  let usedBlocks = fixedBlocks;
  for (const [index, quote] of quotes.entries()) {
    const isLast = index === quotes.length - 1;
    const textRoom = SLACK_MESSAGE_TEXT_BUDGET - usedText - (isLast ? 0 : OMISSION_NOTE_RESERVE);
    const blockRoom = SLACK_MAX_BLOCKS - usedBlocks - (isLast ? 0 : 1);
    let blocks = renderQuote(quote, SLACK_SECTION_TEXT_MAX);
    if (blocks.length > blockRoom) break;
    if (textLength(blocks) > textRoom) {
      if (shown.length > 0) break;
      const contextText = textLength(blocks.slice(1));
      const quoteRoom = Math.min(SLACK_SECTION_TEXT_MAX, textRoom - contextText);
      if (quoteRoom < MIN_USEFUL_QUOTE) break;
      blocks = renderQuote(quote, quoteRoom);
    }
    shown.push(blocks);
    usedText += textLength(blocks);
    usedBlocks += blocks.length;
  }
  return shown;
}

/** Slack bold; text that holds mrkdwn's own markers is left plain rather than risk garbling it. */
const slackBold = (text: string) => (/[*_~`]/.test(text) ? text : `*${text}*`);

/** A section with the passage as a blockquote, then a context block with where it is from and what it cites. */
function renderQuote(quote: ReplyQuote, max: number): KnownBlock[] {
  const label = quote.label ? `*${truncateRendered(quote.label, 150, neutralizeForSlack)}*\n` : "";
  const asBlockquote = (text: string) =>
    label +
    markAnswering(quote, text, neutralizeForSlack, slackBold)
      .split("\n")
      .map((line) => `>${line}`)
      .join("\n");
  const body = truncateRendered(quote.text, max, asBlockquote);

  const origin = describeOrigin(quote);
  const lines = [
    ...(origin ? [`_${neutralizeForSlack(origin)}_`] : []),
    ...quote.citations.map(
      (citation) => (citationHasWarning(citation) ? ":warning: " : "") + neutralizeForSlack(describeCitation(citation)),
    ),
  ];
  const provenance = joinWhileFits(lines, SLACK_CONTEXT_TEXT_MAX, "\n", (line) => line, (n) => `+${n} more`).text;
  return provenance ? [section(body), context(provenance)] : [section(body)];
}

function renderReferences(references: readonly string[]): KnownBlock[] {
  if (references.length === 0) return [];
  const heading = "*References*\n";
  const { text } = joinWhileFits(
    references,
    Math.min(SLACK_REFERENCES_BUDGET, SLACK_SECTION_TEXT_MAX) - heading.length,
    "\n",
    (reference) => `• ${neutralizeForSlack(reference)}`,
    (n) => `_${describeOmittedReferences(n)}_`,
  );
  return text ? [section(heading + text)] : [];
}

/**
 * Sections of at most 10 fields each, sharing the fields budget equally so one long field cannot crowd out the
 * others (a reply without quotes gives them the quotes' room). Fields beyond the last section are counted for
 * the omission line.
 */
function renderFields(reply: Reply, addressees: readonly string[]): { blocks: KnownBlock[]; omitted: number } {
  const all = reply.fields ?? [];
  // An addressee's mention shows as their name (the /teams lists); they are pinged by the lead already.
  const neutralize = (text: string) => restoreAddressees(neutralizeForSlack(text), addressees, neutralizeForSlack);
  if (all.length === 0) return { blocks: [], omitted: 0 };
  const count = Math.min(all.length, SLACK_SECTION_FIELDS_MAX * SLACK_FIELD_SECTIONS_MAX);
  const budget = reply.quotes.length > 0 ? SLACK_FIELDS_BUDGET : SLACK_FIELDS_BUDGET_WITHOUT_QUOTES;
  const share = Math.min(SLACK_FIELD_TEXT_MAX, Math.floor(budget / count));
  const fields = all.slice(0, count).map((field) => {
    const label = `*${truncateRendered(field.label, Math.floor(share / 3), neutralizeForSlack)}*\n`;
    const value = truncateRendered(field.value, share - label.length, neutralize);
    return mrkdwn(label + (value || " "));
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_SECTION_FIELDS_MAX) {
    blocks.push({ type: "section", fields: fields.slice(i, i + SLACK_SECTION_FIELDS_MAX) });
  }
  return { blocks, omitted: all.length - count };
}

/**
 * Buttons for the reply's actions (those of quotes shown), plus "Share in channel" on a private reply that can
 * be shared. A button Slack would refuse (empty label or value, value too long) is dropped rather than failing the whole message;
 * when there are too many, the share and More buttons keep their slots.
 */
function renderButtons(reply: Reply, shownQuotes: number): types.Button[] {
  const share: types.Button[] =
    reply.visibility === "private" && reply.share && reply.share.length <= SLACK_BUTTON_VALUE_MAX
      ? [{ type: "button", text: plain(SLACK_SHARE_LABEL), action_id: SLACK_SHARE_ACTION_ID, value: reply.share }]
      : [];
  const valid = (reply.actions ?? []).flatMap((action, index) => {
    if (action.quote !== undefined && action.quote >= shownQuotes) return [];
    const button = renderButton(action, `gt_action_${index}`);
    return button ? [{ ...action, button }] : [];
  });
  const chosen = chooseActions(valid, SLACK_ACTIONS_PER_BLOCK_MAX - share.length);
  return [...chosen.map((action) => action.button), ...share];
}

function renderButton(action: ReplyAction, actionId: string): types.Button | null {
  const label = truncateRendered(action.label, SLACK_BUTTON_TEXT_MAX, neutralizeForSlack);
  if (!label.trim() || !action.value || action.value.length > SLACK_BUTTON_VALUE_MAX) return null;
  if (actionId.length > SLACK_ACTION_ID_MAX) return null;
  return {
    type: "button",
    text: plain(label),
    action_id: actionId,
    value: action.value,
    ...(action.style === "primary" ? { style: "primary" as const } : {}),
  };
}

/** Characters of displayed text in blocks: what Slack's undocumented `msg_blocks_too_long` check counts. */
export function textLength(blocks: readonly unknown[]): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text" && typeof value === "string") total += value.length;
        else visit(value);
      }
    }
  };
  visit(blocks);
  return total;
}
