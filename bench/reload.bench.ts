/**
 * Re-indexing under load: the bot (a child process, as production runs it) serves a folder of 1,000 documents,
 * some of them PDFs, while signed Discord /ask requests arrive at concurrency 50. First a baseline with no
 * edits, then the same load while one document is edited every second. Reported: start-up time and RSS for the
 * folder, answer p50/p99 and errors without and during reloads (same run), and how long after each save the
 * edited text was answerable. Targets: zero errors, p99 during reloads within 2x of the baseline's, an edit
 * answerable within 2 s.
 *
 *   npm run bench:reload            (RELOAD_DOCUMENTS, RELOAD_SECONDS and RELOAD_PDFS change the size)
 */
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "undici";
import { buildQueries, buildSyntheticCorpus } from "./syntheticCorpus.js";
import { percentile, formatMs } from "./measure.js";
import { startServerProcess } from "./load/serverProcess.js";
import { botEnvironment, createDiscordKeys, discordInteraction, signedDiscordRequest, type DiscordKeys } from "../tests/support/signedRequests.js";
import { timeRequest, type ErrorTally } from "./load/sendLoad.js";
import { typesetPdf } from "../tests/knowledge/readers/typesetPdf.js";

const DOCUMENTS = Number(process.env.RELOAD_DOCUMENTS ?? 1000);
const PDFS = Number(process.env.RELOAD_PDFS ?? 20);
const SENTENCES = 40;
const CONCURRENCY = 50;
const PHASE_SECONDS = Number(process.env.RELOAD_SECONDS ?? 20);
const EDIT_EVERY_MS = 1_000;
const PROBE_EVERY_MS = 100;
/** An edit not answerable after this long is counted as never (within the run). */
const PROBE_GIVE_UP_MS = 60_000;

interface Phase {
  latencies: number[];
  tally: ErrorTally;
}

async function writeFolder(): Promise<{ folder: string; textFiles: string[]; questions: string[] }> {
  const folder = await mkdtemp(path.join(tmpdir(), "gt-reload-bench-"));
  const corpus = buildSyntheticCorpus(DOCUMENTS, SENTENCES);
  const textFiles: string[] = [];
  const pdfEvery = PDFS > 0 ? Math.floor(DOCUMENTS / PDFS) : Infinity;
  for (const [i, file] of corpus.files.entries()) {
    if (i % pdfEvery === pdfEvery - 1) {
      const [title, ...lines] = file.text.split("\n");
      const paragraphs: string[] = [];
      for (let at = 0; at < lines.length; at += 5) paragraphs.push(lines.slice(at, at + 5).join(" "));
      const pdf = await typesetPdf({ title: title!, columns: 1, pageNumbers: true, blocks: paragraphs.map((paragraph) => ({ paragraph })) });
      await writeFile(path.join(folder, `${file.id}.pdf`), pdf.bytes);
    } else {
      await writeFile(path.join(folder, `${file.id}.txt`), file.text);
      textFiles.push(`${file.id}.txt`);
    }
  }
  return { folder, textFiles, questions: buildQueries(corpus, 5000).questions };
}

