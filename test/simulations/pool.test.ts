import {describe, expect, it} from "vitest";
import {prepareInputs, simulateSummaries, summaryRows, probabilityRows} from "../../simulations/index.ts";
import {runPool} from "../../simulations/runner/pool.ts";
import {fixtureDatasets, scenario} from "./fixtures.ts";

describe("worker pool", () => {
  it("one thread, one worker and two workers give identical summaries and paired differences", async () => {
    const datasets = fixtureDatasets();
    const a = scenario({id: "a", inflowDispersion: 0.2});
    const b = scenario({id: "b", cap: 0.1, spillOver: true, inflowDispersion: 0.2});
    const job = {a: {inputs: prepareInputs(datasets, a), scenario: a}, b: {inputs: prepareInputs(datasets, b), scenario: b}, runs: 1000, seed: 11, chunkSize: 70};
    const single = simulateSummaries({...job, chunkSize: 1000});
    let progress = 0;
    const one = await runPool(job, {workers: 1});
    const two = await runPool(job, {workers: 2, onProgress: (done) => (progress = done)});
    expect(progress).toBe(1000);
    for (const s of [one, two]) {
      expect(summaryRows(s.a)).toEqual(summaryRows(single.a));
      expect(summaryRows(s.b!)).toEqual(summaryRows(single.b!));
      expect(summaryRows(s.paired!)).toEqual(summaryRows(single.paired!));
      expect(probabilityRows(s.b!)).toEqual(probabilityRows(single.b!));
    }
    expect(two.a.runs).toBe(1000);
  });

  it("without flows (a page that draws none): the same summary table, no flows counted, on one thread and in the pool", async () => {
    const s = scenario({id: "a"});
    const job = {a: {inputs: prepareInputs(fixtureDatasets(), s), scenario: s}, runs: 600, seed: 4, chunkSize: 250};
    const full = simulateSummaries(job);
    const lean = simulateSummaries({...job, flows: false});
    const pooled = await runPool({...job, flows: false}, {workers: 2});
    expect(full.a.flows.n.length).toBeGreaterThan(0);
    for (const x of [lean, pooled]) {
      expect(x.a.flows.n.length).toBe(0);
      expect(summaryRows(x.a)).toEqual(summaryRows(full.a));
      expect(probabilityRows(x.a)).toEqual(probabilityRows(full.a));
    }
  });

  it("with a few metrics (the tornado's): the pool counts those alone, as one thread does", async () => {
    const s = scenario({id: "a"});
    const job = {a: {inputs: prepareInputs(fixtureDatasets(), s), scenario: s}, runs: 600, seed: 4, chunkSize: 250, flows: false, metrics: ["backlog"] as const};
    const single = simulateSummaries(job);
    const pooled = await runPool(job, {workers: 2});
    expect(pooled.a.metrics).toEqual(single.a.metrics);
    expect(summaryRows(pooled.a)).toEqual(summaryRows(single.a));
  });

  it("reports a worker's error instead of hanging", async () => {
    const s = scenario();
    const inputs = prepareInputs(fixtureDatasets(), s);
    const broken = {...s, ramp: [{from: 2025, to: 2026, region: 227}]};
    await expect(runPool({a: {inputs, scenario: broken}, runs: 200, seed: 1, chunkSize: 50}, {workers: 2})).rejects.toThrow(/no period that covers 2027/);
  });
});
