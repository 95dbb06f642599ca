// The golden flow table: the agreed scenario's origin × host flows (flowRows), as CSV.
import {loadDatasets} from "../../loaders/datasets.ts";
import {defaultLookup, flowRows, parseScenario, prepareInputs, scenarioFiles, simulateSummaries, toCsv} from "../../simulations/index.ts";

export const GOLDEN_RUNS = 2000;

/** The flow rows of a default scenario, GOLDEN_RUNS runs, seed 1, on data/, as CSV. */
export function flowsCsv(id: string): string {
  const scenario = parseScenario(scenarioFiles[id], `${id}.json`, defaultLookup);
  const {a} = simulateSummaries({a: {inputs: prepareInputs(loadDatasets("data"), scenario), scenario}, runs: GOLDEN_RUNS, seed: 1});
  return toCsv(flowRows(a), ["scenario", "period", "origin", "host", "mean", "p5", "p25", "p50", "p75", "p95"]);
}
