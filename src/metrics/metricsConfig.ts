import type { ReadVariable } from "../config/environment.js";

export interface MetricsConfig {
  /** METRICS=on serves GET /metrics on the bot's HTTP server; off (the default) leaves it unrouted (404). */
  enabled: boolean;
  /** METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

export const METRICS_VARIABLES = ["METRICS", "METRICS_TOKEN"] as const;

/** A token shorter than this is guessable by anyone who can reach the port. */
const MIN_TOKEN_LENGTH = 16;

/** METRICS and METRICS_TOKEN, each problem one line; the token's value is never repeated back. */
export function readMetricsConfig(read: ReadVariable, problems: string[]): MetricsConfig {
  const setting = read("METRICS")?.toLowerCase() ?? "off";
  if (setting !== "on" && setting !== "off") problems.push(`METRICS must be on or off (got "${setting.slice(0, 20)}").`);
  const token = read("METRICS_TOKEN");
  if (token !== undefined && (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
    problems.push(`METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters with no spaces (e.g. from \`openssl rand -hex 24\`).`);
  }
  return { enabled: setting === "on", ...(token ? { token } : {}) };
}
