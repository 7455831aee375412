/**
 * A Discord message (one embed plus button rows) for a Reply. Pings are controlled twice: all text is
 * neutralised, and `allowed_mentions.parse` is always empty with `users` listing exactly the reply's
 * addressees, so even a token that slipped through could not notify anyone else. Every message limit is
 * enforced by construction: parts other than quotes get capped shares of the 6,000-character embed total, then
 * quotes fill the description, whole and in order, and a closing line says how many did not fit.
 */

import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { memoizeForFrozen } from "../../reply/freeze.js";
import type { Reply, ReplyAction, ReplyQuote } from "../../reply/types.js";
import { markAnswering } from "../../render/markAnswering.js";
import { chooseActions } from "../../render/chooseActions.js";
import { citationHasWarning, describeCitation, describeOrigin } from "../../render/describeProvenance.js";
import {
  describeOmittedFields,
  describeOmittedQuotes,
  describeOmittedReferences,
  findMoreAction,
} from "../../render/describeOmission.js";
import {
  DISCORD_ACTION_ROWS_MAX,
  DISCORD_ALLOWED_USERS_MAX,
  DISCORD_BUTTONS_PER_ROW_MAX,
  DISCORD_BUTTON_LABEL_MAX,
  DISCORD_CONTENT_MAX,
  DISCORD_CUSTOM_ID_MAX,
  DISCORD_EMBEDS_TOTAL_MAX,
  DISCORD_EMBED_DESCRIPTION_MAX,
  DISCORD_EMBED_FIELDS_MAX,
  DISCORD_EMBED_TITLE_MAX,
  DISCORD_FIELDS_BUDGET,
  DISCORD_FIELDS_BUDGET_WITHOUT_QUOTES,
  DISCORD_FIELD_NAME_MAX,
  DISCORD_FIELD_VALUE_MAX,
  DISCORD_FOOTER_BUDGET,
  DISCORD_FOOTER_MAX,
  DISCORD_LEAD_TEXT_BUDGET,
  DISCORD_REFERENCES_BUDGET,
} from "./limits.js";
import { mentionableIds, neutralizeForDiscord, neutralizeForDiscordPlain, restoreAddressees } from "../../render/neutralizeMentions.js";
import { joinWhileFits, truncateRendered } from "../../render/truncate.js";

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: []; users?: string[] };
  flags?: number;
}

/** MessageFlags.Ephemeral: only the invoking user sees the reply. */
export const DISCORD_EPHEMERAL_FLAG = 64;
export const DISCORD_SHARE_LABEL = "Share in channel";

// Enum members written as their API values: the enums live in discord-api-types, imported here for types only.
const ACTION_ROW: ComponentType.ActionRow = 1;
const BUTTON: ComponentType.Button = 2;
const PRIMARY: ButtonStyle.Primary = 1;
const SECONDARY: ButtonStyle.Secondary = 2;

/** Room kept for the omission line, so announcing dropped quotes can never itself break a limit. */
const OMISSION_NOTE_RESERVE = 300;
/** A quote cut shorter than this says too little to be worth showing on its own. */
const MIN_USEFUL_QUOTE = 200;
/** Provenance lines under one quote; a passage citing dozens of sources should not starve the others. */
const PROVENANCE_MAX = 1_000;
const PARAGRAPH = "\n\n";

/** A frozen reply (from the reply cache) is rendered once; its message is kept with it, frozen. */
export const renderDiscordMessage: (reply: Reply) => DiscordMessage = memoizeForFrozen(buildDiscordMessage);

