// Runs a simulation in chunks of runs and keeps only the summaries: memory is bounded by the chunk size, not by
// the number of runs. Browser-safe; the worker pool runs the same function on each worker's share of the runs.
import {resultBuffers, simulateInto} from "../model/engine.ts";
import type {ModelInputs} from "../model/inputs.ts";
import type {Scenario} from "../scenario/schema.ts";
import {addPaired, addResult, emptyPairedSummary, emptySummary, mergeSummary, type Summary} from "../summary/accumulator.ts";

/** A scenario with the inputs prepared for it. */
export interface Prepared {
  readonly inputs: ModelInputs;
  readonly scenario: Scenario;
}

export interface SummaryJob {
  readonly a: Prepared;
  /** A second scenario, run on the same runs (common random numbers), for paired differences b − a. */
  readonly b?: Prepared | undefined;
  readonly runs: number;
  readonly seed: number;
  /** First run index (default 0). */
  readonly firstRun?: number;
  /** Runs simulated at once (default 10,000); only affects memory and speed, never the numbers. */
  readonly chunkSize?: number;
}

/** Summaries of a job: of a, of b, and of the paired differences b − a. */
export interface JobSummaries {
  readonly a: Summary;
  readonly b?: Summary | undefined;
  readonly paired?: Summary | undefined;
}

export const DEFAULT_CHUNK = 10_000;

/**
 * Simulates `runs` runs chunk by chunk and returns their summaries. `onProgress(done)` is called after each chunk.
 *
 * @example
 * const {a} = simulateSummaries({a: {inputs, scenario}, runs: 1_000_000, seed: 1});
 * summaryRows(a);
 */
export function simulateSummaries(job: SummaryJob, onProgress?: (runsDone: number) => void): JobSummaries {
  const chunk = job.chunkSize ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunkSize must be a positive integer, got ${chunk}`);
  if (!Number.isInteger(job.runs) || job.runs < 1) throw new Error(`runs must be a positive integer, got ${job.runs}`);
  const first = job.firstRun ?? 0;
  let a: Summary | undefined;
  let b: Summary | undefined;
  let paired: Summary | undefined;
  const size = Math.min(chunk, job.runs);
  const bufA = resultBuffers(size, job.a.inputs);
  const bufB = job.b ? resultBuffers(size, job.b.inputs) : undefined;
  for (let done = 0; done < job.runs; done += chunk) {
    const options = {runs: Math.min(chunk, job.runs - done), seed: job.seed, firstRun: first + done};
    const ra = simulateInto(job.a.inputs, job.a.scenario, options, bufA);
    a ??= emptySummary(ra);
    addResult(a, ra);
    if (job.b) {
      const rb = simulateInto(job.b.inputs, job.b.scenario, options, bufB);
      b ??= emptySummary(rb);
      paired ??= emptyPairedSummary(ra, rb);
      addResult(b, rb);
      addPaired(paired, ra, rb);
    }
    onProgress?.(done + options.runs);
  }
  return {a: a!, b, paired};
}

/** Merges the summaries of consecutive run ranges (e.g. from workers), in order. */
export function mergeJobSummaries(parts: readonly JobSummaries[]): JobSummaries {
  if (parts.length === 0) throw new Error("mergeJobSummaries: nothing to merge");
  const [first, ...rest] = parts;
  for (const p of rest) {
    mergeSummary(first!.a, p.a);
    if (first!.b && p.b) mergeSummary(first!.b, p.b);
    if (first!.paired && p.paired) mergeSummary(first!.paired, p.paired);
  }
  return first!;
}
