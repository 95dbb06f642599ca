// One chunked pass that yields both the engine's summary and the burden summary of a scenario: memory bounded
// by the chunk, numbers independent of it (run r's draws do not depend on the chunking).
import {resultBuffers, simulateInto} from "../model/engine.ts";
import {DEFAULT_CHUNK, type Prepared} from "../runner/chunked.ts";
import {addResult, emptySummary, type Summary} from "../summary/accumulator.ts";
import {SHARE_BAND} from "../agreement.ts";
import {measureBasis} from "./definitions.ts";
import {addBurdens, emptyBurdenSummary, type BurdenSummary} from "./summary.ts";

export interface BurdenJob {
  readonly a: Prepared;
  readonly runs: number;
  readonly seed: number;
  readonly firstRun?: number;
  /** Runs simulated at once (default 10,000): memory and speed only, never the numbers. */
  readonly chunkSize?: number;
  /** Band of the share of lettings (default the agreed 7-18%). */
  readonly band?: readonly [number, number];
}

/**
 * Simulates `runs` runs chunk by chunk and returns the engine's summary and the burden summary.
 *
 * @example
 * const {summary, burdens} = simulateBurdens({a: {inputs, scenario}, runs: 5000, seed: 1});
 * bandRows(burdens).filter((r) => r.municipality === "regio");
 */
export function simulateBurdens(job: BurdenJob): {summary: Summary; burdens: BurdenSummary} {
  const chunk = job.chunkSize ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunkSize must be a positive integer, got ${chunk}`);
  if (!Number.isInteger(job.runs) || job.runs < 1) throw new Error(`runs must be a positive integer, got ${job.runs}`);
  const first = job.firstRun ?? 0;
  const buffers = resultBuffers(Math.min(chunk, job.runs), job.a.inputs);
  const basis = measureBasis(job.a.inputs.basis);
  let summary: Summary | undefined;
  let burdens: BurdenSummary | undefined;
  for (let done = 0; done < job.runs; done += chunk) {
    const r = simulateInto(job.a.inputs, job.a.scenario, {runs: Math.min(chunk, job.runs - done), seed: job.seed, firstRun: first + done}, buffers);
    summary ??= emptySummary(r);
    burdens ??= emptyBurdenSummary(r, basis, job.band ?? SHARE_BAND);
    addResult(summary, r);
    addBurdens(burdens, r);
  }
  return {summary: summary!, burdens: burdens!};
}