function buildDiscordMessage(reply: Reply): DiscordMessage {
  const isPublic = reply.visibility === "public";
  const users = isPublic ? fitMentions(mentionableIds(reply.mentions)) : [];

  const title = truncateRendered(reply.title, DISCORD_EMBED_TITLE_MAX, neutralizeForDiscordPlain);
  const footer = reply.footer
    ? truncateRendered(reply.footer, Math.min(DISCORD_FOOTER_BUDGET, DISCORD_FOOTER_MAX), neutralizeForDiscordPlain)
    : "";
  const references = renderReferences(reply.references ?? []);
  const fields = renderFields(reply, references.length, users);
  const allFields = [...fields.fields, ...references];

  const fixed =
    title.length + footer.length + allFields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const descriptionMax = Math.min(DISCORD_EMBED_DESCRIPTION_MAX, DISCORD_EMBEDS_TOTAL_MAX - fixed);

  const lead = truncateRendered(
    reply.text ?? "",
    Math.min(DISCORD_LEAD_TEXT_BUDGET, descriptionMax - OMISSION_NOTE_RESERVE),
    neutralizeForDiscord,
  );
  const leadParts = lead.trim() ? [lead] : [];
  // Omitted fields need the omission line even when every quote fits, so its room is taken up front.
  const reserved = fields.omitted > 0 ? OMISSION_NOTE_RESERVE + PARAGRAPH.length : 0;
  const quoteRoom = descriptionMax - joinedLength(leadParts) - reserved;
  const quotes = fitQuotes(reply.quotes, quoteRoom, leadParts.length > 0);
  const buttons = renderButtons(reply, quotes.length);
  const more = findMoreAction(reply.actions ?? []);
  const moreShown = more !== undefined && buttons.some((button) => button.custom_id === more.value);

  const omissions: string[] = [];
  if (quotes.length < reply.quotes.length) {
    omissions.push(describeOmittedQuotes(quotes.length, reply.quotes.length, moreShown ? more?.label : undefined));
  }
  if (fields.omitted > 0) omissions.push(describeOmittedFields(fields.omitted));
  const note = omissions.length
    ? truncateRendered(omissions.join("\n"), OMISSION_NOTE_RESERVE, (text) => `*${neutralizeForDiscord(text)}*`)
    : "";

  const description = [...leadParts, ...quotes, ...(note ? [note] : [])].join(PARAGRAPH);
  const embed: APIEmbed = {};
  if (title.trim()) embed.title = title;
  // Discord refuses an embed with nothing in it.
  if (description.trim() || (!embed.title && allFields.length === 0)) embed.description = description.trim() || "—";
  if (allFields.length > 0) embed.fields = allFields;
  if (footer.trim()) embed.footer = { text: footer };

  const message: DiscordMessage = {
    embeds: [embed],
    components: toRows(buttons),
    allowed_mentions: users.length > 0 ? { parse: [], users } : { parse: [] },
  };
  if (users.length > 0) message.content = users.map((id) => `<@${id}>`).join(" ");
  if (!isPublic) message.flags = DISCORD_EPHEMERAL_FLAG;
  return message;
}

/** The addressees whose `<@id>` tokens fit in the message content and in `allowed_mentions.users`. */
function fitMentions(ids: readonly string[]): string[] {
  const users: string[] = [];
  let length = 0;
  for (const id of ids.slice(0, DISCORD_ALLOWED_USERS_MAX)) {
    const token = (users.length > 0 ? 1 : 0) + id.length + 3;
    if (length + token > DISCORD_CONTENT_MAX) break;
    users.push(id);
    length += token;
  }
  return users;
}

/**
 * Rendered quotes, whole and in order, while they fit in `room` (keeping space for the omission line while more
 * remain). The first quote is cut to the room rather than dropped, so one long passage cannot leave the reply
 * without any.
 */
function fitQuotes(quotes: readonly ReplyQuote[], room: number, afterLead: boolean): string[] {
  const shown: string[] = [];
  let left = room;
  for (const [index, quote] of quotes.entries()) {
    const separator = afterLead || shown.length > 0 ? PARAGRAPH.length : 0;
    const reserve = index === quotes.length - 1 ? 0 : OMISSION_NOTE_RESERVE + PARAGRAPH.length;
    let block = renderQuote(quote, DISCORD_EMBED_DESCRIPTION_MAX);
    if (separator + block.length + reserve > left) {
      const cutRoom = left - separator - reserve;
      if (shown.length > 0 || cutRoom < MIN_USEFUL_QUOTE) break;
      block = renderQuote(quote, cutRoom);
      if (block === "") break;
    }
    shown.push(block);
    left -= separator + block.length;
  }
  return shown;
}

/** `> ` lines of the passage, then `— *section · document*` and one line per citation, within `max`. */
function renderQuote(quote: ReplyQuote, max: number): string {
  const origin = describeOrigin(quote);
  const lines = [
    ...(origin ? [`— *${neutralizeForDiscord(origin)}*`] : []),
    ...quote.citations.map(
      (citation) => (citationHasWarning(citation) ? "⚠️ " : "") + neutralizeForDiscord(describeCitation(citation)),
    ),
  ];
  const provenance = joinWhileFits(
    lines,
    Math.min(PROVENANCE_MAX, Math.floor(max / 2)),
    "\n",
    (line) => line,
    (n) => `+${n} more`,
  ).text;
  const label = quote.label ? `**${truncateRendered(quote.label, 150, neutralizeForDiscord)}**\n` : "";
  const asBlockquote = (text: string) =>
    label +
    markAnswering(quote, text, neutralizeForDiscord, (sentence) => `**${sentence}**`)
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
  const body = truncateRendered(quote.text, max - (provenance ? provenance.length + 1 : 0), asBlockquote);
  if (body === "") return "";
  return provenance ? `${body}\n${provenance}` : body;
}

