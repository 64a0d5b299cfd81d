// Summaries of repeated measurements (build times, loads, key presses, PDF exports): the one
// definition of median and p95 the benchmark reports.

export interface Stats {
  median: number;
  /** Nearest rank: a value that was really measured, never one between two samples. */
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Median, p95, min, max and count of `values` (NaN for none); the benchmark runs it per metric. */
export function summarize(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (index: number) => sorted[index] ?? NaN;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { median, p95: at(Math.max(0, Math.ceil(0.95 * n) - 1)), min: at(0), max: at(n - 1), n };
}
