import { STOP_WORDS } from "../text/englishWords.js";
import { tokenizeWords } from "./textTokens.js";

/**
 * What a question asks of the document as a whole, when it does: its thesis ("what's the main argument"),
 * its conclusion ("how does the essay end"), one of its sections ("summarise the section on trust"), or who
 * a name is ("who is Ostrom", answered from the source it names). Anything else is a question about the
 * document's content, answered by search.
 */
export type QuestionIntent =
  | { kind: "thesis" }
  | { kind: "conclusion" }
  | { kind: "section"; topic: string }
  | { kind: "who"; name: string };

const DOCUMENT_WORDS = "essay|document|article|paper|text|piece|report|author|writer|authors";

const SECTION_REQUEST = new RegExp(
  String.raw`\b(?:section|part|chapter|bit|passage|paragraph)s?\s+(?:on|about|of|regarding|covering|concerning|dealing\s+with|discussing|titled|called|headed|named)\s+(?:the\s+)?(.+?)(?:\s+(?:say|says|said|cover|covers|argue|argues))?$`,
);
const WHO_IS = /^(?:who|what)(?:\s+(?:is|are|was|were)|'s|'re)\s+(.+)$/;

const THESIS_CUES = [
  /\b(?:main|central|key|overall|core|principal|basic|big|primary|chief)\s+(?:argument|claim|point|idea|thesis|message|contention|takeaway|position|conclusion)s?\b/,
  /\bthesis\b/,
  /\bgist\b/,
  /\btl;?\s?dr\b/,
  /\bin\s+a\s+nutshell\b/,
  new RegExp(String.raw`\b(?:${DOCUMENT_WORDS})(?:'s)?\s+(?:argument|position|point|claim|stance|message)\b`),
  new RegExp(String.raw`\bwhat\s+(?:is|does|do)\s+(?:the|this)\s+(?:${DOCUMENT_WORDS})\s+(?:about|argue|arguing|saying|say|claim|contend|think|believe)\b`),
  new RegExp(String.raw`\b(?:summar(?:y|ise|ize)|sum\s+up|overview|outline)\b.*\b(?:${DOCUMENT_WORDS})\b`),
];
const CONCLUSION_CUES = [
  /\bconclu(?:de|des|ded|ding|sion|sions)\b/,
  /\bverdict\b/,
  /\bbottom\s+line\b/,
  /\b(?:final|closing|last)\s+(?:thoughts?|words?|point|section|paragraph|argument)\b/,
  new RegExp(String.raw`\bhow\s+(?:does|did)\s+(?:the|this)\s+(?:${DOCUMENT_WORDS})\s+(?:end|finish|close|conclude|wrap\s+up)\b`),
];

/**
 * Words that only say "the document as a whole": a question made of nothing else (and stop words) asks
 * about the essay itself. "What does the author conclude about China?" has "china" left over, so it is a
 * question about China.
 */
const ABOUT_THE_DOCUMENT = new Set([
  ...DOCUMENT_WORDS.split("|"),
  "main", "central", "key", "overall", "core", "principal", "basic", "big", "primary", "chief", "argument",
  "arguments", "claim", "claims", "point", "points", "idea", "ideas", "thesis", "message", "contention",
  "takeaway", "position", "stance", "gist", "tl", "dr", "tldr", "nutshell", "argue", "argues", "arguing",
  "contend", "contends", "think", "thinks", "believe", "believes", "saying", "summary", "summarise",
  "summarize", "sum", "overview", "outline", "give", "whole", "conclude", "concludes", "concluded",
  "concluding", "conclusion", "conclusions", "verdict", "bottom", "line", "final", "closing", "last",
  "thoughts", "thought", "words", "word", "section", "paragraph", "end", "ends", "finish", "close", "wrap",
  "please", "me", "tell", "brief", "briefly", "short", "overall", "really", "actually", "trying",
]);

export function readQuestionIntent(question: string): QuestionIntent | null {
  const text = question
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[?!.\s]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!text || text.length > 300) return null;

  const section = SECTION_REQUEST.exec(text);
  if (section?.[1] && tokenizeWords(section[1]).some((word) => !STOP_WORDS.has(word))) {
    return { kind: "section", topic: section[1].trim() };
  }
  const onlyAboutTheDocument = tokenizeWords(text).every((word) => STOP_WORDS.has(word) || ABOUT_THE_DOCUMENT.has(word));
  if (onlyAboutTheDocument) {
    if (CONCLUSION_CUES.some((cue) => cue.test(text))) return { kind: "conclusion" };
    if (THESIS_CUES.some((cue) => cue.test(text))) return { kind: "thesis" };
  }
  const who = WHO_IS.exec(text);
  if (who?.[1] && tokenizeWords(who[1]).length > 0 && tokenizeWords(who[1]).length <= 4) {
    return { kind: "who", name: who[1].replace(/^(?:the|a|an)\s+/, "").trim() };
  }
  return null;
}
