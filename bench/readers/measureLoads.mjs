/**
 * Child process of `npm run bench:readers`: start-up and document loads measured in a fresh process, so the
 * figures are the runtime's own (plain node on the compiled bot, or tsx as `npm start` runs it).
 * Usage: measureLoads.mjs <knowledge module> <folder>... ; prints one JSON object.
 */
const [modulePath, ...folders] = process.argv.slice(2);
const megabytes = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

const rssAtStart = megabytes();
let start = performance.now();
const { loadKnowledge } = await import(modulePath);
await loadKnowledge("knowledge");
const startup = { ms: performance.now() - start, rssBefore: rssAtStart, rssAfter: megabytes(), pdfJsLoaded: "pdfjsLib" in globalThis };

const loads = [];
for (const folder of folders) {
  const times = [];
  let passages = 0;
  for (let run = 0; run < 4; run++) {
    start = performance.now();
    const knowledge = await loadKnowledge(folder);
    times.push(performance.now() - start);
    if (knowledge.errors.length > 0) throw new Error(`${folder}: ${JSON.stringify(knowledge.errors)}`);
    passages = knowledge.passageCount;
  }
  loads.push({ folder, passages, firstMs: times[0], warmMs: Math.min(...times.slice(1)), rssAfter: megabytes() });
}
process.stdout.write(`${JSON.stringify({ startup, loads, peakRss: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
