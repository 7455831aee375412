import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParseFile, ParsedFile } from "./parseFile.js";
import type { ParseRequest } from "./parseWorker.js";

type Pending = { resolve: (result: ParsedFile) => void; reject: (error: Error) => void };

/**
 * Parses document files in one worker thread (node:worker_threads), started on first use: reading a PDF with
 * pdf.js and parsing a long essay take seconds of CPU that would otherwise hold every answer up. Only the parsed
 * document (plain data, one file per message) crosses back, so receiving it costs the main thread well under a
 * millisecond. A worker that dies fails the files it was parsing (reported by name) and is started again.
 */
export class WorkerParser {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  readonly parse: ParseFile = (directory, file, knownHash) =>
    new Promise<ParsedFile>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const request: ParseRequest = { id, directory, file, knownHash };
      this.start().postMessage(request);
    });

  /** Stops the worker; files still being parsed fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error("the knowledge store closed"));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on("message", (message: { id: number; result?: ParsedFile; error?: string }) => {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.result) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error ?? "the file could not be parsed"));
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error(`the parser stopped (${reason}); the file is tried again at the next reload`));
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/**
 * The worker's module beside this one: JavaScript when built; from source (tsx, vitest), the TypeScript module,
 * loaded through tsx's loader registered in the new thread (a worker does not inherit the main thread's hooks).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./parseWorker.js", import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/index\.cjs$/, "index.mjs");
  const entry = new URL("./parseWorker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}
