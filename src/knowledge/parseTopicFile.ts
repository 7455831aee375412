import type { DocumentTopics, KnowledgeDocument, Topic, TopicReason } from "./types.js";
import { locatePhrases } from "./findPhrases.js";

export const TOPIC_FILE_SUFFIX = ".topics.json";
/**
 * A name both platforms take: Discord allows 32 lower-case letters, digits, `-` and `_`; Slack allows 32
 * characters counting the slash, and refuses the whole manifest over one longer name. So 31.
 */
export const COMMAND_NAME_MAX = 31;
const COMMAND_NAME = new RegExp(`^[a-z0-9][-_a-z0-9]{0,${COMMAND_NAME_MAX - 1}}$`);
const MAX_DESCRIPTION = 100;

/**
 * Reads a document's topic file. A file that is not the expected shape throws, naming what is wrong and
 * where, so the maintainer can fix it; phrases that are not in the document come back as `warnings`
 * (the topic still works, with search alone finding its evidence).
 */
export function parseTopicFile(file: string, text: string, document: KnowledgeDocument): { topics: DocumentTopics; warnings: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`the topic file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data)) throw new Error('the topic file must be a JSON object with a "topics" array');
  const rawTopics = data.topics ?? [];
  if (!Array.isArray(rawTopics)) throw new Error('"topics" must be an array');
  if (data.motions !== undefined && !Array.isArray(data.motions)) throw new Error('"motions" must be an array');
  const topics = rawTopics.map((raw, i) => readTopic(raw, `topics[${i}]`));
  const aliases = data.aliases === undefined ? undefined : readAliases(data.aliases);
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.command)) throw new Error(`two topics use the command "${topic.command}"`);
    seen.add(topic.command);
  }
  const checks: Array<{ phrase: string; where: string }> = [];
  topics.forEach((topic) => {
    if (topic.answer) checks.push({ phrase: topic.answer.passage, where: `topic ${topic.command}, answer` });
    topic.reasons.forEach((reason, r) => reason.evidence?.forEach((phrase) => checks.push({ phrase, where: `topic ${topic.command}, reason ${r + 1}` })));
  });
  const aliasNames = aliases ? Object.keys(aliases) : [];
  // One pass over the document for every phrase at once (and remembered for the topic commands).
  const located = locatePhrases(document, [...checks.map((check) => check.phrase), ...aliasNames]);
  const warnings = checks
    .filter(({ phrase }) => located.get(phrase) === undefined)
    .map(({ phrase, where }) => `${where}: the phrase "${phrase}" is not in ${document.file} word for word, so its passage is found by search`);
  for (const name of aliasNames) {
    if (located.get(name) === undefined) warnings.push(`aliases: "${name}" is not in ${document.file}, so its aliases find nothing`);
  }
  return {
    topics: { file, topics, ...(Array.isArray(data.motions) ? { motions: data.motions } : {}), ...(aliases ? { aliases } : {}) },
    warnings,
  };
}

const MAX_ALIAS_LENGTH = 100;

/** `"aliases": {"Mumbai": ["Bombay"]}`: each of the document's names with the other names readers use for it. */
function readAliases(raw: unknown): Record<string, string[]> {
  const shape = '"aliases" must be an object like {"Mumbai": ["Bombay"]}: a name the document uses, then other names for it';
  if (!isRecord(raw)) throw new Error(shape);
  const aliases: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(raw)) {
    const valid = (text: unknown): text is string => typeof text === "string" && text.trim() !== "" && text.length <= MAX_ALIAS_LENGTH;
    if (!valid(name) || !Array.isArray(list) || !list.every(valid)) throw new Error(`${shape} (check "${name.slice(0, MAX_ALIAS_LENGTH)}")`);
    aliases[name.trim()] = list.map((alias) => alias.trim());
  }
  return aliases;
}

function readTopic(raw: unknown, where: string): Topic {
  if (!isRecord(raw)) throw new Error(`${where} must be an object`);
  const command = raw.command;
  if (typeof command !== "string" || !COMMAND_NAME.test(command)) {
    const got = typeof command === "string" ? ` ("${command.slice(0, 40)}" has ${command.length})` : "";
    throw new Error(
      `${where}.command must be a command name of 1-${COMMAND_NAME_MAX} lower-case letters, digits, - or _, like "why-stalled"${got}: Slack counts the slash in its limit of 32`,
    );
  }
  const description = raw.description;
  if (typeof description !== "string" || !description.trim() || description.length > MAX_DESCRIPTION) {
    throw new Error(`${where}.description must be text of 1-${MAX_DESCRIPTION} characters`);
  }
  const question = optionalText(raw.question, `${where}.question`);
  let answer: Topic["answer"];
  if (raw.answer !== undefined) {
    if (!isRecord(raw.answer) || typeof raw.answer.passage !== "string" || !raw.answer.passage.trim()) {
      throw new Error(`${where}.answer must be { "passage": "<a short phrase from the answering passage>" }`);
    }
    answer = { passage: raw.answer.passage };
  }
  if (!Array.isArray(raw.reasons) || raw.reasons.length === 0) throw new Error(`${where}.reasons must be a non-empty array`);
  const reasons = raw.reasons.map((reason, i) => readReason(reason, `${where}.reasons[${i}]`));
  return { command, description: description.trim(), ...(question ? { question } : {}), ...(answer ? { answer } : {}), reasons };
}

function readReason(raw: unknown, where: string): TopicReason {
  if (!isRecord(raw)) throw new Error(`${where} must be an object`);
  const label = optionalText(raw.label, `${where}.label`);
  if (!label) throw new Error(`${where}.label is required`);
  const query = optionalText(raw.query, `${where}.query`);
  let evidence: string[] | undefined;
  if (raw.evidence !== undefined) {
    if (!Array.isArray(raw.evidence) || !raw.evidence.every((phrase) => typeof phrase === "string" && phrase.trim())) {
      throw new Error(`${where}.evidence must be an array of phrases`);
    }
    evidence = raw.evidence as string[];
  }
  if (!query && !evidence?.length) throw new Error(`${where} needs a "query" or "evidence" phrases to find its passages`);
  return { label, ...(query ? { query } : {}), ...(evidence ? { evidence } : {}) };
}

function optionalText(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new Error(`${where} must be text`);
  return value.trim() || undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
