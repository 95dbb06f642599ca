// A summary of a few metrics (the tornado's) gives those metrics' rows and the probability rows of a full summary,
// bit for bit, however the runs are chunked or split over workers; it refuses to merge with a summary of others.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import type {Metric} from "../../simulations/summary/accumulator.ts";

const datasets = loadDatasets("data");
const scenario = (id: string) => engine.parseScenario(engine.scenarioFiles[id], `${id}.json`, engine.defaultLookup);

describe("a summary of a few metrics", () => {
  const wanted: readonly Metric[] = ["backlog", "placed", "share"];
  for (const id of ["agreed", "cap-12", "prognosis-high"]) {
    it(`gives the full summary's rows of those metrics and its probability rows (${id})`, () => {
      const s = scenario(id);
      const inputs = engine.prepareInputs(datasets, s);
      const {a: full} = engine.simulateSummaries({a: {inputs, scenario: s}, runs: 600, seed: 5, flows: false});
      // In two chunks, and as two workers' ranges merged: the same numbers.
      const chunked = engine.simulateSummaries({a: {inputs, scenario: s}, runs: 600, seed: 5, flows: false, metrics: wanted, chunkSize: 250}).a;
      const ranges = engine.mergeJobSummaries([0, 350].map((firstRun) => engine.simulateSummaries({a: {inputs, scenario: s}, runs: firstRun === 0 ? 350 : 250, firstRun, seed: 5, flows: false, metrics: wanted})));
      for (const few of [chunked, ranges.a]) {
        for (const m of wanted) expect(few.metrics).toContain(m);
        expect(engine.summaryRows(few)).toEqual(engine.summaryRows(full).filter((r) => few.metrics.includes(r.metric)));
        expect(engine.probabilityRows(few)).toEqual(engine.probabilityRows(full));
      }
    });
  }

  it("counts what the probability rows read and nothing else", () => {
    const s = scenario("agreed");
    const {a} = engine.simulateSummaries({a: {inputs: engine.prepareInputs(datasets, s), scenario: s}, runs: 200, seed: 1, flows: false, metrics: ["backlog"]});
    expect(a.metrics).toEqual(["placed", "backlog", "gap", "share"].sort((x, y) => engine.METRICS.indexOf(x as Metric) - engine.METRICS.indexOf(y as Metric)));
    expect(new Set(engine.summaryRows(a).map((r) => r.metric))).toEqual(new Set(a.metrics));
    expect(a.counts.inflow.counts.length).toBe(0);
  });

  it("does not merge with a summary of other metrics, and refuses an unknown metric", () => {
    const s = scenario("agreed");
    const inputs = engine.prepareInputs(datasets, s);
    const few = engine.simulateSummaries({a: {inputs, scenario: s}, runs: 100, seed: 1, flows: false, metrics: ["backlog"]});
    const all = engine.simulateSummaries({a: {inputs, scenario: s}, runs: 100, firstRun: 100, seed: 1, flows: false});
    expect(() => engine.mergeJobSummaries([few, all])).toThrow(/cannot merge/);
    // As many metrics, other ones: backlog or inflow, each with placed, gap and share.
    const other = engine.simulateSummaries({a: {inputs, scenario: s}, runs: 100, firstRun: 100, seed: 1, flows: false, metrics: ["inflow"]});
    expect(() => engine.mergeJobSummaries([few, other])).toThrow(/cannot merge/);
    expect(() => engine.simulateSummaries({a: {inputs, scenario: s}, runs: 10, seed: 1, metrics: ["wachtenden" as Metric]})).toThrow(/unknown metric "wachtenden"/);
  });
});
