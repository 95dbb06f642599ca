// The outcomes of the pages' default views, simulated at build time with the very engine the browser runs (same
// scenarios, runs and seed, so the same numbers bit for bit: summaries of run ranges merge exactly). A page whose
// inputs are at their defaults shows these at once instead of waiting for its workers; any change of a model input
// is simulated in the browser as before. Shared by the loaders src/data/overview.json.ts and comparison.json.ts:
// one file per page kind, so a page fetches only the outcome it shows.
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DEFAULT_RUNS, DEFAULT_SEED, defaultScenarios, flowRows, mergeJobSummaries, prepareInputs, probabilityRows, simulateSummaries, summaryRows, type Scenario} from "../../simulations/index.ts";
import {packedJsonText} from "../components/packed-json.ts";

const dataDir = process.env.FAIRSHARE_DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));

/** The default scenarios by id, and a function that simulates a (and b) as the page's engine pool would. */
export function defaultOutcomes() {
  const datasets = loadDatasets(dataDir);
  const scenarios = Object.fromEntries(defaultScenarios().map((s) => [s.id, s]));
  const outcome = (a: Scenario, b?: Scenario) => {
    const merged = mergeJobSummaries([
      simulateSummaries({a: {inputs: prepareInputs(datasets, a), scenario: a}, b: b && {inputs: prepareInputs(datasets, b), scenario: b}, runs: DEFAULT_RUNS, seed: DEFAULT_SEED, flows: !b})
    ]);
    return {
      a,
      ...(b ? {b} : {}),
      rows: summaryRows(merged.a),
      probabilities: probabilityRows(merged.a),
      // Who houses whose residents (the Overview's heat-map, each municipality's summary); only where pages show it.
      ...(b ? {} : {flows: flowRows(merged.a)}),
      ...(merged.b ? {rowsB: summaryRows(merged.b), probabilitiesB: probabilityRows(merged.b)} : {}),
      ...(merged.paired ? {paired: summaryRows(merged.paired)} : {}),
      runs: DEFAULT_RUNS,
      seed: DEFAULT_SEED,
      elapsedMs: 0,
      workerMs: 0,
      mergeMs: 0,
      workers: 0,
      atBuild: true
    };
  };
  return {scenarios, outcome};
}

/** Writes a loader's JSON to stdout, or its error to stderr with a failing exit code. */
export function emit(make: () => unknown): void {
  try {
    // Packed (src/components/packed-json.ts: a table's field names once; about a third of the size), unpacked by
    // getOverview and getDefaultComparison.
    process.stdout.write(packedJsonText(make()));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
