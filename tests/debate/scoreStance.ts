import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import type { ReplyQuote } from "../../src/commands/index.js";
import { judgedClaims, judgedMotions, SECOND, SEED, unaddressedClaims, type JudgedClaim, type UnaddressedClaim } from "./stanceSet.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

/** What a counter answer gives for one claim: its quotes' texts and its lead text. */
export interface CounterAnswer {
  quotes: string[];
  text: string;
}

export type CounterFn = (knowledge: KnowledgeBase, claim: string) => Promise<CounterAnswer> | CounterAnswer;

export interface StanceScore {
  claims: number;
  /** Claims whose first quote cuts against them. */
  firstAgainst: number;
  quotes: number;
  againstQuotes: number;
  /** Quotes that support the claim they are shown against: must be 0. */
  supportingQuotes: number;
  unaddressed: number;
  unaddressedAnswered: number;
  /** Claims answered as if the document did not discuss them, though it does. */
  wronglyUnaddressed: number;
  misses: string[];
}

const has = (text: string, phrases: readonly string[]) => phrases.some((phrase) => text.includes(phrase));

/** A reply that says the document does not discuss the claim and names one of its missing words. */
export function answersUnaddressed(answer: CounterAnswer, missing: readonly string[]): boolean {
  return answer.quotes.length === 0 && /does not discuss/i.test(answer.text) && missing.some((word) => answer.text.toLowerCase().includes(word));
}

export async function scoreCounter(counter: CounterFn, options: { heldOut?: boolean } = {}): Promise<StanceScore> {
  const pick = <T extends { heldOut?: boolean }>(items: readonly T[]) =>
    options.heldOut === undefined ? [...items] : items.filter((item) => Boolean(item.heldOut) === options.heldOut);
  const claims: JudgedClaim[] = pick(judgedClaims);
  const unaddressed: UnaddressedClaim[] = pick(unaddressedClaims);
  const score: StanceScore = {
    claims: claims.length, firstAgainst: 0, quotes: 0, againstQuotes: 0, supportingQuotes: 0,
    unaddressed: unaddressed.length, unaddressedAnswered: 0, wronglyUnaddressed: 0, misses: [],
  };
  for (const judged of claims) {
    const knowledge = await knowledgeOf(judged.folder);
    const answer = await counter(knowledge, judged.claim);
    if (/does not discuss/i.test(answer.text) && answer.quotes.length === 0) score.wronglyUnaddressed++;
    answer.quotes.forEach((quote, i) => {
      score.quotes++;
      const against = has(quote, judged.against);
      if (against) score.againstQuotes++;
      if (has(quote, judged.supports)) score.supportingQuotes++;
      if (i === 0 && against) score.firstAgainst++;
    });
    if (!answer.quotes[0] || !has(answer.quotes[0], judged.against)) {
      score.misses.push(`${judged.claim} -> ${answer.quotes[0]?.slice(0, 70) ?? answer.text.slice(0, 70)}`);
    }
  }
  for (const judged of unaddressed) {
    const answer = await counter(await knowledgeOf(judged.folder), judged.claim);
    if (answersUnaddressed(answer, judged.missing)) score.unaddressedAnswered++;
    else score.misses.push(`(unaddressed) ${judged.claim} -> ${answer.text.slice(0, 70)}`);
  }
  return score;
}

const loaded = new Map<string, Promise<KnowledgeBase>>();
export function knowledgeOf(folder: string): Promise<KnowledgeBase> {
  let knowledge = loaded.get(folder);
  if (!knowledge) loaded.set(folder, (knowledge = loadKnowledge(folder)));
  return knowledge;
}

/** /counter as users run it: through the real registry. */
export const counterCommandAnswer: CounterFn = async (knowledge, claim) => {
  const reply = await createCommandRegistry(() => knowledge).run({ command: "counter", text: claim, user: { id: "bench" }, platform: consoleTraits });
  return { quotes: reply.quotes.map((quote: ReplyQuote) => quote.text), text: reply.text ?? "" };
};

export function formatScore(score: StanceScore): Record<string, string> {
  const share = (part: number, whole: number) => (whole === 0 ? "-" : `${Math.round((100 * part) / whole)}% (${part}/${whole})`);
  return {
    "first quote cuts against": share(score.firstAgainst, score.claims),
    "counter quotes that cut against": share(score.againstQuotes, score.quotes),
    "quotes supporting the claim": `${score.supportingQuotes}`,
    "unaddressed claims answered as such": share(score.unaddressedAnswered, score.unaddressed),
    "addressed claims called undiscussed": `${score.wronglyUnaddressed}`,
  };
}

export interface DebateScore {
  motions: number;
  /** Motions /debate offers that the judged set does not cover: each must be judged. */
  unjudged: string[];
  quotes: number;
  offTopic: number;
  /** Quotes on a side the judged set forbids, with where. */
  wrongSide: string[];
  /** Curated motions with a passage on the wrong side. */
  curatedWrong: number;
  curated: number;
}

/** /debate's every motion, shown by pinning each in turn as "Share in channel" does, scored against the judged motions. */
export async function scoreDebate(folders: readonly string[] = [SEED, SECOND]): Promise<DebateScore> {
  const score: DebateScore = { motions: 0, unjudged: [], quotes: 0, offTopic: 0, wrongSide: [], curatedWrong: 0, curated: 0 };
  for (const folder of folders) {
    const knowledge = await knowledgeOf(folder);
    const registry = createCommandRegistry(() => knowledge);
    const run = (motion?: number) => registry.run({ command: "debate", args: motion === undefined ? {} : { motion: String(motion) }, user: { id: "bench" }, platform: consoleTraits });
    const total = Number(/of (\d+)/.exec((await run()).text ?? "")?.[1] ?? 0);
    for (let i = 0; i < total; i++) {
      const reply = await run(i);
      const statement = /Motion: (.*)/.exec(reply.text ?? "")?.[1] ?? "";
      const curated = /topic file/.test(reply.text ?? "");
      score.motions++;
      if (curated) score.curated++;
      const judged = judgedMotions.find((motion) => motion.folder === folder && statement.includes(motion.motion));
      if (!judged) {
        score.unjudged.push(statement);
        continue;
      }
      let wrong = false;
      for (const quote of reply.quotes) {
        score.quotes++;
        const side = quote.label?.startsWith("Proposition") ? "proposition" : "opposition";
        const forbidden = side === "proposition" ? judged.notProposition : judged.notOpposition;
        if (has(quote.text, forbidden)) {
          wrong = true;
          score.wrongSide.push(`${judged.motion} / ${side}: ${quote.text.slice(0, 60)}`);
        }
        const known = [...judged.proposition, ...judged.opposition, ...judged.notProposition, ...judged.notOpposition];
        if (!has(quote.text, known)) score.offTopic++;
      }
      if (wrong && curated) score.curatedWrong++;
    }
  }
  return score;
}

export function formatDebateScore(score: DebateScore): Record<string, string> {
  return {
    "motions shown": `${score.motions} (${score.curated} curated, ${score.unjudged.length} unjudged)`,
    "debate quotes off-topic": score.quotes === 0 ? "-" : `${Math.round((100 * score.offTopic) / score.quotes)}% (${score.offTopic}/${score.quotes})`,
    "quotes on the wrong side": `${score.wrongSide.length}`,
    "curated motions with a wrong-side quote": `${score.curatedWrong} of ${score.curated}`,
  };
}
