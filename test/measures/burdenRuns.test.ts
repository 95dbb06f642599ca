// The negotiation table's fast path (per-run figures from workers, joined on the page) gives the very numbers of the
// engine's burden summaries (simulations/measures) for the same scenario, runs and seed, however the runs are split.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {resultBuffers, simulateInto} from "../../simulations/model/engine.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {burdenRuns, burdenRunsOutcome, burdenSample, burdenSampleOutcome, joinBurdenRuns, joinBurdenSamples} from "../../simulations/measures/burdenRuns.ts";
import {defaultState, negotiationPeriods, offersAsScenario, withOffer} from "../../src/components/views/negotiation.ts";

const agreed = engine.parseScenario(engine.scenarioFiles["agreed"], "agreed.json", engine.defaultLookup);
const inputs = engine.prepareInputs(loadDatasets("data"), agreed);
const periods = negotiationPeriods(engine, agreed);
const basis = engine.measureBasis(inputs.basis);

function viaRuns(scenario: engine.Scenario, runs: number, seed: number, band: readonly [number, number], cuts: readonly number[]) {
  const parts = [0, ...cuts, runs].slice(0, -1).map((first, k, starts) => {
    const last = k + 1 < starts.length ? starts[k + 1]! : runs;
    return burdenRuns(simulateInto(inputs, scenario, {runs: last - first, seed, firstRun: first}, resultBuffers(last - first, inputs)), basis, band);
  });
  return burdenRunsOutcome(joinBurdenRuns(parts), basis, scenario.id);
}

// As the pool does it: each range sorted on its own (a worker), the sorted ranges merged (the page).
function viaSamples(scenario: engine.Scenario, runs: number, seed: number, band: readonly [number, number], cuts: readonly number[], spreadPeriods?: readonly string[]) {
  const starts = [0, ...cuts];
  const parts = starts.map((first, k) => {
    const last = k + 1 < starts.length ? starts[k + 1]! : runs;
    return burdenSample(burdenRuns(simulateInto(inputs, scenario, {runs: last - first, seed, firstRun: first}, resultBuffers(last - first, inputs)), basis, band), spreadPeriods);
  });
  return burdenSampleOutcome(joinBurdenSamples(parts), basis, scenario.id);
}

describe("burden figures from per-run data", () => {
  const defaults = defaultState(engine, inputs, agreed);
  // An edited table: Eemnes offers nothing in 2027-2030 (an infinite max/min ratio in some runs), Baarn more.
  const edited = withOffer(withOffer(defaults, "2027-2030", 2, 0), "2027-2030", 1, 30);
  for (const [name, state, band] of [["agreed offers", defaults, [0.07, 0.18]], ["edited offers, narrow band", edited, [0.08, 0.15]]] as const) {
    it(`equal the burden summaries' rows (${name})`, () => {
      const scenario = offersAsScenario(inputs, agreed, periods, state);
      const runs = 700;
      const {burdens} = engine.simulateBurdens({a: {inputs, scenario}, runs, seed: 3, band});
      const fast = viaRuns(scenario, runs, 3, band, [250, 251]);
      const whole = `${inputs.years[0]}-${inputs.years[inputs.years.length - 1]}`;
      expect(fast.burdens).toEqual(engine.burdenRows(burdens).filter((r) => r.period === whole));
      expect(fast.spread).toEqual(engine.spreadRows(burdens).filter((r) => r.index === "maxMin"));
      expect(fast.band).toEqual(engine.bandRows(burdens));
      expect(fast.pAllEveryYear).toBe(engine.pAllWithinEveryYear(burdens));
      expect(viaSamples(scenario, runs, 3, band, [333])).toEqual(fast);
      expect(viaSamples(scenario, runs, 3, band, [100, 450], ["2027"]).spread).toEqual(fast.spread.filter((r) => r.period === "2027"));
    });
  }
  it("make the spread of only the periods asked for, the same rows", () => {
    const scenario = offersAsScenario(inputs, agreed, periods, edited);
    const part = burdenRuns(simulateInto(inputs, scenario, {runs: 300, seed: 2}, resultBuffers(300, inputs)), basis, [0.07, 0.18]);
    const all = burdenRunsOutcome(part, basis, scenario.id);
    const one = burdenRunsOutcome(part, basis, scenario.id, ["2027"]);
    expect(one.spread).toEqual(all.spread.filter((r) => r.period === "2027"));
    expect(one.spread.length).toBe(3);
    expect({...one, spread: []}).toEqual({...all, spread: []});
  });
  it("do not depend on how the runs are split", () => {
    const scenario = offersAsScenario(inputs, agreed, periods, edited);
    expect(viaRuns(scenario, 400, 1, [0.07, 0.18], [])).toEqual(viaRuns(scenario, 400, 1, [0.07, 0.18], [100, 300]));
  });
});
