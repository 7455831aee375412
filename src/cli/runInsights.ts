import { DEFAULT_INSIGHT_DAYS, insightsReply } from "../commands/admin/insightsCommand.js";
import { computeInsights, insightsCsv } from "../commands/admin/computeInsights.js";
import pino from "pino";
import { renderText } from "../platforms/console/render.js";
import { openStore } from "../store/openStore.js";
import { readStoreConfig } from "../store/storeConfig.js";
import type { ScriptIo } from "./runScript.js";

const USAGE = "Usage: npm run --silent insights -- [--days N] [--csv]";

/**
 * `npm run insights -- [--days 7] [--csv]`: the /insights figures from the store the environment names
 * (DATA_DIR, REDIS_URL, STORE), as text or as CSV on stdout. For the people who run the bot, so no admin check;
 * the same privacy rule applies (a question is shown only when at least three people asked it).
 */
export async function runInsights(argv: readonly string[], env: NodeJS.ProcessEnv, io: ScriptIo, now = Date.now()): Promise<number> {
  let days = DEFAULT_INSIGHT_DAYS;
  let csv = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--csv") csv = true;
    else if (arg === "--days" && /^\d{1,3}$/.test(argv[i + 1] ?? "") && Number(argv[i + 1]) >= 1) days = Number(argv[++i]);
    else {
      io.stderr(`insights: unknown or incomplete argument "${arg.slice(0, 40)}". ${USAGE}\n`);
      return 2;
    }
  }
  const config = readStoreConfig(env);
  if (!config.ok) {
    for (const problem of config.problems) io.stderr(`insights: ${problem}\n`);
    return 1;
  }
  // Logs go to stderr: stdout carries only the figures (a CSV file when redirected).
  const store = await openStore(config.config, pino({ level: "warn" }, pino.destination(2)));
  try {
    const from = now - days * 24 * 60 * 60 * 1000;
    const insights = computeInsights(await store.questionLog.since(from), await store.feedback.since(from), { days, now });
    io.stdout(csv ? insightsCsv(insights) : `${renderText(insightsReply(insights))}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
