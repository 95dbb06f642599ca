// Back-test of the vacancy forecasts: hold out the last k years of the series, forecast them from the earlier years
// with the same prior and predictive the recalibration uses, and score the forecasts (band coverage, PIT).
import seedrandom from "seedrandom";
import {negativeBinomialTable} from "../distributions/negativeBinomial.ts";
import type {DiscreteTable} from "../distributions/table.ts";
import {fitVacancySeries} from "../model/vacancySeries.ts";
import {predictiveTable, tableCdf, tableQuantile} from "./gamma-poisson.ts";
import {vacancyPriors, type YearlyCount} from "./prior.ts";
import type {Stats} from "../summary/histogram.ts";

/**
 * The forecast models that can be back-tested:
 * - `gamma-poisson`: the recalibration's prior (mean of the training years, strength from their pooled dispersion)
 *   and its negative binomial predictive, which is what the engine draws from once it runs on a calibration;
 * - `series-fit`: the engine's own vacancy model without a calibration (`fitVacancySeries`: mean of the last
 *   `window` years, method-of-moments negative binomial per municipality, Poisson when not overdispersed).
 */
export const BACKTEST_MODELS = ["gamma-poisson", "series-fit"] as const;
export type BacktestModel = (typeof BACKTEST_MODELS)[number];

export interface BacktestOptions {
  readonly model?: BacktestModel;
  /** Years of the series the `series-fit` model uses (the scenario's vacancyWindow; default 5). */
  readonly window?: number;
}

/** The central bands that are scored, as [lower, upper] probabilities: 50% = P25-P75, 90% = P5-P95. */
export const BANDS = {50: [0.25, 0.75], 90: [0.05, 0.95]} as const;
export type BandLevel = keyof typeof BANDS;

/** One held-out value and its forecast (mean and quantiles of the predictive distribution). */
export interface Forecast extends Stats {
  readonly model: BacktestModel;
  /** How many final years were held out in the back-test that made this forecast. */
  readonly holdout: number;
  readonly municipality: string;
  readonly year: number;
  /** Last year of the training data. */
  readonly trainedThrough: number;
  readonly observed: number;
  /** Randomised probability integral transform: uniform on [0, 1] when the forecast is calibrated. */
  readonly pit: number;
}

/**
 * Forecasts the last `holdout` years of each municipality's series from the years before them, with one of the
 * BACKTEST_MODELS (default `gamma-poisson`). `seed` drives only the randomisation of the PIT.
 *
 * @example
 * backtest(datasets.vacancies, ["GM0307", "GM0308"], 2, 1); // forecasts of 2023 and 2024 from 2019-2022
 * backtest(datasets.vacancies, ["GM0307"], 1, 1, {model: "series-fit", window: 5});
 */
export function backtest(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  holdout: number,
  seed: number,
  options: BacktestOptions = {}
): Forecast[] {
  const model = options.model ?? "gamma-poisson";
  const window = options.window ?? 5;
  if (!Number.isInteger(holdout) || holdout < 1) throw new Error(`holdout must be a whole number ≥ 1, got ${holdout}`);
  const inScope = records.filter((r) => municipalities.includes(r.municipality));
  if (inScope.length === 0) throw new Error("no vacancy series for these municipalities: nothing to back-test");
  const last = Math.max(...inScope.map((r) => r.year));
  const firstHeldOut = last - holdout + 1;
  const predictive = model === "gamma-poisson"
    ? gammaPoissonForecasts(inScope, municipalities, firstHeldOut)
    : seriesFitForecasts(inScope, municipalities, firstHeldOut, window);
  // One PIT stream per back-test, so adding a municipality does not reshuffle another's randomisation per k.
  const random = seedrandom.alea(`pit:${seed}:${holdout}`);
  const forecasts: Forecast[] = [];
  const heldOut = inScope.filter((r) => r.year >= firstHeldOut).sort((a, b) =>
    municipalities.indexOf(a.municipality) - municipalities.indexOf(b.municipality) || a.year - b.year);
  for (const r of heldOut) {
    const {mean, table} = predictive.get(r.municipality)!;
    const below = tableCdf(table, r.vacancies - 1);
    const at = tableCdf(table, r.vacancies);
    forecasts.push({
      model,
      holdout,
      municipality: r.municipality,
      year: r.year,
      trainedThrough: firstHeldOut - 1,
      observed: r.vacancies,
      mean,
      p5: tableQuantile(table, 0.05),
      p25: tableQuantile(table, 0.25),
      p50: tableQuantile(table, 0.5),
      p75: tableQuantile(table, 0.75),
      p95: tableQuantile(table, 0.95),
      pit: below + random() * (at - below)
    });
  }
  return forecasts;
}

type Predictive = Map<string, {mean: number; table: DiscreteTable}>;

function gammaPoissonForecasts(records: readonly YearlyCount[], municipalities: readonly string[], before: number): Predictive {
  const {priors} = vacancyPriors(records, municipalities, before);
  return new Map([...priors].map(([code, prior]) => [code, {mean: prior.mean, table: predictiveTable(prior.belief)}]));
}

function seriesFitForecasts(records: readonly YearlyCount[], municipalities: readonly string[], before: number, window: number): Predictive {
  return new Map(municipalities.map((code) => {
    const series = records.filter((r) => r.municipality === code && r.year < before).sort((a, b) => a.year - b.year).map((r) => r.vacancies);
    if (series.length === 0) throw new Error(`no vacancies before ${before} for ${code}: cannot back-test`);
    const fit = fitVacancySeries(series, window);
    return [code, {mean: fit.mean, table: negativeBinomialTable(fit.mean, fit.size ?? Infinity)}];
  }));
}

/**
 * Share of forecasts whose observed value lies inside the central band (bounds included).
 *
 * @example
 * coverage(forecasts, 90); // 0.9 when the 90% bands are calibrated
 */
export function coverage(forecasts: readonly Forecast[], level: BandLevel): number {
  if (forecasts.length === 0) return NaN;
  const inside = forecasts.filter((f) =>
    level === 90 ? f.observed >= f.p5 && f.observed <= f.p95 : f.observed >= f.p25 && f.observed <= f.p75);
  return inside.length / forecasts.length;
}

/**
 * Counts of PIT values in `bins` equal bins of [0, 1]; a calibrated forecast gives a flat histogram.
 *
 * @example
 * pitHistogram([0.05, 0.5, 0.95], 2); // [1, 2]
 */
export function pitHistogram(pits: readonly number[], bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a whole number ≥ 1, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  for (const p of pits) counts[Math.min(bins - 1, Math.floor(p * bins))]! += 1;
  return counts;
}
