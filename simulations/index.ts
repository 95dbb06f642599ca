// The public, browser-safe API of the engine: no node imports here or below (the pages bundle this with esbuild).
// Node-only parts (files, worker pool, command line) live in scenario/files.ts, runner/pool.ts and cli/.
import type {SimulationResult} from "./model/engine.ts";
import {addPaired, addResult, emptyPairedSummary, emptySummary} from "./summary/accumulator.ts";
import {flowRows, probabilityRows, summaryRows, type FlowRow, type ProbabilityRow, type SummaryRow} from "./summary/rows.ts";

export {scenarioSchema, scenarioFileSchema, scenarioJsonSchema, type Scenario, type ScenarioInput, type RampPeriod, type KeyWeights} from "./scenario/schema.ts";
export {parseScenario, type BaseLookup} from "./scenario/parse.ts";
export {ScenarioError} from "./scenario/errors.ts";
export {scenarioFiles, defaultScenarios, defaultLookup} from "./scenarios/index.ts";
export * from "./agreement.ts";
export {adjustDatasets, AS_IN_DATA, type DataAssumptions} from "./model/assumptions.ts";
export {prepareInputs, dataChoices, type ModelInputs} from "./model/inputs.ts";
export {PLACEMENTS, PROGNOSES} from "./scenario/schema.ts";
export {simulate, runCost, type SimulationResult, type SimulateOptions} from "./model/engine.ts";
export {yearTargets, rampPeriod, rampTotal, fixedMembers} from "./model/ramp.ts";
export {keyShares, type KeyBasis} from "./model/key.ts";
export {apportion} from "./model/apportion.ts";
export {METRICS, type Metric, type Summary, type SummaryOptions, emptySummary, emptyPairedSummary, addResult, addPaired, mergeSummary, summaryBuffers, runMetrics} from "./summary/accumulator.ts";
export {summaryRows, probabilityRows, flowRows, type SummaryRow, type ProbabilityRow, type FlowRow} from "./summary/rows.ts";
export {toCsv} from "./summary/csv.ts";
export {simulateSummaries, mergeJobSummaries, jobSummaryBuffers, type SummaryJob, type JobSummaries, type Prepared} from "./runner/chunked.ts";
export type {Calibration, GammaBelief, MunicipalityCalibration} from "./model/calibration.ts";
export * from "./fairness.ts";

/**
 * The summary table of a result: per year, municipality ("regio" for the total) and metric, the mean and the
 * P5, P25, P50, P75 and P95 over runs.
 *
 * @example
 * const rows = summarize(simulate(inputs, scenario, {runs: 10_000, seed: 1}));
 * rows.find((r) => r.year === 2030 && r.municipality === "regio" && r.metric === "placed")?.p50;
 */
export function summarize(result: SimulationResult): SummaryRow[] {
  const s = emptySummary(result, {flows: false});
  addResult(s, result);
  return summaryRows(s);
}

/**
 * Per year and municipality: P(placements exceed the cap share — the scenario's cap, or 18% without one) and
 * P(placements fall short of the target).
 *
 * @example
 * probabilities(result).filter((r) => r.pMissTarget > 0.5);
 */
export function probabilities(result: SimulationResult): ProbabilityRow[] {
  const s = emptySummary(result, {flows: false});
  addResult(s, result);
  return probabilityRows(s);
}

/**
 * Paired differences B − A, run by run (both simulated with the same seed and runs, so the difference is policy
 * alone), summarised like `summarize`; the scenario column reads "B-A" with the two ids.
 *
 * @example
 * compare(simulate(inputs, agreed, opts), simulate(inputs, immediate, opts))[0].scenario; // "immediate-agreed"
 */
export function compare(resultA: SimulationResult, resultB: SimulationResult): SummaryRow[] {
  const s = emptyPairedSummary(resultA, resultB);
  addPaired(s, resultA, resultB);
  return summaryRows(s);
}

/**
 * The origin × host flows of a result (per year and for the whole period), summarised over runs; see `flowRows`.
 *
 * @example
 * flows(simulate(inputs, scenario, {runs: 10_000, seed: 1})).find((r) => r.period === "2025-2030" && r.origin === "Amersfoort" && r.host === "Soest")?.mean;
 */
export function flows(result: SimulationResult): FlowRow[] {
  const s = emptySummary(result);
  addResult(s, result);
  return flowRows(s);
}