function renderReferences(references: readonly string[]): APIEmbedField[] {
  if (references.length === 0) return [];
  const { text } = joinWhileFits(
    references,
    Math.min(DISCORD_REFERENCES_BUDGET, DISCORD_FIELD_VALUE_MAX),
    "\n",
    (reference) => `• ${neutralizeForDiscord(reference)}`,
    (n) => `*${describeOmittedReferences(n)}*`,
  );
  return text ? [{ name: "References", value: text }] : [];
}

/**
 * The reply's fields, sharing the fields budget equally so one long field cannot crowd out the others (a reply
 * without quotes gives them most of the quotes' room), within
 * the 25-field limit less the slots other fields need. Fields beyond that are counted for the omission line.
 */
function renderFields(reply: Reply, slotsTaken: number, addressees: readonly string[]): { fields: APIEmbedField[]; omitted: number } {
  const all = reply.fields ?? [];
  // Mentions in an embed never ping; an addressee's shows as their name (the /teams lists).
  const neutralize = (text: string) => restoreAddressees(neutralizeForDiscord(text), addressees, neutralizeForDiscord);
  if (all.length === 0) return { fields: [], omitted: 0 };
  const count = Math.min(all.length, DISCORD_EMBED_FIELDS_MAX - slotsTaken);
  const budget = reply.quotes.length > 0 ? DISCORD_FIELDS_BUDGET : DISCORD_FIELDS_BUDGET_WITHOUT_QUOTES;
  const share = Math.floor(budget / count);
  const fields = all.slice(0, count).map((field) => {
    const nameMax = Math.min(DISCORD_FIELD_NAME_MAX, Math.floor(share / 3));
    const name = truncateRendered(field.label, nameMax, neutralizeForDiscord) || "\u200b";
    const valueMax = Math.min(DISCORD_FIELD_VALUE_MAX, share - name.length);
    // Discord refuses empty field names and values.
    const value = truncateRendered(field.value, valueMax, neutralize) || "—";
    return { name, value };
  });
  return { fields, omitted: all.length - count };
}

/**
 * Buttons for the reply's actions (those of quotes shown), plus "Share in channel" on a private reply that can
 * be shared. A button Discord would refuse (empty label, custom_id empty, over 100 characters or repeated) is dropped rather than
 * failing the whole message; when there are too many, the share and More buttons keep their slots.
 */
function renderButtons(reply: Reply, shownQuotes: number): APIButtonComponentWithCustomId[] {
  const capacity = DISCORD_ACTION_ROWS_MAX * DISCORD_BUTTONS_PER_ROW_MAX;
  const seen = new Set<string>();
  const accept = (customId: string | undefined): customId is string => {
    if (!customId || customId.length > DISCORD_CUSTOM_ID_MAX || seen.has(customId)) return false;
    seen.add(customId);
    return true;
  };
  const share =
    reply.visibility === "private" && accept(reply.share)
      ? [renderButton({ label: DISCORD_SHARE_LABEL, value: reply.share })]
      : [];
  const valid = (reply.actions ?? []).flatMap((action) => {
    if (action.quote !== undefined && action.quote >= shownQuotes) return [];
    const button = renderButton(action);
    return button.label && accept(action.value) ? [{ ...action, button }] : [];
  });
  const chosen = chooseActions(valid, capacity - share.length);
  return [...chosen.map((action) => action.button), ...share];
}

function renderButton(action: ReplyAction): APIButtonComponentWithCustomId {
  return {
    type: BUTTON,
    style: action.style === "primary" ? PRIMARY : SECONDARY,
    label: truncateRendered(action.label, DISCORD_BUTTON_LABEL_MAX, neutralizeForDiscordPlain).trim(),
    custom_id: action.value,
  };
}

function toRows(buttons: readonly APIButtonComponentWithCustomId[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_ACTION_ROWS_MAX; i += DISCORD_BUTTONS_PER_ROW_MAX) {
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + DISCORD_BUTTONS_PER_ROW_MAX) });
  }
  return rows;
}

function joinedLength(parts: readonly string[]): number {
  return parts.reduce((sum, part, index) => sum + part.length + (index > 0 ? PARAGRAPH.length : 0), 0);
}
