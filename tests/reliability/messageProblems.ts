/**
 * Everything that would make Slack or Discord refuse a rendered message, or make it ping, restyle or hide
 * itself, as a list of readable problems (empty when the message is fine). The numbers are the platforms'
 * own documented limits, written out here rather than imported from each platform's limits.ts, so a
 * wrong constant there cannot hide itself.
 */
import type { SlackMessage } from "../../src/platforms/slack/render.js";
import type { DiscordMessage } from "../../src/platforms/discord/render.js";

/** C0 and C1 control characters other than newline: a raw one in chat text is garbage or a terminal attack. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** Direction overrides and isolates: they can make a quote read differently from what it says. */
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
/** Half a surrogate pair: it has no UTF-8 form, so it cannot reach a platform intact. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Slack's undocumented `msg_blocks_too_long` sits near 13,000 characters of text; stay clearly below it. */
export const SLACK_TEXT_CEILING = 12_000;
/** Serialised size: nothing a chat reply needs comes near this. */
export const MESSAGE_JSON_CEILING = 48_000;

function describe(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** Problems every output string can have, whatever the platform. */
export function textProblems(where: string, text: string): string[] {
  const problems: string[] = [];
  if (CONTROL.test(text)) problems.push(`${where}: raw control character in ${describe(text)}`);
  if (BIDI_OVERRIDE.test(text)) problems.push(`${where}: direction override in ${describe(text)}`);
  if (LONE_SURROGATE.test(text)) problems.push(`${where}: lone surrogate in ${describe(text)}`);
  return problems;
}

function tooLong(where: string, text: string | undefined, max: number): string[] {
  return text !== undefined && text.length > max ? [`${where}: ${text.length} characters, limit ${max}`] : [];
}

/** Every string in a JSON-like value, with the path it sits at. */
export function stringsIn(value: unknown, path = "$"): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

interface SlackText {
  type: string;
  text: string;
}
interface SlackElement {
  type: string;
  text?: SlackText;
  action_id?: string;
  value?: string;
}
interface SlackBlock {
  type: string;
  text?: SlackText;
  fields?: SlackText[];
  elements?: SlackElement[] | SlackText[];
}

export function slackMessageProblems(message: SlackMessage, allowedMentions: readonly string[]): string[] {
  const problems: string[] = [];
  const blocks = message.blocks as unknown as SlackBlock[];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks, limit 50`);
  if (!message.text.trim() && blocks.length === 0) problems.push("empty message");
  const actionIds = new Set<string>();
  let displayed = 0;

  blocks.forEach((block, index) => {
    const at = `blocks[${index}] (${block.type})`;
    if (block.type === "header") {
      problems.push(...tooLong(at, block.text?.text, 150));
      if (!block.text?.text.trim()) problems.push(`${at}: empty header`);
    }
    if (block.type === "section") {
      if (!block.text && !block.fields?.length) problems.push(`${at}: neither text nor fields`);
      if (block.text && !block.text.text.trim()) problems.push(`${at}: empty text`);
      problems.push(...tooLong(at, block.text?.text, 3_000));
      if ((block.fields?.length ?? 0) > 10) problems.push(`${at}: ${block.fields!.length} fields, limit 10`);
      for (const field of block.fields ?? []) {
        problems.push(...tooLong(`${at} field`, field.text, 2_000));
        if (!field.text.trim()) problems.push(`${at}: empty field`);
      }
    }
    if (block.type === "context") {
      for (const element of (block.elements ?? []) as SlackText[]) problems.push(...tooLong(`${at} element`, element.text, 3_000));
      if ((block.elements?.length ?? 0) > 10) problems.push(`${at}: more than 10 elements`);
    }
    if (block.type === "actions") {
      const elements = (block.elements ?? []) as SlackElement[];
      if (elements.length === 0 || elements.length > 25) problems.push(`${at}: ${elements.length} elements, allowed 1-25`);
      for (const button of elements) {
        problems.push(...tooLong(`${at} button text`, button.text?.text, 75));
        if (!button.text?.text.trim()) problems.push(`${at}: button without text`);
        problems.push(...tooLong(`${at} button value`, button.value, 2_000));
        problems.push(...tooLong(`${at} action_id`, button.action_id, 255));
        if (!button.action_id) problems.push(`${at}: button without action_id`);
        else if (actionIds.has(button.action_id)) problems.push(`${at}: repeated action_id ${button.action_id}`);
        else actionIds.add(button.action_id);
      }
    }
  });

  const allowed = new Set(allowedMentions.map((id) => `<@${id}>`));
  for (const [path, text] of stringsIn(message)) {
    problems.push(...textProblems(path, text));
    if (!path.endsWith(".text")) continue;
    displayed += text.length;
    // Slack parses `<…>` tokens in every text field; the only ones allowed are the reply's own addressees.
    const rest = text.replace(/<@[A-Za-z0-9]+>/g, (token) => (allowed.has(token) ? "" : token));
    if (/<[!@#]/.test(rest)) problems.push(`${path}: live Slack mention or broadcast in ${describe(text)}`);
    if (/<(?:https?|mailto):/i.test(rest)) problems.push(`${path}: live Slack link in ${describe(text)}`);
    if (/(^|[^\w\u200b])@(everyone|here|channel)\b/i.test(rest)) problems.push(`${path}: unbroken broadcast word in ${describe(text)}`);
  }
  if (displayed > SLACK_TEXT_CEILING * 2) problems.push(`${displayed} characters of text in all (fallback included)`);
  const blockText = stringsIn(blocks).filter(([path]) => path.endsWith(".text")).reduce((sum, [, text]) => sum + text.length, 0);
  if (blockText > SLACK_TEXT_CEILING) problems.push(`${blockText} characters of block text, ceiling ${SLACK_TEXT_CEILING}`);
  const size = JSON.stringify(message).length;
  if (size > MESSAGE_JSON_CEILING) problems.push(`${size} bytes of JSON`);
  return problems;
}

/** The strings Discord renders (and so could parse mentions in): content, embed text and button labels. */
function discordDisplayedStrings(message: DiscordMessage): Array<[string, string]> {
  const shown: Array<[string, string]> = [];
  if (message.content !== undefined) shown.push(["content", message.content]);
  message.embeds.forEach((embed, index) => {
    for (const [path, text] of stringsIn(embed, `embeds[${index}]`)) shown.push([path, text]);
  });
  message.components.forEach((row, r) =>
    row.components.forEach((button, b) => {
      if ("label" in button && button.label !== undefined) shown.push([`components[${r}][${b}].label`, button.label]);
    }),
  );
  return shown;
}

export function discordMessageProblems(message: DiscordMessage, allowedMentions: readonly string[]): string[] {
  const problems: string[] = [];
  problems.push(...tooLong("content", message.content, 2_000));
  if (message.embeds.length > 10) problems.push(`${message.embeds.length} embeds, limit 10`);
  let total = 0;
  message.embeds.forEach((embed, index) => {
    const at = `embeds[${index}]`;
    problems.push(...tooLong(`${at}.title`, embed.title, 256));
    problems.push(...tooLong(`${at}.description`, embed.description, 4_096));
    problems.push(...tooLong(`${at}.footer`, embed.footer?.text, 2_048));
    problems.push(...tooLong(`${at}.author`, embed.author?.name, 256));
    if (embed.description !== undefined && !embed.description.trim()) problems.push(`${at}: empty description`);
    if (!embed.title && !embed.description && !embed.fields?.length) problems.push(`${at}: empty embed`);
    if ((embed.fields?.length ?? 0) > 25) problems.push(`${at}: ${embed.fields!.length} fields, limit 25`);
    for (const field of embed.fields ?? []) {
      problems.push(...tooLong(`${at} field name`, field.name, 256));
      problems.push(...tooLong(`${at} field value`, field.value, 1_024));
      if (!field.name.trim() || !field.value.trim()) problems.push(`${at}: empty field name or value`);
    }
    total += (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length;
    total += (embed.author?.name ?? "").length;
    total += (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  });
  if (total > 6_000) problems.push(`${total} characters across embeds, limit 6,000`);

  if (message.components.length > 5) problems.push(`${message.components.length} action rows, limit 5`);
  const customIds = new Set<string>();
  message.components.forEach((row, r) => {
    if (row.components.length === 0 || row.components.length > 5) problems.push(`row ${r}: ${row.components.length} buttons, allowed 1-5`);
    for (const button of row.components) {
      if (!("custom_id" in button)) continue;
      problems.push(...tooLong(`row ${r} custom_id`, button.custom_id, 100));
      problems.push(...tooLong(`row ${r} label`, button.label, 80));
      if (!button.custom_id) problems.push(`row ${r}: empty custom_id`);
      else if (customIds.has(button.custom_id)) problems.push(`row ${r}: repeated custom_id`);
      else customIds.add(button.custom_id);
      if (!button.label?.trim()) problems.push(`row ${r}: button without label`);
    }
  });

  const parse = message.allowed_mentions?.parse as unknown;
  if (!Array.isArray(parse) || parse.length !== 0) problems.push(`allowed_mentions.parse is ${JSON.stringify(parse)}, not []`);
  const users = message.allowed_mentions?.users ?? [];
  for (const id of users) if (!allowedMentions.includes(id)) problems.push(`allowed_mentions.users has ${id}, not an addressee`);

  const allowed = new Set(users.map((id) => `<@${id}>`));
  for (const [path, text] of stringsIn(message)) problems.push(...textProblems(path, text));
  for (const [path, text] of discordDisplayedStrings(message)) {
    // The addressees' own mentions: pinged from the content, and shown as their names in the embed (where no
    // mention ever pings). Nobody else's may be live anywhere.
    const rest = path.startsWith("components") ? text : text.replace(/<@\d+>/g, (token) => (allowed.has(token) ? "" : token));
    if (/@(everyone|here)/i.test(rest)) problems.push(`${path}: unbroken @everyone/@here in ${describe(text)}`);
    if (/<@[!&]?\d|<#\d|<\/[^>]*:\d/.test(rest)) problems.push(`${path}: live Discord mention in ${describe(text)}`);
  }
  const size = JSON.stringify(message).length;
  if (size > MESSAGE_JSON_CEILING) problems.push(`${size} bytes of JSON`);
  return problems;
}

export function terminalTextProblems(text: string): string[] {
  const problems = textProblems("text", text);
  if (/<[@#!]/.test(text)) problems.push(`live mention syntax in terminal text ${describe(text)}`);
  if (/@(everyone|here|channel)/i.test(text)) problems.push(`unbroken broadcast word in terminal text ${describe(text)}`);
  return problems;
}
