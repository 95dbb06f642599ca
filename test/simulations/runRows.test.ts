// The tornado's rows from per-run counts equal the engine summary's rows of those metrics, and its probability rows,
// for the same scenario, runs and seed, however the runs are chunked.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {resultBuffers, simulateInto} from "../../simulations/model/engine.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {addRunCounts, rowsFromRuns, runRowsCover, type RunCounts} from "../../simulations/summary/runRows.ts";

const datasets = loadDatasets("data");
const scenario = (id: string) => engine.parseScenario(engine.scenarioFiles[id], `${id}.json`, engine.defaultLookup);

describe("summary rows from per-run counts", () => {
  for (const id of ["agreed", "cap-12", "prognosis-high"]) {
    it(`equal summaryRows and probabilityRows (${id})`, () => {
      const s = scenario(id);
      const inputs = engine.prepareInputs(datasets, s);
      const runs = 600;
      const {a} = engine.simulateSummaries({a: {inputs, scenario: s}, runs, seed: 5});
      let counts: RunCounts | undefined;
      for (const [first, n] of [[0, 250], [250, 350]] as const) counts = addRunCounts(counts, simulateInto(inputs, s, {runs: n, seed: 5, firstRun: first}, resultBuffers(n, inputs)));
      const metrics = ["backlog", "placed", "share"] as const;
      const fast = rowsFromRuns(counts!, metrics);
      expect(fast.rows).toEqual(engine.summaryRows(a).filter((r) => (metrics as readonly string[]).includes(r.metric)));
      expect(fast.probabilities).toEqual(engine.probabilityRows(a));
    });
  }
  it("cover the count metrics read as they are and the share, nothing derived", () => {
    expect(runRowsCover(["backlog", "placed", "share", "vacancies", "inflow"])).toBe(true);
    expect(runRowsCover(["gap"])).toBe(false);
    expect(runRowsCover(["shareSuitable"])).toBe(false);
  });
});
