/**
 * `npm run bench`: answer quality on the judged question set (precision@1, hit@3, MRR and how honest the
 * confidence is), then index build time, per-query latency (names, typos, questions) and memory, each for
 * the bot's search and for plain Fuse.js over all passages, measured in the same run on the same corpus.
 * Targets: judged precision@1 >= 0.85 and hit@3 >= 0.9; every unanswerable question weak or none; at most
 * 1 in 10 answerable ones weak; p99 <= 10 ms per query at 40k passages; the essay loads in < 50 ms; 40k
 * passages index in < 3 s; RSS with the seed < 200 MB.
 */
import Fuse from "fuse.js";
import { answerQuestion } from "../src/commands/core/answerQuestion.js";
import { KnowledgeBase, loadKnowledge, parseDocument, type KnowledgeDocument } from "../src/knowledge/index.js";
import { judgedSet, JUDGED_FOLDERS, type JudgedQuestion } from "../tests/knowledge/judgedSet.js";
import { qualitySet } from "../tests/knowledge/qualitySet.js";
import { scoreJudgedSet, type JudgedScore } from "../tests/support/judgedQuality.js";
import { buildQueries, buildSyntheticCorpus } from "./syntheticCorpus.js";
import { formatMs, rssMegabytes, timeEach, timeEachBest, timeOnce } from "./measure.js";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const SENTENCES_PER_DOCUMENT = 40;
const QUERIES_PER_KIND = 200;
/** Plain Fuse.js takes about half a second a query at 40k passages; a sample is enough to see it. */
const FUSE_QUERIES_PER_KIND = Number(process.env.BENCH_FUSE_QUERIES ?? 10);

function plainFuse(documents: readonly KnowledgeDocument[]) {
  const passages = documents.flatMap((d) => d.passages);
  return new Fuse(passages, { keys: ["text"], ignoreLocation: true, threshold: 0.4 });
}

function row(label: string, ours: string, baseline: string): string {
  return `${label.padEnd(34)}${ours.padStart(16)}${baseline.padStart(18)}`;
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (line = "") => {
    lines.push(line);
    console.log(line);
  };

  // The essay: load time (cold, then warm) and quality against plain Fuse.js.
  const cold = performance.now();
  const essay = await loadKnowledge("knowledge");
  const coldMs = performance.now() - cold;
  const warmTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await loadKnowledge("knowledge");
    warmTimes.push(performance.now() - start);
  }
  warmTimes.sort((a, b) => a - b);
  const essayFuse = plainFuse(essay.documents);
  const oursTop1 = qualitySet.filter((c) => essay.search(c.query, { limit: 1 }).hits[0]?.passage.text.includes(c.expect)).length;
  const fuseTop1 = qualitySet.filter((c) => essayFuse.search(c.query, { limit: 1 })[0]?.item.text.includes(c.expect)).length;

  out(`Ground Truth search benchmark (node ${process.version})`);
  out();
  out(row("", "ours", "plain Fuse.js"));
  out(row("essay load + index (cold)", formatMs(coldMs), "-"));
  out(row("essay load + index (warm median)", formatMs(warmTimes[5]!), "-"));
  out(row(`essay quality set top-1 (${qualitySet.length})`, `${((100 * oursTop1) / qualitySet.length).toFixed(0)}%`, `${((100 * fuseTop1) / qualitySet.length).toFixed(0)}%`));
  const rssWithSeed = rssMegabytes();
  out(row("RSS with the seed loaded (MB)", `${rssWithSeed}`, "-"));

  const judged = await judgedQuality(out);


  // The synthetic corpus.
  const corpus = buildSyntheticCorpus(DOCUMENTS, SENTENCES_PER_DOCUMENT);
  const rssBefore = rssMegabytes();
  const parsed = timeOnce(() => corpus.files.map((file) => parseDocument(file.id, `${file.id}.txt`, file.text)));
  const indexed = timeOnce(() => new KnowledgeBase(parsed.value));
  const knowledge = indexed.value;
  const rssAfter = rssMegabytes();
  const fuseBuild = timeOnce(() => plainFuse(parsed.value));
  const queries = buildQueries(corpus, QUERIES_PER_KIND);
  // Warm up the JIT and the lazily built vocabulary buckets, as a running bot would be.
  for (const query of queries.names.slice(0, 20)) knowledge.search(query);

  out();
  out(`synthetic corpus: ${DOCUMENTS} documents, ${knowledge.passageCount} passages`);
  out(row("parse", formatMs(parsed.ms), "-"));
  out(row("index build", formatMs(indexed.ms), formatMs(fuseBuild.ms)));
  out(row("parse + index build, CPU time", formatMs(parsed.cpuMs + indexed.cpuMs), formatMs(fuseBuild.cpuMs)));
  out(row("RSS after indexing (MB)", `${rssAfter}`, "-"));
  out(row("RSS growth for the index (MB)", `${rssAfter - rssBefore}`, "-"));
  let worstP99 = 0;
  for (const [kind, list] of Object.entries(queries)) {
    const ours = timeEach(list, (query) => knowledge.search(query));
    const fuse = timeEach(list.slice(0, FUSE_QUERIES_PER_KIND), (query) => fuseBuild.value.search(query, { limit: 3 }));
    worstP99 = Math.max(worstP99, ours.p99);
    out(row(`${kind} p50`, formatMs(ours.p50), formatMs(fuse.p50)));
    out(row(`${kind} p99`, formatMs(ours.p99), formatMs(fuse.p99)));
    out(row(`${kind} max`, formatMs(ours.max), formatMs(fuse.max)));
    out(row(`${kind} p99, best of 3 per query`, formatMs(timeEachBest(list, (query) => knowledge.search(query)).p99), "-"));
  }
  out();
  out(`(${QUERIES_PER_KIND} queries per kind for ours, ${FUSE_QUERIES_PER_KIND} for plain Fuse.js; the targets are judged on the`);
  out(` wall clock; CPU time and best-of-3 show what the code costs when other processes share the machine)`);
  const targets = [
    [`judged precision@1 >= 0.85 (${judged.all.precisionAt1.toFixed(2)})`, judged.all.precisionAt1 >= 0.85],
    [`judged hit@3 >= 0.9 (${judged.all.hitAt3.toFixed(2)})`, judged.all.hitAt3 >= 0.9],
    [`every unanswerable question weak or none (${judged.all.unanswerableStrong} strong)`, judged.all.unanswerableStrong === 0],
    [`at most 1 in 10 answerable questions weak (${judged.all.answerableWeak} of ${judged.all.answerable})`, judged.all.answerableWeak * 10 <= judged.all.answerable],
    [`RSS with the seed < 200 MB (${rssWithSeed} MB)`, rssWithSeed < 200],
    [`p99 per query <= 10 ms`, worstP99 <= 10],
    [`essay loads in < 50 ms (warm median)`, warmTimes[5]! < 50],
    [`${knowledge.passageCount} passages index in < 3 s`, parsed.ms + indexed.ms < 3000],
  ] as const;
  for (const [label, met] of targets) out(`${met ? "met   " : "MISSED"} ${label}`);
}

