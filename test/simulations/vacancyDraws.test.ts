import {describe, expect, it} from "vitest";
import {mean, sampleVariance} from "simple-statistics";
import {prepareInputs} from "../../simulations/index.ts";
import {VacancyDraws} from "../../simulations/model/vacancyDraws.ts";
import {fixtureCalibration, fixtureDatasets, scenario} from "./fixtures.ts";

function sample(s: ReturnType<typeof scenario>, calibrated = false, runs = 20_000) {
  const inputs = prepareInputs(fixtureDatasets(), s, calibrated ? fixtureCalibration(2025, 0) : undefined);
  const draws = new VacancyDraws(inputs, s, 3);
  const out = new Int32Array(8);
  const first: number[] = [];
  for (let run = 0; run < runs; run++) {
    draws.startRun(run);
    draws.draw(0, out);
    first.push(out[0]!);
  }
  return {first, inputs};
}

describe("vacancy draws", () => {
  it("follow the series: negative binomial with the fitted size when overdispersed", () => {
    const {first, inputs} = sample(scenario());
    const m = inputs.vacancies.existing[0]![0]! + inputs.vacancies.newBuild[0]![0]!;
    const size = inputs.vacancies.size[0]!;
    expect(size).not.toBeNull();
    expect(Math.abs(mean(first) - m)).toBeLessThan(5 * Math.sqrt((m + (m * m) / size!) / first.length));
    expect(sampleVariance(first) / (m + (m * m) / size!)).toBeCloseTo(1, 1);
  });

  it("are Poisson when the scenario says so", () => {
    const {first, inputs} = sample(scenario({vacancyDispersion: "poisson"}));
    expect(sampleVariance(first) / inputs.vacancies.existing[0]![0]!).toBeCloseTo(1, 1);
  });

  it("with a calibration: Gamma-Poisson, variance = mean + mean²/shape", () => {
    const {first} = sample(scenario(), true);
    // fixture: shape 400, mean 1300
    expect(sampleVariance(first) / (1300 + (1300 * 1300) / 400)).toBeCloseTo(1, 1);
  });

  it("without randomness are the rounded means, every year", () => {
    const s = scenario({stochastic: false});
    const inputs = prepareInputs(fixtureDatasets(), s);
    const draws = new VacancyDraws(inputs, s, 3);
    const out = new Int32Array(8);
    draws.startRun(0);
    draws.draw(0, out);
    expect(Array.from(out)).toEqual(inputs.vacancies.existing[0]!.map((x, m) => Math.round(x + inputs.vacancies.newBuild[0]![m]!)));
  });
});
