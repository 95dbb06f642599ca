// The engine as the browser gets it: everything the pages and workers call, and nothing that validates scenario
// files. Validation (zod) stays on the Node side: src/data/scenarios.json.ts parses the scenario files at build
// time, and pages compose new scenarios only from parts that were validated there. That keeps the browser bundle
// small (zod alone was 470 KB of 521 KB); test/build/bundle-size.test.ts holds it to its budget.
export * from "../../simulations/agreement.ts";
export {adjustDatasets, AS_IN_DATA, type DataAssumptions} from "../../simulations/model/assumptions.ts";
export {prepareInputs, dataChoices, type ModelInputs} from "../../simulations/model/inputs.ts";
export {yearTargets, rampPeriod, rampTotal, fixedMembers} from "../../simulations/model/ramp.ts";
export {keyShares, type KeyBasis} from "../../simulations/model/key.ts";
export {METRICS, type Metric} from "../../simulations/summary/accumulator.ts";
export {summaryRows, probabilityRows, flowRows, type SummaryRow, type ProbabilityRow, type FlowRow} from "../../simulations/summary/rows.ts";
export {toCsv} from "../../simulations/summary/csv.ts";
export {simulateSummaries, mergeJobSummaries, jobSummaryBuffers, type JobSummaries} from "../../simulations/runner/chunked.ts";
// For the worker pool only (pages reach them through src/components/engine.ts; see EngineExtras).
export {simulateInto, resultBuffers, runCost} from "../../simulations/model/engine.ts";
export {giveBack} from "../../simulations/summary/memory.ts";
export {burdenRuns, joinBurdenRuns, burdenRunsOutcome, burdenSample, joinBurdenSamples, burdenSampleOutcome, type BurdenRuns, type BurdenSample, type BurdenRunsOutcome} from "../../simulations/measures/burdenRuns.ts";
/** What the bundle exports for the worker pool alone: the `Engine` that views take leaves these out. */
export type EngineExtras = "simulateInto" | "resultBuffers" | "giveBack" | "burdenRuns" | "joinBurdenRuns" | "burdenRunsOutcome" | "burdenSample" | "joinBurdenSamples" | "burdenSampleOutcome";
export * from "../../simulations/fairness.ts";
export {apportion} from "../../simulations/model/apportion.ts";
export type {Scenario, KeyWeights, RampPeriod} from "../../simulations/scenario/schema.ts";
