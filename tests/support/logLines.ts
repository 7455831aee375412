import { Writable } from "node:stream";
import pino, { type Logger } from "pino";

/** A logger whose JSON lines the test can read back (`lines()`), at every level from debug. */
export function capturingLogger(level = "debug"): { logger: Logger; lines: () => Array<Record<string, unknown> & { msg: string; level: number }> } {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ level }, destination);
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; level: number }) };
}

export const quietLogger: Logger = pino({ level: "silent" });
