/**
 * `npm run bench:readers`: what the document readers cost. A 30-page two-column PDF (running header, page
 * numbers, hyphenated line ends), and a Word document and a web page of the same text, are built in code; a
 * fresh process then measures start-up with the seed folder (the readers' libraries must not load yet) and
 * each format's first load (which imports its library) and warm load, with RSS after each. It runs twice:
 * on the compiled bot under plain node, as the Docker image runs it, and under tsx, as `npm start` does.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { savedWebPage, wordDocument, type WordBlock } from "../tests/knowledge/readers/fixtures.js";
import { sampleParagraphs, typesetPdf, type Block } from "../tests/knowledge/readers/typesetPdf.js";
import { formatMs } from "./measure.js";

const run = promisify(execFile);
const PAGES = 30;
const SECTIONS = 8;
/** Compiled here, inside the repository, so the build resolves the project's node_modules. */
const BUILD = path.resolve("node_modules/.cache/ground-truth-bench-readers");
const CHILD = path.resolve("bench/readers/measureLoads.mjs");

interface Measured {
  startup: { ms: number; rssBefore: number; rssAfter: number; pdfJsLoaded: boolean };
  loads: Array<{ folder: string; passages: number; firstMs: number; warmMs: number; rssAfter: number }>;
  peakRss: number;
}

type Sections = { heading: string; paragraphs: string[] }[];

function sectionsOf(paragraphCount: number): Sections {
  const paragraphs = sampleParagraphs(paragraphCount, 11);
  const perSection = Math.ceil(paragraphCount / SECTIONS);
  return Array.from({ length: SECTIONS }, (_, i) => ({ heading: `Part ${i + 1} of the Basin Study`, paragraphs: paragraphs.slice(i * perSection, (i + 1) * perSection) }));
}

/** The fewest paragraphs that fill `PAGES` pages of two columns, typeset. */
async function buildPdf(): Promise<{ bytes: Uint8Array; pages: number; sections: Sections }> {
  for (let count = 200; ; count += 10) {
    const sections = sectionsOf(count);
    const blocks: Block[] = sections.flatMap((section) => [{ heading: section.heading }, ...section.paragraphs.map((paragraph) => ({ paragraph }))]);
    const pdf = await typesetPdf({ title: "The Basin Study", columns: 2, header: "Basin Review · Volume 4", pageNumbers: true, hyphenate: true, blocks });
    if (pdf.pageCount >= PAGES) return { bytes: pdf.bytes, pages: pdf.pageCount, sections };
  }
}

async function main(): Promise<void> {
  console.log(`Ground Truth document readers benchmark (node ${process.version})`);
  const { bytes, pages, sections } = await buildPdf();
  const wordBlocks: WordBlock[] = [{ title: "The Basin Study" }, ...sections.flatMap((section): WordBlock[] => [{ heading: section.heading, level: 1 }, ...section.paragraphs.map((paragraph) => ({ paragraph }))])];
  const root = mkdtempSync(path.join(tmpdir(), "gt-bench-readers-"));
  try {
    const files: Array<[string, Uint8Array | string]> = [
      ["basin-study.pdf", bytes],
      ["basin-study.docx", await wordDocument(wordBlocks)],
      ["basin-study.html", savedWebPage({ title: "The Basin Study", sections })],
    ];
    const folders = files.map(([file, content]) => {
      const folder = path.join(root, path.extname(file).slice(1));
      mkdirSync(folder);
      writeFileSync(path.join(folder, file), content);
      return { file, folder };
    });
    const sizes = folders.map(({ file, folder }) => `${path.extname(file).slice(1)} ${Math.round(statSync(path.join(folder, file)).size / 1024)} KB`);
    console.log(`fixtures: a ${pages}-page two-column PDF, and a Word document and a web page of the same ${sections.flatMap((s) => s.paragraphs).length} paragraphs (${sizes.join(", ")})`);

    console.log("compiling the bot for plain node…");
    await run("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", BUILD]);
    const runtimes: Array<[string, string, string[]]> = [
      ["node (compiled, as in Docker)", process.execPath, [CHILD, path.join(BUILD, "knowledge/index.js")]],
      ["tsx (npm start, npm run ask)", path.resolve("node_modules/.bin/tsx"), [CHILD, path.resolve("src/knowledge/index.ts")]],
    ];
    const results: Record<string, Measured> = {};
    for (const [name, command, args] of runtimes) {
      const { stdout } = await run(command, [...args, ...folders.map(({ folder }) => folder)], { maxBuffer: 1 << 20 });
      const measured = JSON.parse(stdout) as Measured;
      results[name] = measured;
      const { startup } = measured;
      console.log(`\n${name}`);
      console.log(`  start-up (knowledge module + seed folder): ${formatMs(startup.ms)}, RSS ${startup.rssBefore} → ${startup.rssAfter} MB, pdf.js loaded: ${startup.pdfJsLoaded ? "yes" : "no"}`);
      console.log(`  ${"format".padEnd(8)}${"passages".padStart(10)}${"first load".padStart(12)}${"warm load".padStart(12)}${"RSS after".padStart(11)}`);
      for (const load of measured.loads) {
        console.log(`  ${path.basename(load.folder).padEnd(8)}${String(load.passages).padStart(10)}${formatMs(load.firstMs).padStart(12)}${formatMs(load.warmMs).padStart(12)}${`${load.rssAfter} MB`.padStart(11)}`);
      }
      console.log(`  peak RSS ${measured.peakRss} MB; PDF ${formatMs(measured.loads[0]!.warmMs / pages)} a page warm`);
    }

    const compiled = results[runtimes[0]![0]]!;
    const targets = [
      ["no reader library is loaded at start-up (pdf.js checked)", Object.values(results).every((r) => !r.startup.pdfJsLoaded)],
      [`the ${pages}-page PDF loads within 2 s warm on the compiled bot`, compiled.loads[0]!.warmMs < 2000],
      ["reading the three formats adds under 150 MB RSS to the compiled bot", compiled.loads.at(-1)!.rssAfter - compiled.startup.rssAfter < 150],
    ] as const;
    console.log("");
    for (const [label, met] of targets) console.log(`${met ? "met   " : "MISSED"} ${label}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
