/**
 * Discord message limits. The API refuses the whole message when any one is exceeded, so the renderer treats
 * every number here as a hard ceiling. Source: Discord's API reference (Message resource: embed limits, message
 * components), https://discord.com/developers/docs/resources/message#embed-object-embed-limits.
 */

export const DISCORD_CONTENT_MAX = 2_000;
export const DISCORD_EMBED_TITLE_MAX = 256;
export const DISCORD_EMBED_DESCRIPTION_MAX = 4_096;
export const DISCORD_EMBED_FIELDS_MAX = 25;
export const DISCORD_FIELD_NAME_MAX = 256;
export const DISCORD_FIELD_VALUE_MAX = 1_024;
export const DISCORD_FOOTER_MAX = 2_048;
/** Title, description, field names and values, footer text and author name, summed over all embeds. */
export const DISCORD_EMBEDS_TOTAL_MAX = 6_000;
export const DISCORD_ACTION_ROWS_MAX = 5;
export const DISCORD_BUTTONS_PER_ROW_MAX = 5;
export const DISCORD_CUSTOM_ID_MAX = 100;
export const DISCORD_BUTTON_LABEL_MAX = 80;
/** An interaction token accepts follow-ups and edits for 15 minutes after the interaction. */
export const DISCORD_INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;
/** The last follow-up is sent this long before the token expires, so it lands while the token still works. */
export const DISCORD_FOLLOW_UP_WINDOW_MS = DISCORD_INTERACTION_TOKEN_LIFETIME_MS - 15_000;
/** `allowed_mentions.users` accepts at most 100 ids. */
export const DISCORD_ALLOWED_USERS_MAX = 100;

/*
 * Shares of the 6,000-character embed total for everything that is not a quote, so the quotes in the
 * description keep most of the room.
 */
export const DISCORD_LEAD_TEXT_BUDGET = 1_500;
export const DISCORD_REFERENCES_BUDGET = 1_000;
export const DISCORD_FIELDS_BUDGET = 1_200;
/**
 * A reply without quotes (the command list, /docs) gives its fields most of the quotes' room, leaving the
 * lead, references, title and footer theirs within the 6,000 total.
 */
export const DISCORD_FIELDS_BUDGET_WITHOUT_QUOTES = 3_500;
export const DISCORD_FOOTER_BUDGET = 500;