/**
 * The judged set (tests/knowledge/judgedSet.ts) asked of its documents through `/ask`'s own answering, beside
 * plain Fuse.js over the same document's passages; the held-out part is shown on its own.
 */
async function judgedQuality(out: (line?: string) => void): Promise<{ all: JudgedScore }> {
  const loaded = await Promise.all(JUDGED_FOLDERS.map((folder) => loadKnowledge(folder)));
  const knowledge = new KnowledgeBase(loaded.flatMap((l) => l.documents));
  const fuses = new Map(knowledge.documents.map((d) => [d.id, plainFuse([d])]));
  const ours = (question: JudgedQuestion) => {
    const answer = answerQuestion(knowledge, question.question, { documentId: question.document, limit: 5 });
    return { passages: answer.hits.map((hit) => hit.passage.text), confidence: answer.confidence };
  };
  const fuse = (question: JudgedQuestion) => ({
    passages: fuses.get(question.document)!.search(question.question, { limit: 5 }).map((result) => result.item.text),
  });
  const kinds = [...new Set(judgedSet.map((q) => q.kind))].map((kind) => `${judgedSet.filter((q) => q.kind === kind).length} ${kind}`);
  out();
  out(`judged questions: ${judgedSet.length} over ${knowledge.documents.length} documents (${kinds.join(", ")})`);
  out(row("", "ours", "plain Fuse.js"));
  const parts = [
    ["all", judgedSet],
    ["tuned on", judgedSet.filter((q) => !q.heldOut)],
    ["held out", judgedSet.filter((q) => q.heldOut)],
  ] as const;
  let all: JudgedScore | undefined;
  for (const [label, questions] of parts) {
    const a = scoreJudgedSet(questions, ours);
    const b = scoreJudgedSet(questions, fuse);
    all ??= a;
    out(row(`${label}: precision@1 (${a.answerable})`, a.precisionAt1.toFixed(2), b.precisionAt1.toFixed(2)));
    out(row(`${label}: hit@3`, a.hitAt3.toFixed(2), b.hitAt3.toFixed(2)));
    out(row(`${label}: MRR`, a.mrr.toFixed(2), b.mrr.toFixed(2)));
    out(row(`${label}: answerable marked weak`, `${a.answerableWeak}`, "-"));
    out(row(`${label}: unanswerable strong (${a.unanswerable})`, `${a.unanswerableStrong}`, `${b.unanswerableStrong}`));
  }
  if (process.env.BENCH_SHOW_MISSES) for (const miss of all!.misses) out(`  ${miss}`);
  return { all: all! };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
