/** Small timing helpers for the benchmarks: percentiles over repeated runs, and memory in MB. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): { p50: number; p99: number; max: number } {
  const times = inputs.map((input) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? NaN };
}

/**
 * Wall-clock time, and the process's CPU time (user + system, all threads): on a shared machine the wall
 * clock counts other processes' time slices too, the CPU time does not.
 */
export function timeOnce<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Each input's best time over `rounds` runs, as percentiles: a query's own cost, with a slice another process
 * took (or a collection that happened to fall in it) counted only if it struck every round.
 */
export function timeEachBest<T>(inputs: readonly T[], run: (input: T) => unknown, rounds = 3): { p50: number; p99: number; max: number } {
  const best = inputs.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, i) => {
      const start = performance.now();
      run(input);
      best[i] = Math.min(best[i]!, performance.now() - start);
    });
  }
  best.sort((a, b) => a - b);
  return { p50: percentile(best, 50), p99: percentile(best, 99), max: best.at(-1) ?? NaN };
}

export function rssMegabytes(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}
