import {describe, expect, it} from "vitest";
import {dispersionIndex, inflowPriors, MAX_PRIOR_STRENGTH, strengthFromDispersion, vacancyPriors} from "../../simulations/recalibration/prior.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {predictiveTable, tableQuantile} from "../../simulations/recalibration/gamma-poisson.ts";
import {syntheticCounts} from "./synthetic.ts";
import type {PrognosisRecord} from "../../loaders/types.ts";

describe("dispersion index", () => {
  it("is about 1 for Poisson years and about 1 + μ/size for Gamma-Poisson years", () => {
    const poisson = Array.from({length: 40}, (_, m) => syntheticCounts(300, 6, 11, m));
    expect(dispersionIndex(poisson)).toBeGreaterThan(0.8);
    expect(dispersionIndex(poisson)).toBeLessThan(1.25);
    const spread = Array.from({length: 40}, (_, m) => syntheticCounts(300, 6, 11, m, 100)); // D = 1 + 300/100 = 4
    expect(dispersionIndex(spread)).toBeGreaterThan(3);
    expect(dispersionIndex(spread)).toBeLessThan(5.2);
  });

  it("is 1 without any series of two years", () => {
    expect(dispersionIndex([[70], [100]])).toBe(1);
  });
});

describe("prior strength in pseudo-years", () => {
  it("is the number of years for Poisson data and makes the prior predictive variance ȳ·D·(1 + 1/n)", () => {
    expect(strengthFromDispersion(0.7, 6)).toBe(6);
    for (const [d, n] of [[2, 6], [4, 3], [1.1, 10]] as const) {
      const b = strengthFromDispersion(d, n);
      expect(1 + 1 / b).toBeCloseTo(d * (1 + 1 / n), 12);
      expect(b).toBeLessThanOrEqual(n);
    }
  });
});

describe("priors from the shipped data", () => {
  const datasets = loadDatasets("data");
  const codes = datasets.municipalities.filter((m) => m.inAgreement).map((m) => m.code);

  it("vacancy priors: the series' mean before the first realised year, never counting a realised year", () => {
    const {priors} = vacancyPriors(datasets.vacancies, codes, 2025);
    for (const code of codes) {
      const ys = datasets.vacancies.filter((r) => r.municipality === code && r.year < 2025).map((r) => r.vacancies);
      expect(priors.get(code)!.mean).toBeCloseTo(ys.reduce((a, b) => a + b, 0) / ys.length, 9);
    }
    // A (hypothetical) 2025 value in the series must not change the 2025 prior.
    const withLater = [...datasets.vacancies, {municipality: "GM0307", year: 2025, vacancies: 99999}];
    expect(vacancyPriors(withLater, codes, 2025).priors.get("GM0307")).toEqual(priors.get("GM0307"));
  });

  it("inflow priors: mean of the central prognosis per origin, strength from the low-high range, capped", () => {
    const priors = inflowPriors(datasets.prognosis, codes);
    for (const code of codes) {
      const central = datasets.prognosis.filter((r) => r.origin === code && r.variant === "central");
      const years = new Set(central.map((r) => r.year)).size;
      const p = priors.get(code)!;
      expect(p.mean).toBeCloseTo(central.reduce((a, r) => a + r.placements, 0) / years, 9);
      expect(p.strength).toBeGreaterThan(0);
      expect(p.strength).toBeLessThanOrEqual(MAX_PRIOR_STRENGTH);
    }
  });

  it("an inflow prior's 90% interval of the rate spans about the study's low-high range (when not capped)", () => {
    const rows = (variant: "low" | "central" | "high", placements: number): PrognosisRecord =>
      ({group: "mo", origin: "GM0307", year: 2025, variant, placements, status: "estimate", source: "test"});
    const p = inflowPriors([rows("low", 100), rows("central", 130), rows("high", 170)], ["GM0307"]).get("GM0307")!;
    const sd = Math.sqrt(p.belief.shape) / p.belief.rate;
    expect(2 * 1.6448536269514722 * sd).toBeCloseTo(70, 9);
    // The predictive adds Poisson noise on top, so it is wider than the range of the rate.
    const t = predictiveTable(p.belief);
    expect(tableQuantile(t, 0.95) - tableQuantile(t, 0.05)).toBeGreaterThan(70);
  });
});
