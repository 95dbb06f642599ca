// Back-test of the vacancy forecasts: hold out the last k years of the series, forecast them from the earlier years
// with the same prior and predictive the recalibration uses, and score the forecasts (band coverage, PIT).
import seedrandom from "seedrandom";
import {predictiveTable, tableCdf, tableQuantile} from "./gamma-poisson.ts";
import {vacancyPriors, type YearlyCount} from "./prior.ts";

/** The central bands that are scored, as [lower, upper] probabilities: 50% = P25-P75, 90% = P5-P95. */
export const BANDS = {50: [0.25, 0.75], 90: [0.05, 0.95]} as const;
export type BandLevel = keyof typeof BANDS;

/** One held-out value and its forecast. */
export interface Forecast {
  /** How many final years were held out in the back-test that made this forecast. */
  readonly holdout: number;
  readonly municipality: string;
  readonly year: number;
  /** Last year of the training data. */
  readonly trainedThrough: number;
  readonly observed: number;
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  /** Randomised probability integral transform: uniform on [0, 1] when the forecast is calibrated. */
  readonly pit: number;
}

/**
 * Forecasts the last `holdout` years of each municipality's series from the years before them: the prior of
 * `vacancyPriors` (mean of the training years, strength from their pooled dispersion), whose predictive is the
 * negative binomial the engine draws from. `seed` drives only the randomisation of the PIT.
 *
 * @example
 * backtest(datasets.vacancies, ["GM0307", "GM0308"], 2, 1); // forecasts of 2023 and 2024 from 2019-2022
 */
export function backtest(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  holdout: number,
  seed: number
): Forecast[] {
  if (!Number.isInteger(holdout) || holdout < 1) throw new Error(`holdout must be a whole number ≥ 1, got ${holdout}`);
  const inScope = records.filter((r) => municipalities.includes(r.municipality));
  if (inScope.length === 0) throw new Error("no vacancy series for these municipalities: nothing to back-test");
  const last = Math.max(...inScope.map((r) => r.year));
  const firstHeldOut = last - holdout + 1;
  const {priors} = vacancyPriors(inScope, municipalities, firstHeldOut);
  // One PIT stream per back-test, so adding a municipality does not reshuffle another's randomisation per k.
  const random = seedrandom.alea(`pit:${seed}:${holdout}`);
  const forecasts: Forecast[] = [];
  const heldOut = inScope.filter((r) => r.year >= firstHeldOut).sort((a, b) =>
    municipalities.indexOf(a.municipality) - municipalities.indexOf(b.municipality) || a.year - b.year);
  for (const r of heldOut) {
    const prior = priors.get(r.municipality)!;
    const table = predictiveTable(prior.belief);
    const below = tableCdf(table, r.vacancies - 1);
    const at = tableCdf(table, r.vacancies);
    forecasts.push({
      holdout,
      municipality: r.municipality,
      year: r.year,
      trainedThrough: firstHeldOut - 1,
      observed: r.vacancies,
      mean: prior.mean,
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
