import {describe, expect, it} from "vitest";
import {backtest, countCrps, coverage, leanText, leaveOneYearOut, pitHistogram, rollingOrigin, scores, scoresByMunicipality, type Forecast} from "../../simulations/recalibration/backtest.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {fitVacancySeries} from "../../simulations/model/vacancySeries.ts";
import {makeTable} from "../../simulations/distributions/table.ts";
import {REGION, syntheticRegionSeries} from "./synthetic.ts";

const CODES = [...REGION.codes];
const exposures = new Map(CODES.map((c, i) => [c, REGION.stocks[i]!]));
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

describe("back-test on synthetic series with overdispersion and a trend, from known parameters, over 200 seeds", () => {
  // Train on six years, forecast the last two: 200 seeds × 8 municipalities × 2 years = 3,200 forecasts.
  const forecasts: Forecast[] = [];
  for (let seed = 1; seed <= 200; seed++) forecasts.push(...backtest(syntheticRegionSeries(REGION, YEARS, seed), CODES, 2, seed, {exposures}));

  it("the 90% bands cover 85-95% and the 50% bands 45-58% of held-out values; the PIT is about flat", () => {
    expect(forecasts).toHaveLength(200 * 8 * 2);
    expect(coverage(forecasts, 90)).toBeGreaterThan(0.85);
    expect(coverage(forecasts, 90)).toBeLessThan(0.95);
    expect(coverage(forecasts, 50)).toBeGreaterThan(0.45);
    expect(coverage(forecasts, 50)).toBeLessThan(0.58);
    const hist = pitHistogram(forecasts.map((f) => f.pit), 10);
    for (const count of hist) expect(Math.abs(count / forecasts.length - 0.1)).toBeLessThan(0.03);
  });

  it("the overdispersed municipalities are covered too: 90% coverage 80-97% for each", () => {
    for (const s of scoresByMunicipality(forecasts, CODES)) {
      expect(s.coverage90).toBeGreaterThan(0.8);
      expect(s.coverage90).toBeLessThan(0.97);
    }
  });

  it("says in words that calibrated forecasts do not lean", () => {
    expect(leanText(forecasts).lean).toBe("geen");
  });

  it("a model without the trend is caught leaning high when vacancies fall 4% a year", () => {
    const falling = {...REGION, trend: -0.04};
    const flat: Forecast[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      flat.push(...backtest(syntheticRegionSeries(falling, YEARS, seed), CODES, 2, seed, {model: "series-fit", window: 6}));
    }
    const lean = leanText(flat);
    expect(lean.lean).toBe("te hoog");
    expect(lean.text).toMatch(/^De voorspellingen liggen te hoog: de werkelijke waarden liggen gemiddeld \d+,\d% onder/);
  });
});

describe("back-test schemes", () => {
  const series = syntheticRegionSeries(REGION, YEARS.slice(0, 6), 7);

  it("hold-out k forecasts exactly the last k years from the years before; changing a held-out value changes nothing else", () => {
    for (const k of [1, 2, 3]) {
      const forecasts = backtest(series, CODES, k, 1, {exposures});
      expect(forecasts).toHaveLength(8 * k);
      expect(new Set(forecasts.map((f) => f.trainedThrough))).toEqual(new Set([2022 - k]));
      const changed = series.map((r) => (r.year === 2022 ? {...r, vacancies: r.vacancies + 50} : r));
      const again = backtest(changed, CODES, k, 1, {exposures});
      expect(again.map((f) => f.mean)).toEqual(forecasts.map((f) => f.mean));
    }
  });

  it("rolling origin forecasts every later year from every origin with ≥ 3 training years; horizons 1-3", () => {
    const f = rollingOrigin(series, CODES, 1, {exposures});
    expect(f).toHaveLength(8 * (3 + 2 + 1));
    expect(new Set(f.map((x) => x.horizon))).toEqual(new Set([1, 2, 3]));
    for (const x of f) expect(x.year - x.trainedThrough).toBe(x.horizon);
  });

  it("leave one year out forecasts each year once, from the other years only", () => {
    const f = leaveOneYearOut(series, CODES, 1, {exposures});
    expect(f).toHaveLength(8 * 6);
    const bumped = series.map((r) => (r.year === 2019 ? {...r, vacancies: r.vacancies * 2} : r));
    const g = leaveOneYearOut(bumped, CODES, 1, {exposures});
    // The forecast of 2019 does not see 2019.
    expect(g.filter((x) => x.year === 2019).map((x) => x.mean)).toEqual(f.filter((x) => x.year === 2019).map((x) => x.mean));
  });

  it("gives bands in order, PIT in [0, 1], CRPS ≥ 0; same seed, same numbers", () => {
    const a = rollingOrigin(series, CODES, 42, {exposures});
    for (const f of a) {
      expect(f.p5 <= f.p25 && f.p25 <= f.p50 && f.p50 <= f.p75 && f.p75 <= f.p95).toBe(true);
      expect(f.pit).toBeGreaterThanOrEqual(0);
      expect(f.pit).toBeLessThanOrEqual(1);
      expect(f.crps).toBeGreaterThanOrEqual(0);
    }
    expect(rollingOrigin(series, CODES, 42, {exposures})).toEqual(a);
  });

  it("the series-fit model forecasts with the engine's own fit of the last `window` training years", () => {
    const forecasts = backtest(series, CODES, 2, 1, {model: "series-fit", window: 3});
    const first = series.filter((r) => r.municipality === CODES[0] && r.year < 2021).map((r) => r.vacancies);
    expect(forecasts[0]!.mean).toBeCloseTo(fitVacancySeries(first, 3).mean, 10);
  });

  it("refuses a hold-out that is not a whole number ≥ 1", () => {
    expect(() => backtest(series, CODES, 0, 1)).toThrow(/holdout/);
  });

  it("runs on the shipped vacancy series for every scheme", () => {
    const datasets = loadDatasets("data");
    const codes = datasets.municipalities.filter((m) => m.inAgreement).map((m) => m.code);
    const stock = new Map(datasets.municipalities.map((m) => [m.code, m.socialStock.value]));
    for (const k of [1, 2, 3]) expect(backtest(datasets.vacancies, codes, k, 1, {exposures: stock})).toHaveLength(codes.length * k);
    expect(scores(leaveOneYearOut(datasets.vacancies, codes, 1, {exposures: stock})).n).toBe(codes.length * 6);
  });
});

describe("scores", () => {
  it("CRPS of a count: 0 when certain and right, |y − k| when certain and wrong, smaller for a sharper right forecast", () => {
    expect(countCrps(makeTable(5, Float64Array.of(1)), 5)).toBe(0);
    expect(countCrps(makeTable(5, Float64Array.of(1)), 7)).toBe(2);
    expect(countCrps(makeTable(5, Float64Array.of(1)), 2)).toBe(3);
    const wide = makeTable(3, Float64Array.of(0.2, 0.4, 0.6, 0.8, 1));
    const sharp = makeTable(4, Float64Array.of(0.25, 0.75, 1));
    expect(countCrps(sharp, 5)).toBeLessThan(countCrps(wide, 5));
  });

  it("counts PIT values per bin, with 1 in the last bin", () => {
    expect(pitHistogram([0, 0.05, 0.5, 0.95, 1], 2)).toEqual([2, 3]);
  });
});
