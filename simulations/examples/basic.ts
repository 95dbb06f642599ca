// A runnable example of the public API (also in simulations/README.md): npx tsx simulations/examples/basic.ts
import {loadDatasets} from "../../loaders/datasets.ts";
import {compare, defaultLookup, parseScenario, prepareInputs, probabilities, scenarioFiles, simulate, summarize, toCsv} from "../index.ts";

/** Simulates the agreed scenario and "immediate fair share" with common random numbers; returns three tables. */
export function example(runs = 10_000, seed = 1) {
  const datasets = loadDatasets("data");
  const agreed = parseScenario(scenarioFiles["agreed"], "agreed.json", defaultLookup);
  const immediate = parseScenario(scenarioFiles["immediate"], "immediate.json", defaultLookup);

  const a = simulate(prepareInputs(datasets, agreed), agreed, {runs, seed});
  const b = simulate(prepareInputs(datasets, immediate), immediate, {runs, seed});

  const summary = summarize(a); // rows {scenario, year, municipality, metric, mean, p5, p25, p50, p75, p95}
  const risks = probabilities(a); // rows {scenario, year, municipality, capShare, pExceedCap, pMissTarget}
  const differences = compare(a, b); // paired differences, scenario "immediate-agreed"
  return {summary, risks, differences};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {summary, risks, differences} = example();
  const pick = <T extends {year: number; municipality: string}>(rows: T[]) => rows.filter((r) => r.year === 2030 && r.municipality === "Soest");
  console.log(toCsv(pick(summary)));
  console.log(toCsv(pick(risks)));
  console.log(toCsv(pick(differences)));
}
