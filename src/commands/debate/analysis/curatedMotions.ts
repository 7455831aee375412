import type { KnowledgeDocument } from "../../../knowledge/index.js";

/**
 * A motion written by a maintainer in the document's topic file (`motions` array). Evidence is pinned by
 * short verbatim phrases, not passage ids, so the file survives small edits to the document.
 */
export interface CuratedMotion {
  /** The motion as it is put to the house: "This house believes that …". */
  motion: string;
  /** Words `/debate <topic>` matches on, besides the motion's own words. */
  topics: string[];
  /** Phrases from the sentences that open each side's evidence. */
  proposition: string[];
  opposition: string[];
  /** Rebuttal or discussion questions; generated ones fill up to three. */
  questions: string[];
}

const MAX_MOTION = 300;

/**
 * The document's curated motions. An entry that is not the expected shape is skipped rather than failing
 * the whole command: a typo in one motion must not take /debate down for the club.
 */
export function curatedMotionsOf(document: KnowledgeDocument): CuratedMotion[] {
  const raw = document.topics?.motions ?? [];
  return raw.flatMap((entry) => {
    const motion = readCuratedMotion(entry);
    return motion ? [motion] : [];
  });
}

export function readCuratedMotion(entry: unknown): CuratedMotion | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return null;
  const record = entry as Record<string, unknown>;
  const motion = typeof record.motion === "string" ? record.motion.trim() : "";
  if (!motion || motion.length > MAX_MOTION) return null;
  return {
    motion,
    topics: texts(record.topics),
    proposition: texts(record.proposition),
    opposition: texts(record.opposition),
    questions: texts(record.questions).slice(0, 3),
  };
}

function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "").map((item) => item.trim());
}
