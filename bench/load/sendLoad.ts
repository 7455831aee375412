/**
 * Sends a fixed list of requests to one server at a fixed concurrency over pooled keep-alive connections, and
 * measures throughput, latency and errors. Requests are signed before the clock starts, so signing is not
 * charged to the server.
 */
import { Pool } from "undici";
import { percentile } from "../measure.js";
import type { SignedRequest } from "../../tests/support/signedRequests.js";

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than 200, and requests that failed outright. */
  errors: number;
  /** Status (or error name) of the first few errors, to say what went wrong. */
  errorSamples: string[];
}

export async function sendLoad(port: number, requests: readonly SignedRequest[], concurrency: number): Promise<LoadResult> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  const tally: ErrorTally = { errors: 0, errorSamples: [] };
  let next = 0;

  const worker = async () => {
    while (next < requests.length) latencies.push(await timeRequest(pool, requests[next++]!, tally));
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();

  latencies.sort((a, b) => a - b);
  return {
    requests: requests.length,
    seconds,
    perSecond: requests.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    ...tally,
  };
}

export interface ErrorTally {
  /** Responses other than 200, and requests that failed outright. */
  errors: number;
  /** Status (or error code) of the first few errors. */
  errorSamples: string[];
}

/** Sends one signed request and reads the whole answer: its latency in ms, and any error counted in `tally`. */
export async function timeRequest(pool: Pool, signed: SignedRequest, tally: ErrorTally): Promise<number> {
  const started = performance.now();
  try {
    const response = await pool.request({ path: signed.path, method: "POST", headers: signed.headers, body: signed.body, headersTimeout: 10_000 });
    await response.body.dump({ limit: Infinity });
    if (response.statusCode !== 200) {
      tally.errors++;
      if (tally.errorSamples.length < 5) tally.errorSamples.push(`HTTP ${response.statusCode}`);
    }
  } catch (error) {
    tally.errors++;
    if (tally.errorSamples.length < 5) tally.errorSamples.push(error instanceof Error ? ((error as { code?: string }).code ?? error.name) : String(error));
  }
  return performance.now() - started;
}
