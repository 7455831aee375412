/**
 * The worker thread that reads, hashes and parses document files for the knowledge store (see
 * parseInWorker.ts): a 50 MB PDF or a folder of 1,000 files is parsed here, so answers keep flowing on the
 * main thread. One request at a time, each answered with the parsed document or the reason the file fails.
 */
import { parentPort } from "node:worker_threads";
import { parseFileHere } from "./parseFile.js";

export interface ParseRequest {
  id: number;
  directory: string;
  file: string;
  knownHash?: string;
}

parentPort?.on("message", (request: ParseRequest) => {
  parseFileHere(request.directory, request.file, request.knownHash).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
