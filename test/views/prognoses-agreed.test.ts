// Prognoses at the agreed settings shows the build's simulation of the agreed scenario as the reader's: honest only
// because the engine's numbers do not depend on a scenario's id or name. Checked here on real data.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {isAgreed, simulateAssumptions} from "../../src/components/views/prognoses.ts";
import {scenarioWith, type Settings} from "../../src/components/sensitivity.ts";
import type {SimulationOutcome} from "../../src/components/engine.ts";

const datasets = loadDatasets("data");
const agreed = engine.parseScenario(engine.scenarioFiles["agreed"], "agreed.json", engine.defaultLookup);
const vacancyYears = new Set(datasets.vacancies.map((v) => v.year)).size;
const atAgreed: Settings = {
  prognosis: agreed.prognosis,
  inflowDispersion: agreed.inflowDispersion,
  vacancyFactor: 1,
  vacancyDispersion: agreed.vacancyDispersion,
  vacancyWindow: Math.min(agreed.vacancyWindow, vacancyYears),
  returnShareFactor: 1
} as Settings;

function outcome(scenario: engine.Scenario, runs: number): SimulationOutcome {
  const {a} = engine.simulateSummaries({a: {inputs: engine.prepareInputs(datasets, scenario), scenario}, runs, seed: 1});
  return {a: scenario, rows: engine.summaryRows(a), probabilities: engine.probabilityRows(a), flows: engine.flowRows(a), runs, seed: 1, elapsedMs: 0, workerMs: 0, mergeMs: 0, workers: 1};
}

describe("Prognoses at the agreed settings", () => {
  it("knows the page's opening settings as the agreed ones, and any change as not", () => {
    expect(isAgreed(agreed, atAgreed)).toBe(true);
    expect(isAgreed(agreed, {...atAgreed, vacancyFactor: 1.05})).toBe(false);
    expect(isAgreed(agreed, {...atAgreed, returnShareFactor: 0.9})).toBe(false);
    expect(isAgreed(agreed, {...atAgreed, inflowDispersion: agreed.inflowDispersion + 0.1})).toBe(false);
    expect(isAgreed(agreed, {...atAgreed, prognosis: agreed.prognosis === "high" ? "low" : "high"})).toBe(false);
  });

  it("shows the agreed simulation as the reader's, which equals simulating the reader's scenario, label aside", async () => {
    const runs = 400;
    const base = outcome(agreed, runs);
    let asked = 0;
    const pool = async () => {
      asked += 1;
      throw new Error("no simulation expected");
    };
    const {changed} = await simulateAssumptions(pool, engine, agreed, atAgreed, base);
    expect(asked).toBe(0);
    const reader = scenarioWith(agreed, atAgreed) as unknown as engine.Scenario;
    const simulated = outcome(reader, runs);
    expect(changed.rows).toEqual(simulated.rows);
    expect(changed.probabilities).toEqual(simulated.probabilities);
    expect(changed.flows).toEqual(simulated.flows);
    expect(changed.rows[0]!.scenario).toBe(reader.id);
  });
});