/** Sends /ask questions at a fixed concurrency until `until()` says stop. */
async function runLoad(port: number, keys: DiscordKeys, questions: readonly string[], until: () => boolean): Promise<Phase> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 30_000 });
  const phase: Phase = { latencies: [], tally: { errors: 0, errorSamples: [] } };
  let next = 0;
  let user = 0;
  const worker = async () => {
    while (!until()) {
      const question = questions[next++ % questions.length]!;
      // A user each, so the per-user rate limit measures nothing here.
      const request = signedDiscordRequest(keys.privateKey, discordInteraction("ask", { question }, String(400000000000000000n + BigInt(user++))));
      phase.latencies.push(await timeRequest(pool, request, phase.tally));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.close();
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

/** A word no document uses, different for each edit: `zqvab`, `zqvac`, … */
function markerWord(n: number): string {
  let word = "";
  for (let k = n + 27; k > 0; k = Math.floor(k / 26)) word = String.fromCharCode(97 + (k % 26)) + word;
  return `zqv${word}`;
}

/** Asks for the marker until an answer quotes the edited sentence: ms from the save to the first answer that does. */
async function timeUntilAnswerable(port: number, keys: DiscordKeys, marker: string, savedAt: number): Promise<number> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
  try {
    while (performance.now() - savedAt < PROBE_GIVE_UP_MS) {
      const request = signedDiscordRequest(keys.privateKey, discordInteraction("ask", { question: marker }, "499999999999999999"));
      const response = await pool.request({ path: request.path, method: "POST", headers: request.headers, body: request.body });
      const body = await response.body.text();
      // The quoted sentence, not the word alone: a reply saying the documents never mention it repeats the word.
      if (body.includes(`${marker} clause was added`)) return performance.now() - savedAt;
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
    return Infinity;
  } finally {
    await pool.close();
  }
}

function describePhase(label: string, phase: Phase): string {
  const p = (q: number) => formatMs(percentile(phase.latencies, q));
  return `${label.padEnd(28)} ${String(phase.latencies.length).padStart(6)} answers  p50 ${p(50).padStart(8)}  p99 ${p(99).padStart(8)}  max ${p(100).padStart(8)}  errors ${phase.tally.errors}${phase.tally.errorSamples.length ? ` (${phase.tally.errorSamples.join(", ")})` : ""}`;
}

async function main(): Promise<number> {
  console.log(`Ground Truth reload benchmark (node ${process.version}): ${DOCUMENTS} documents (${PDFS} PDFs), concurrency ${CONCURRENCY}, ${PHASE_SECONDS} s per phase`);
  const { folder, textFiles, questions } = await writeFolder();
  const keys = createDiscordKeys();
  const started = performance.now();
  const server = await startServerProcess("bench/load/botServer.ts", {
    ...botEnvironment(keys.publicKeyHex, { KNOWLEDGE_DIR: folder, LOG_LEVEL: "warn", BENCH_WATCH_KNOWLEDGE: "1" }),
  }, 600_000);
  const startUpMs = performance.now() - started;
  console.log(`start-up (folder loaded, listening): ${formatMs(startUpMs)}, peak RSS ${server.peakRssMb()} MB`);
  try {
    // Warm up (as long as a phase: the JIT and the reply cache settle), then the baseline: the same load, no edits.
    let stopAt = performance.now() + PHASE_SECONDS * 1000;
    await runLoad(server.port, keys, questions, () => performance.now() > stopAt);
    stopAt = performance.now() + PHASE_SECONDS * 1000;
    const baseline = await runLoad(server.port, keys, questions, () => performance.now() > stopAt);

    // The same load while a document is edited every second; each edit adds a sentence with a new word.
    stopAt = performance.now() + PHASE_SECONDS * 1000;
    const probes: Array<Promise<number>> = [];
    let edits = 0;
    const editing = setInterval(() => {
      if (performance.now() > stopAt) return;
      const marker = markerWord(edits);
      const file = textFiles[(edits * 37) % textFiles.length]!;
      edits++;
      void appendFile(path.join(folder, file), `\nThe ${marker} clause was added in review.\n`).then(() => {
        probes.push(timeUntilAnswerable(server.port, keys, marker, performance.now()));
      });
    }, EDIT_EVERY_MS);
    const during = await runLoad(server.port, keys, questions, () => performance.now() > stopAt);
    clearInterval(editing);
    const answerable = (await Promise.all(probes)).sort((a, b) => a - b);

    console.log(describePhase("without reloads (baseline)", baseline));
    console.log(describePhase("while editing 1 file/s", during));
    const ratio = percentile(during.latencies, 99) / percentile(baseline.latencies, 99);
    const found = answerable.filter(Number.isFinite);
    console.log(
      `edit answerable after save: ${found.length} of ${answerable.length} edits within ${PROBE_GIVE_UP_MS / 1000} s; ` +
        `median ${formatMs(percentile(answerable, 50))}, max ${formatMs(answerable.at(-1) ?? NaN)}`,
    );
    console.log(`peak RSS after the run: ${server.peakRssMb()} MB`);
    const targets: Array<[string, boolean]> = [
      [`zero errors (${baseline.tally.errors + during.tally.errors})`, baseline.tally.errors + during.tally.errors === 0],
      [`p99 during reloads within 2x of p99 without (${ratio.toFixed(2)}x)`, ratio <= 2],
      [`every edit answerable within 2 s (max ${formatMs(answerable.at(-1) ?? NaN)})`, answerable.length > 0 && answerable.at(-1)! <= 2_000],
    ];
    for (const [label, met] of targets) console.log(`${met ? "met    " : "NOT MET"} ${label}`);
    return targets.every(([, met]) => met) ? 0 : 1;
  } finally {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

process.exitCode = await main();
