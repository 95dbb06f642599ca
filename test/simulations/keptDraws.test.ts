import {describe, expect, it} from "vitest";
import {adjustDatasets, prepareInputs, simulate, type Scenario} from "../../simulations/index.ts";
import type {ModelInputs} from "../../simulations/model/inputs.ts";
import {resultBuffers, simulateInto, type SimulationResult} from "../../simulations/model/engine.ts";
import {KeptDraws} from "../../simulations/model/keptDraws.ts";
import {simulateSummaries} from "../../simulations/runner/chunked.ts";
import {summaryRows} from "../../simulations/summary/rows.ts";
import {fixtureDatasets, scenario} from "./fixtures.ts";

const datasets = fixtureDatasets({supply: true});
const FIELDS = ["vacancies", "suitable", "inflow", "placed", "placedByOrigin", "placedAtHome", "backlog", "flow"] as const;
const arrays = (r: SimulationResult) => Object.fromEntries(FIELDS.map((f) => [f, Array.from(r[f])]));

describe("kept draws", () => {
  it("replayed under another policy give that policy's numbers bit for bit, as drawn afresh", () => {
    const agreed = scenario({prognosis: "range"});
    const other = scenario({prognosis: "range", cap: 0.12, key: {inhabitants: 1}, placement: "ceiling", spillOver: true});
    const inputs = prepareInputs(datasets, agreed);
    const expected = arrays(simulate(inputs, other, {runs: 300, seed: 7, firstRun: 40}));
    const buffers = resultBuffers(300, inputs);
    // The first keeps the draws, the second replays them (their data, seed and runs agree).
    simulateInto(inputs, agreed, {runs: 300, seed: 7, firstRun: 40, reuseDraws: true}, buffers);
    expect(arrays(simulateInto(inputs, other, {runs: 300, seed: 7, firstRun: 40, reuseDraws: true}, buffers))).toEqual(expected);
    // And again, now from the kept draws alone.
    expect(arrays(simulateInto(inputs, other, {runs: 300, seed: 7, firstRun: 40, reuseDraws: true}, buffers))).toEqual(expected);
  });

  it("are not replayed for other data (lettings, return shares, prognosis range, who may not be housed at home), another seed or other runs", () => {
    const s = scenario();
    const inputs = prepareInputs(datasets, s);
    const ranged = scenario({prognosis: "range"});
    const everyoneAnywhere = scenario({notHousedAtHome: []});
    const cases: [ModelInputs, Scenario, {runs: number; seed: number; firstRun?: number}][] = [
      [prepareInputs(adjustDatasets(datasets, {vacancyFactor: 1.2, returnShareFactor: 1}), s), s, {runs: 200, seed: 1}],
      [prepareInputs(adjustDatasets(datasets, {vacancyFactor: 1, returnShareFactor: 0.5}), s), s, {runs: 200, seed: 1}],
      [prepareInputs(datasets, ranged), ranged, {runs: 200, seed: 1}],
      [prepareInputs(datasets, everyoneAnywhere), everyoneAnywhere, {runs: 200, seed: 1}],
      [inputs, s, {runs: 200, seed: 2}],
      [inputs, s, {runs: 201, seed: 1}],
      [inputs, s, {runs: 200, seed: 1, firstRun: 1}]
    ];
    for (const [other, scenarioOf, options] of cases) {
      // Each time the draws of the first simulation are the most recent kept: a wrong replay would take them.
      simulateInto(inputs, s, {runs: 200, seed: 1, reuseDraws: true});
      expect(arrays(simulateInto(other, scenarioOf, {...options, reuseDraws: true}))).toEqual(arrays(simulate(other, scenarioOf, options)));
    }
  });

  it("keep the two most recent, reusing the oldest's buffers", () => {
    const s = scenario();
    const inputs = prepareInputs(datasets, s);
    const kept = new KeptDraws(2);
    const key = (seed: number) => ({seed, firstRun: 0, runs: 10});
    for (const seed of [1, 2]) kept.room(inputs, s, key(seed)).filled();
    const first = kept.find(inputs, s, key(1))!;
    expect(first.vacancies.length).toBe(10 * inputs.years.length * inputs.municipalities.length);
    // Seed 2 is now the older one: room for seed 3 takes its place and its buffers.
    const room = kept.room(inputs, s, key(3));
    expect(kept.find(inputs, s, key(2))).toBeNull();
    // Until filled, the new room is not found.
    expect(kept.find(inputs, s, key(3))).toBeNull();
    room.filled();
    expect(kept.find(inputs, s, key(3))?.vacancies.buffer).toBe(room.vacancies.buffer);
    expect(kept.find(inputs, s, key(1))?.vacancies.buffer).toBe(first.vacancies.buffer);
  });

  it("are kept only where they are drawn from tables: stochastic Poisson inflow without a calibration", () => {
    const inputs = prepareInputs(datasets, scenario());
    expect(KeptDraws.keepable(inputs, scenario())).toBe(true);
    expect(KeptDraws.keepable(inputs, scenario({inflowDispersion: 0.3}))).toBe(false);
    expect(KeptDraws.keepable(inputs, scenario({stochastic: false}))).toBe(false);
  });

  it("leave a comparison's summaries as they were: b replays a's draws", () => {
    const a = scenario();
    const b = scenario({cap: 0.1});
    const inputs = prepareInputs(datasets, a);
    const job = {a: {inputs, scenario: a}, b: {inputs, scenario: b}, runs: 400, seed: 3, chunkSize: 150};
    const replayed = simulateSummaries(job);
    const drawn = simulateSummaries({...job, reuseDraws: false});
    expect(summaryRows(replayed.paired!)).toEqual(summaryRows(drawn.paired!));
    expect(summaryRows(replayed.b!)).toEqual(summaryRows(drawn.b!));
  });
});
