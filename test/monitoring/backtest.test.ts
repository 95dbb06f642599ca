import {describe, expect, it} from "vitest";
import {backtest, coverage, pitHistogram, type Forecast} from "../../simulations/recalibration/backtest.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {syntheticCounts} from "./synthetic.ts";
import {fitVacancySeries} from "../../simulations/model/vacancySeries.ts";

// Means like the region's eight municipalities (yearly vacancies).
const MEANS = [1300, 100, 105, 52, 180, 275, 290, 70];
const CODES = MEANS.map((_, i) => `GM90${String(i).padStart(2, "0")}`);

function syntheticSeries(seed: number, size?: number) {
  return MEANS.flatMap((mean, m) =>
    syntheticCounts(mean, 6, seed, m, size).map((vacancies, i) => ({municipality: CODES[m]!, year: 2019 + i, vacancies})));
}

function manySeeds(size: number | undefined, seeds = 250): Forecast[] {
  const all: Forecast[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const series = syntheticSeries(seed, size);
    for (const k of [1, 2, 3]) all.push(...backtest(series, CODES, k, seed));
  }
  return all;
}

describe("back-test on synthetic series from known parameters, over many seeds", () => {
  for (const [label, size] of [["Poisson years", undefined], ["years with Gamma-Poisson spread (D ≈ 1 + μ/150)", 150]] as const) {
    it(`${label}: 90% bands cover 85-95% and 50% bands about 50% of held-out values; the PIT is flat`, () => {
      const forecasts = manySeeds(size);
      expect(forecasts).toHaveLength(250 * 8 * 6);
      expect(coverage(forecasts, 90)).toBeGreaterThan(0.85);
      expect(coverage(forecasts, 90)).toBeLessThan(0.95);
      expect(coverage(forecasts, 50)).toBeGreaterThan(0.45);
      expect(coverage(forecasts, 50)).toBeLessThan(0.58);
      const hist = pitHistogram(forecasts.map((f) => f.pit), 10);
      for (const count of hist) expect(Math.abs(count / forecasts.length - 0.1)).toBeLessThan(0.025);
    });
  }

  it("detects a forecast that is too narrow: a trend the model ignores drops 90% coverage well below 85%", () => {
    // Vacancies growing 8% a year: a constant-rate forecast misses the later years.
    const forecasts: Forecast[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const series = MEANS.flatMap((mean, m) =>
        [0, 1, 2, 3, 4, 5].map((i) => ({municipality: CODES[m]!, year: 2019 + i, vacancies: syntheticCounts(mean * 1.08 ** i, 1, seed * 10 + i, m)[0]!})));
      forecasts.push(...backtest(series, CODES, 2, seed));
    }
    expect(coverage(forecasts, 90)).toBeLessThan(0.8);
    const hist = pitHistogram(forecasts.map((f) => f.pit), 10);
    expect(hist[9]!).toBeGreaterThan(3 * hist[0]!); // observed values pile up above the forecast
  });
});

describe("back-test mechanics", () => {
  const series = syntheticSeries(3);

  it("holds out exactly the last k years and trains on the years before", () => {
    for (const k of [1, 2, 3]) {
      const forecasts = backtest(series, CODES, k, 1);
      expect(forecasts).toHaveLength(8 * k);
      expect(new Set(forecasts.map((f) => f.year))).toEqual(new Set(Array.from({length: k}, (_, i) => 2024 - i)));
      expect(forecasts.every((f) => f.trainedThrough === 2024 - k && f.holdout === k)).toBe(true);
      // Changing a held-out value changes only its own score, not the forecast.
      const changed = series.map((r) => (r.year === 2024 && r.municipality === CODES[0] ? {...r, vacancies: r.vacancies + 500} : r));
      const again = backtest(changed, CODES, k, 1);
      expect(again.map((f) => [f.p5, f.p50, f.p95])).toEqual(forecasts.map((f) => [f.p5, f.p50, f.p95]));
    }
  });

  it("gives bands in order and PIT values in [0, 1]; same seed, same numbers", () => {
    const a = backtest(series, CODES, 3, 42);
    for (const f of a) {
      expect(f.p5 <= f.p25 && f.p25 <= f.p50 && f.p50 <= f.p75 && f.p75 <= f.p95).toBe(true);
      expect(f.pit).toBeGreaterThanOrEqual(0);
      expect(f.pit).toBeLessThanOrEqual(1);
    }
    expect(backtest(series, CODES, 3, 42)).toEqual(a);
    expect(backtest(series, CODES, 3, 43).map((f) => f.pit)).not.toEqual(a.map((f) => f.pit));
  });

  it("the series-fit model forecasts with the engine's own fit of the last `window` training years", () => {
    const forecasts = backtest(series, CODES, 2, 1, {model: "series-fit", window: 3});
    for (const f of forecasts) {
      const train = series.filter((r) => r.municipality === f.municipality && r.year <= 2022).map((r) => r.vacancies);
      expect(f.model).toBe("series-fit");
      expect(f.mean).toBeCloseTo(fitVacancySeries(train, 3).mean, 9);
      expect(f.mean).toBeCloseTo(train.slice(-3).reduce((a, b) => a + b, 0) / 3, 9);
    }
  });

  it("refuses a hold-out that is not a whole number ≥ 1", () => {
    expect(() => backtest(series, CODES, 0, 1)).toThrow(/holdout/);
  });

  it("runs on the shipped vacancy series for k = 1, 2, 3", () => {
    const datasets = loadDatasets("data");
    const codes = datasets.municipalities.filter((m) => m.inAgreement).map((m) => m.code);
    for (const k of [1, 2, 3]) expect(backtest(datasets.vacancies, codes, k, 1)).toHaveLength(codes.length * k);
  });
});

describe("pitHistogram", () => {
  it("counts values per bin, with 1 in the last bin", () => {
    expect(pitHistogram([0, 0.05, 0.5, 0.99, 1], 2)).toEqual([2, 3]);
  });
});
