import type { FeedbackVote, LoggedCommand } from "../../store/usageRecords.js";

/** A question's text is shown only when at least this many different people asked it; fewer are counted only. */
export const MIN_ASKERS_SHOWN = 3;
/** Rows per table. */
const TOP = 10;

export interface CountedQuestion {
  /** The question as first asked; absent when fewer than MIN_ASKERS_SHOWN people asked it (counted only). */
  question?: string;
  times: number;
  askers: number;
}

export interface QuestionTable {
  shown: CountedQuestion[];
  /** Questions asked by fewer than MIN_ASKERS_SHOWN people each: how many, and how many times in all. */
  hidden: { questions: number; times: number };
}

export interface CountedPassage {
  passageId: string;
  document: string;
  section: string;
  times: number;
}

export interface Insights {
  days: number;
  from: number;
  to: number;
  commands: number;
  askers: number;
  mostAsked: QuestionTable;
  /** Questions the documents answered with nothing (`none`) or only the nearest passages (`weak`). */
  unanswered: QuestionTable;
  votes: { helpful: number; unhelpful: number; wrongPassage: number };
  /** Answers voted "Not helpful", the most first. */
  votedDown: QuestionTable;
  wrongPassages: CountedPassage[];
  mostQuoted: CountedPassage[];
  mostQuotedSources: Array<{ source: string; times: number }>;
  perCommand: Array<{ name: string; times: number }>;
  perPlatform: Array<{ name: string; times: number }>;
}

/**
 * What the log and the votes of a period say, for /insights and `npm run insights`. People are never named:
 * askers are pseudonyms, and a question's text is shown only when at least three different people asked it,
 * so a rare question cannot point at the one who asked it.
 */
export function computeInsights(entries: readonly LoggedCommand[], votes: readonly FeedbackVote[], options: { days: number; now: number }): Insights {
  const from = options.now - options.days * 24 * 60 * 60 * 1000;
  const inPeriod = entries.filter((entry) => entry.at >= from && entry.at <= options.now);
  const votesInPeriod = votes.filter((vote) => vote.at >= from && vote.at <= options.now);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  // Who asked each question, over the whole period: the privacy threshold counts people, not times.
  const askersOf = new Map<string, Set<string>>();
  for (const entry of inPeriod) {
    if (!entry.question) continue;
    const key = questionKey(entry.question);
    askersOf.set(key, (askersOf.get(key) ?? new Set()).add(entry.asker));
  }
  const questionsOf = (list: readonly LoggedCommand[]) => list.flatMap((entry) => (entry.question ? [entry.question] : []));

  const downVoted = votesInPeriod.filter((vote) => vote.vote === "unhelpful").flatMap((vote) => {
    const entry = byId.get(vote.answerId);
    return entry?.question ? [entry.question] : [];
  });
  const wrong = votesInPeriod.filter((vote) => vote.vote === "wrong-passage");
  const passageOf = new Map(entries.flatMap((entry) => entry.passages.map((passage) => [passage.passageId, passage] as const)));

  return {
    days: options.days,
    from,
    to: options.now,
    commands: inPeriod.length,
    askers: new Set(inPeriod.map((entry) => entry.asker)).size,
    mostAsked: questionTable(questionsOf(inPeriod), askersOf),
    unanswered: questionTable(questionsOf(inPeriod.filter((entry) => entry.outcome === "none" || entry.outcome === "weak")), askersOf),
    votes: {
      helpful: votesInPeriod.filter((vote) => vote.vote === "helpful").length,
      unhelpful: votesInPeriod.filter((vote) => vote.vote === "unhelpful").length,
      wrongPassage: wrong.length,
    },
    votedDown: questionTable(downVoted, askersOf),
    wrongPassages: countPassages(wrong.flatMap((vote) => (vote.passageId ? [passageOf.get(vote.passageId) ?? { passageId: vote.passageId, document: "", section: "" }] : []))),
    mostQuoted: countPassages(inPeriod.flatMap((entry) => entry.passages)),
    mostQuotedSources: top(count(inPeriod.flatMap((entry) => entry.passages.flatMap((passage) => passage.sources)))).map(([source, times]) => ({ source, times })),
    perCommand: top(count(inPeriod.map((entry) => entry.command)), Infinity).map(([name, times]) => ({ name, times })),
    perPlatform: top(count(inPeriod.map((entry) => entry.platform)), Infinity).map(([name, times]) => ({ name, times })),
  };
}

/** Questions that differ only in case, spacing or a closing question mark are one question. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, " ").replace(/[\s?!.]+$/, "").trim();
}

function questionTable(questions: readonly string[], askersOf: ReadonlyMap<string, ReadonlySet<string>>): QuestionTable {
  const first = new Map<string, string>();
  for (const question of questions) if (!first.has(questionKey(question))) first.set(questionKey(question), question);
  const counted = top(count(questions.map(questionKey)), Infinity);
  const shown: CountedQuestion[] = [];
  const hidden = { questions: 0, times: 0 };
  for (const [key, times] of counted) {
    const askers = askersOf.get(key)?.size ?? 0;
    if (askers >= MIN_ASKERS_SHOWN) {
      if (shown.length < TOP) shown.push({ question: first.get(key)!, times, askers });
    } else {
      hidden.questions++;
      hidden.times += times;
    }
  }
  return { shown, hidden };
}

function countPassages(passages: ReadonlyArray<{ passageId: string; document: string; section: string }>): CountedPassage[] {
  const byId = new Map(passages.map((passage) => [passage.passageId, passage]));
  return top(count(passages.map((passage) => passage.passageId))).map(([passageId, times]) => {
    const { document, section } = byId.get(passageId)!;
    return { passageId, document, section, times };
  });
}

function count(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The most frequent first, ties in alphabetical order (so the same log always gives the same table). */
function top(counts: ReadonlyMap<string, number>, limit = TOP): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

/** The same figures as CSV rows (section, name, detail, count), for `npm run insights -- --csv`. */
export function insightsCsv(insights: Insights): string {
  const rows: Array<Array<string | number>> = [["section", "item", "detail", "count"]];
  const questions = (section: string, table: QuestionTable) => {
    for (const row of table.shown) rows.push([section, row.question ?? "", `${row.askers} askers`, row.times]);
    if (table.hidden.questions > 0) rows.push([section, `(${table.hidden.questions} questions asked by fewer than ${MIN_ASKERS_SHOWN} people)`, "", table.hidden.times]);
  };
  rows.push(["period", `last ${insights.days} days`, new Date(insights.from).toISOString(), insights.commands]);
  rows.push(["askers", "different people", "", insights.askers]);
  questions("most asked", insights.mostAsked);
  questions("unanswered", insights.unanswered);
  questions("voted down", insights.votedDown);
  rows.push(["votes", "helpful", "", insights.votes.helpful], ["votes", "not helpful", "", insights.votes.unhelpful], ["votes", "wrong passage", "", insights.votes.wrongPassage]);
  for (const passage of insights.wrongPassages) rows.push(["reported wrong", passage.passageId, `${passage.document} · ${passage.section}`, passage.times]);
  for (const passage of insights.mostQuoted) rows.push(["most quoted", passage.passageId, `${passage.document} · ${passage.section}`, passage.times]);
  for (const source of insights.mostQuotedSources) rows.push(["most quoted source", source.source, "", source.times]);
  for (const command of insights.perCommand) rows.push(["per command", command.name, "", command.times]);
  for (const platform of insights.perPlatform) rows.push(["per platform", platform.name, "", platform.times]);
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/** Quoted when needed; a cell starting with = + - @ gets a leading ' so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
