import type { ReadVariable } from "../../config/environment.js";
import { readRetentionDays } from "../../store/retention.js";

export interface UsageConfig {
  /** QUESTION_LOG=on (the default) keeps what was asked, never who asked; off keeps counts and outcomes only. */
  keepQuestions: boolean;
  /** RETENTION_DAYS (default 30): votes and logged questions older than this are deleted. */
  retentionDays: number;
}

export const USAGE_VARIABLES = ["QUESTION_LOG", "RETENTION_DAYS"] as const;

export function readUsageConfig(read: ReadVariable, problems: string[]): UsageConfig {
  const log = read("QUESTION_LOG")?.toLowerCase() ?? "on";
  if (log !== "on" && log !== "off") problems.push(`QUESTION_LOG must be on or off (got "${log.slice(0, 20)}").`);
  return { keepQuestions: log !== "off", retentionDays: readRetentionDays(read("RETENTION_DAYS"), problems) };
}
