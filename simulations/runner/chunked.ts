// Runs a simulation in chunks of runs and keeps only the summaries: memory is bounded by the chunk size, not by
// the number of runs. Browser-safe; the worker pool runs the same function on each worker's share of the runs.
import {resultBuffers, simulateInto, type ResultBuffers} from "../model/engine.ts";
import type {ModelInputs} from "../model/inputs.ts";
import type {Scenario} from "../scenario/schema.ts";
import {addPaired, addResult, emptyPairedSummary, emptySummary, mergeSummary, summaryBuffers, type Metric, type Summary} from "../summary/accumulator.ts";

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
  /**
   * Count the origin × host flows (default true). Without them a summary holds the summary table alone, for about
   * 40% fewer values a run: for a page that draws no flows (a comparison, the Prognoses page).
   */
  readonly flows?: boolean;
  /** Count only these metrics of a and b (default all; see SummaryOptions.metrics): for a view that reads a few. */
  readonly metrics?: readonly Metric[] | undefined;
  /**
   * Replay the draws of an earlier job with the same data, seed and runs, and keep this job's (see
   * SimulateOptions.reuseDraws). Default: only within a comparison, whose b replays a's draws when their data agree.
   */
  readonly reuseDraws?: boolean;
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
  return addSummaries(job, undefined, onProgress);
}

// Result buffers of finished jobs: the next job (a worker's next range, the next chunked call, a page's next
// request) reuses them instead of faulting in fresh pages, which costs as much as simulating on a slow machine.
// Held strongly (at most two sets, the newest): a WeakRef is cleared by the next major collection, which in a Web
// Worker between two slider moves is nearly always, so weakly held buffers were seldom there to reuse.
// Safe because a job's results never leave it: only the summaries (copied counts) are returned.
let spare: ResultBuffers[] = [];

function takeBuffers(runs: number, inputs: ModelInputs): ResultBuffers {
  const size = runs * inputs.years.length * (inputs.municipalities.length + 1);
  for (let i = 0; i < spare.length; i++) {
    const b = spare[i]!;
    if (b.vacancies.length >= size) {
      spare.splice(i, 1);
      return b;
    }
  }
  return resultBuffers(runs, inputs);
}

function giveBack(...buffers: (ResultBuffers | undefined)[]): void {
  for (const b of buffers) if (b) spare.push(b);
  if (spare.length > 2) spare = spare.slice(-2);
}

/**
 * `simulateSummaries`, adding to the summaries `into` (of earlier runs of the same job, e.g. a worker's earlier
 * ranges) instead of starting empty; returns them. Counts are integers, so this is the same as merging.
 *
 * @example
 * let s = addSummaries({a, runs: 10_000, seed: 1});
 * s = addSummaries({a, runs: 10_000, seed: 1, firstRun: 10_000}, s);
 */
export function addSummaries(job: SummaryJob, into?: JobSummaries, onProgress?: (runsDone: number) => void): JobSummaries {
  const chunk = job.chunkSize ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunkSize must be a positive integer, got ${chunk}`);
  if (!Number.isInteger(job.runs) || job.runs < 1) throw new Error(`runs must be a positive integer, got ${job.runs}`);
  const first = job.firstRun ?? 0;
  let a: Summary | undefined = into?.a;
  let b: Summary | undefined = into?.b;
  let paired: Summary | undefined = into?.paired;
  const size = Math.min(chunk, job.runs);
  const bufA = takeBuffers(size, job.a.inputs);
  const bufB = job.b ? takeBuffers(size, job.b.inputs) : undefined;
  for (let done = 0; done < job.runs; done += chunk) {
    const options = {runs: Math.min(chunk, job.runs - done), seed: job.seed, firstRun: first + done, reuseDraws: job.reuseDraws ?? job.b !== undefined};
    const ra = simulateInto(job.a.inputs, job.a.scenario, options, bufA);
    a ??= emptySummary(ra, {flows: job.flows ?? true, metrics: job.metrics});
    addResult(a, ra);
    if (job.b) {
      const rb = simulateInto(job.b.inputs, job.b.scenario, options, bufB);
      b ??= emptySummary(rb, {flows: job.flows ?? true, metrics: job.metrics});
      paired ??= emptyPairedSummary(ra, rb);
      addResult(b, rb);
      addPaired(paired, ra, rb);
    }
    onProgress?.(done + options.runs);
  }
  giveBack(bufA, bufB);
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

/**
 * The buffers of a job's summaries, as the transfer list of `postMessage`: the summaries move to the other thread
 * (a few megabytes, no copy) and are no longer usable on this one.
 *
 * @example
 * port.postMessage({type: "done", summaries}, jobSummaryBuffers(summaries));
 */
export function jobSummaryBuffers(summaries: JobSummaries): ArrayBuffer[] {
  const parts = [summaries.a, summaries.b, summaries.paired].filter((s): s is Summary => s !== undefined);
  return [...new Set(parts.flatMap(summaryBuffers))];
}
