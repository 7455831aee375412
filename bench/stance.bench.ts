/**
 * `npm run bench:stance`: answer quality of the debate commands on the judged stance set (tests/debate),
 * beside a baseline in the same run: the word-overlap choice the first version made (the sentences that
 * share most stemmed words with the claim, after the one that matches it). Figures for the first version
 * itself, measured once at the commit before this work, are in docs/debate.md.
 */
import { argumentMapOf } from "../src/commands/debate/analysis/stance/argumentMap.js";
import { similarity, termsOf } from "../src/commands/debate/analysis/textSimilarity.js";
import { counterCommandAnswer, formatDebateScore, formatScore, scoreCounter, scoreDebate, type CounterFn } from "../tests/debate/scoreStance.js";

const QUOTES = 4;

/** The first version's idea of counter-evidence: the closest sentences by shared words, the closest one left out. */
const wordOverlap: CounterFn = (knowledge, claim) => {
  const map = argumentMapOf(knowledge.documents[0]!);
  const wanted = termsOf(claim);
  const ranked = map.units
    .map((unit) => ({ unit, score: similarity(wanted, termsOf(unit.text)) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return { quotes: ranked.slice(1, 1 + QUOTES).map((entry) => entry.unit.text), text: "" };
};

function table(title: string, ours: Record<string, string>, baseline?: Record<string, string>): void {
  console.log(title);
  for (const [label, value] of Object.entries(ours)) {
    console.log(`  ${label.padEnd(42)}${value.padStart(16)}${baseline ? (baseline[label] ?? "").padStart(18) : ""}`);
  }
}

async function main(): Promise<void> {
  console.log(`Ground Truth stance benchmark (node ${process.version})`);
  console.log(`  ${"".padEnd(42)}${"ours".padStart(16)}${"word overlap".padStart(18)}`);
  for (const [name, heldOut] of [["all claims", undefined], ["held-out claims", true]] as const) {
    const ours = await scoreCounter(counterCommandAnswer, { heldOut });
    const baseline = await scoreCounter(wordOverlap, { heldOut });
    table(`/counter, ${name}`, formatScore(ours), formatScore(baseline));
  }
  table("/debate, every motion of both essays", formatDebateScore(await scoreDebate()));
  const score = await scoreCounter(counterCommandAnswer);
  const debate = await scoreDebate();
  const targets = [
    [">= 90% of first quotes cut against the claim", score.firstAgainst / score.claims >= 0.9],
    [">= 70% of counter quotes cut against the claim", score.againstQuotes / score.quotes >= 0.7],
    ["no quote supports the claim it is shown against", score.supportingQuotes === 0],
    ["every undiscussed claim answered as such", score.unaddressedAnswered === score.unaddressed],
    ["no curated motion has a passage on the wrong side", debate.curatedWrong === 0],
    ["at most 1 in 5 debate quotes off-topic", debate.offTopic <= debate.quotes / 5],
  ] as const;
  for (const [label, met] of targets) console.log(`${met ? "met   " : "MISSED"} ${label}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
