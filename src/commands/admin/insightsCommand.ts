import { errorReply, noticeReply } from "../../reply/builders.js";
import type { Reply, ReplyField } from "../../reply/types.js";
import type { CommandDefinition } from "../registry/types.js";
import { computeInsights, MIN_ASKERS_SHOWN, type CountedPassage, type Insights, type QuestionTable } from "./computeInsights.js";

export const DEFAULT_INSIGHT_DAYS = 7;
const MAX_INSIGHT_DAYS = 365;

/** `/insights [days: 7]`: what the bot was asked and where it fell short, for admins, privately. */
export const insightsCommand: CommandDefinition = {
  name: "insights",
  description: "Admins: what was asked, what went unanswered, answers voted down, most quoted passages",
  usage: "[days]",
  options: [{ name: "days", description: `How many days back (default ${DEFAULT_INSIGHT_DAYS})`, kind: "number", main: true, min: 1, max: MAX_INSIGHT_DAYS }],
  adminOnly: true,
  handler: async ({ args, state, now }) => {
    const typed = args.days?.trim();
    const days = typed ? Number(typed) : DEFAULT_INSIGHT_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_INSIGHT_DAYS) {
      return errorReply("How many days?", `Give a whole number of days from 1 to ${MAX_INSIGHT_DAYS}, for example: /insights 30`);
    }
    if (!state) return errorReply("No insights here", "This bot keeps no question log, so there is nothing to show.");
    const at = now().getTime();
    const from = at - days * 24 * 60 * 60 * 1000;
    try {
      const [entries, votes] = await Promise.all([state.questionLog.since(from), state.feedback.since(from)]);
      return insightsReply(computeInsights(entries, votes, { days, now: at }));
    } catch {
      return errorReply("Insights unavailable", "The store that keeps the question log is not answering right now. Try again in a minute.");
    }
  },
};

export function insightsReply(insights: Insights): Reply {
  const fields: ReplyField[] = [
    { label: "Most asked", value: questionLines(insights.mostAsked) },
    { label: "Answered weakly or not at all (what the documents lack)", value: questionLines(insights.unanswered) },
    {
      label: "Votes",
      value: `${insights.votes.helpful} helpful, ${insights.votes.unhelpful} not helpful, ${insights.votes.wrongPassage} passages reported wrong`,
    },
    { label: "Voted down", value: questionLines(insights.votedDown) },
    { label: "Passages reported wrong", value: passageLines(insights.wrongPassages) },
    { label: "Most quoted passages", value: passageLines(insights.mostQuoted) },
    { label: "Most quoted sources", value: lines(insights.mostQuotedSources.map((source) => `${source.times}× ${source.source}`)) },
    { label: "Per command", value: lines(insights.perCommand.map((command) => `/${command.name}: ${command.times}`)) },
    { label: "Per platform", value: lines(insights.perPlatform.map((platform) => `${platform.name}: ${platform.times}`)) },
  ];
  // A notice: private, with no Share button (the figures are for admins).
  const text = `${insights.commands} commands from ${insights.askers} ${insights.askers === 1 ? "person" : "people"}. A question is shown only when at least ${MIN_ASKERS_SHOWN} people asked it; the rest are counted.`;
  return noticeReply(`Insights: the last ${insights.days} day${insights.days === 1 ? "" : "s"}`, text, {
    fields,
    footer: "npm run insights -- --csv exports the same figures.",
    visibility: "private",
  });
}

function questionLines(table: QuestionTable): string {
  const shown = table.shown.map((row) => `${row.times}× ${row.question} (${row.askers} people)`);
  const hidden = table.hidden.questions > 0 ? [`${table.hidden.times}× in ${table.hidden.questions} questions asked by fewer than ${MIN_ASKERS_SHOWN} people`] : [];
  return lines([...shown, ...hidden]);
}

function passageLines(passages: readonly CountedPassage[]): string {
  return lines(passages.map((passage) => `${passage.times}× ${passage.section}${passage.document ? ` · ${passage.document}` : ""}`));
}

function lines(items: readonly string[]): string {
  return items.length > 0 ? items.join("\n") : "None yet.";
}
