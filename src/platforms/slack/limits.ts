/**
 * Slack Block Kit limits. Slack rejects the whole message (`invalid_blocks`, `msg_blocks_too_long`) when any
 * one of them is exceeded, so the renderer treats every number here as a hard ceiling, never a target.
 * Source: Slack's Block Kit reference (blocks, block elements, composition objects),
 * https://docs.slack.dev/reference/block-kit/blocks.
 */

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_SECTION_TEXT_MAX = 3_000;
/** Context elements are text objects, which share the section's 3,000 ceiling. */
export const SLACK_CONTEXT_TEXT_MAX = 3_000;
export const SLACK_HEADER_TEXT_MAX = 150;
export const SLACK_BUTTON_TEXT_MAX = 75;
export const SLACK_ACTION_ID_MAX = 255;
export const SLACK_BUTTON_VALUE_MAX = 2_000;
export const SLACK_ACTIONS_PER_BLOCK_MAX = 25;
export const SLACK_SECTION_FIELDS_MAX = 10;
export const SLACK_FIELD_TEXT_MAX = 2_000;

/**
 * Slack refuses long messages with `msg_blocks_too_long` far below 50 full blocks. The limit is undocumented:
 * reports put it near 13,000 characters, and one (slackapi/bolt-js#2867) was refused at 11,341 characters of
 * `text`, so the budget sits below that with room for block overhead.
 */
export const SLACK_MESSAGE_TEXT_BUDGET = 11_000;

/*
 * Shares of the budget for everything that is not a quote. Quotes are what the bot is for, so the other parts
 * are capped well below their platform limits to leave the quotes most of the room.
 */
export const SLACK_LEAD_TEXT_BUDGET = 2_000;
export const SLACK_REFERENCES_BUDGET = 1_500;
export const SLACK_FIELDS_BUDGET = 1_500;
/** A reply without quotes (the command list, /docs) gives its fields the quotes' room. */
export const SLACK_FIELDS_BUDGET_WITHOUT_QUOTES = 4_500;
/** Sections of (at most 10) fields: /help's commands and more, without crowding out the rest of the message. */
export const SLACK_FIELD_SECTIONS_MAX = 3;
export const SLACK_FOOTER_BUDGET = 500;
