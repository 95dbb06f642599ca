// Back-test of the vacancy forecasts: forecast years of the series from other years with the same model the
// recalibration uses, and score the forecasts (band coverage, bias, CRPS, PIT). Three schemes:
// - hold-out k: the last k years from the years before them (as before; the page "Prognoses toetsen");
// - rolling origin: from every origin year on, forecast each later year (horizon 1, 2, …);
// - leave one year out: each year from all the other years (the trend then interpolates).
import seedrandom from "seedrandom";
import {negativeBinomialTable} from "../distributions/negativeBinomial.ts";
import type {DiscreteTable} from "../distributions/table.ts";
import {fitVacancySeries} from "../model/vacancySeries.ts";
import {tableCdf, tableQuantile} from "./gamma-poisson.ts";
import {fitPooled, predictiveMoments, VACANCY_SETTINGS, type PooledSettings, type Unit} from "./pooled.ts";
import type {Stats} from "../summary/histogram.ts";

/** A yearly count of one municipality (a vacancy record without provenance). */
export interface YearlyCount {
  readonly municipality: string;
  readonly year: number;
  readonly vacancies: number;
}

/**
 * The forecast models that can be back-tested:
 * - `gamma-poisson`: the recalibration's pooled model (turnover on the stock pooled across municipalities, a
 *   regional trend, overdispersion per municipality) and its predictive for the held-out year;
 * - `series-fit`: the engine's own vacancy model without a calibration (`fitVacancySeries`: mean of the last
 *   `window` years, method-of-moments negative binomial per municipality, Poisson when not overdispersed).
 */
export const BACKTEST_MODELS = ["gamma-poisson", "series-fit"] as const;
export type BacktestModel = (typeof BACKTEST_MODELS)[number];

export interface BacktestOptions {
  readonly model?: BacktestModel;
  /** Years of the series the `series-fit` model uses (the scenario's vacancyWindow; default 5). */
  readonly window?: number;
  /** Exposure (social-rental stock) per municipality for the pooled model; default 1 for every municipality. */
  readonly exposures?: ReadonlyMap<string, number>;
  /** Settings of the pooled model (default: those of the recalibration). */
  readonly settings?: PooledSettings;
}

/** The central bands that are scored, as [lower, upper] probabilities: 50% = P25-P75, 90% = P5-P95. */
export const BANDS = {50: [0.25, 0.75], 90: [0.05, 0.95]} as const;
export type BandLevel = keyof typeof BANDS;

/** One held-out value and its forecast (mean and quantiles of the predictive distribution). */
export interface Forecast extends Stats {
  readonly model: BacktestModel;
  /** How many final years were held out (hold-out scheme); for the other schemes 0. */
  readonly holdout: number;
  readonly scheme: "holdout" | "rolling" | "loyo";
  readonly municipality: string;
  readonly year: number;
  /** Last year of the training data (for leave-one-year-out: the last year of the series). */
  readonly trainedThrough: number;
  /** Years ahead of the last training year (0 for leave-one-year-out inside the series). */
  readonly horizon: number;
  readonly observed: number;
  /** Randomised probability integral transform: uniform on [0, 1] when the forecast is calibrated. */
  readonly pit: number;
  /** Continuous ranked probability score of the count (lower is better; 0 = certain and right). */
  readonly crps: number;
}

type Predictor = (year: number, code: string) => {mean: number; table: DiscreteTable};

function inScope(records: readonly YearlyCount[], municipalities: readonly string[]): YearlyCount[] {
  const rows = records.filter((r) => municipalities.includes(r.municipality));
  if (rows.length === 0) throw new Error("no vacancy series for these municipalities: nothing to back-test");
  return rows;
}

/** A predictor trained on `training` with the chosen model. */
function train(training: readonly YearlyCount[], municipalities: readonly string[], options: BacktestOptions): Predictor {
  const model = options.model ?? "gamma-poisson";
  if (model === "series-fit") {
    const window = options.window ?? 5;
    const fits = new Map(municipalities.map((code) => {
      const series = training.filter((r) => r.municipality === code).sort((a, b) => a.year - b.year).map((r) => r.vacancies);
      if (series.length === 0) throw new Error(`no training years for ${code}: cannot back-test`);
      const fit = fitVacancySeries(series, window);
      return [code, {mean: fit.mean, table: negativeBinomialTable(fit.mean, fit.size ?? Infinity)}];
    }));
    return (_, code) => fits.get(code)!;
  }
  const exposure = (code: string) => options.exposures?.get(code) ?? 1;
  const units: Unit[] = municipalities.map((code) => ({
    code,
    exposure: exposure(code),
    observations: training.filter((r) => r.municipality === code).map((r) => ({year: r.year, count: r.vacancies, exposure: exposure(code)}))
  }));
  for (const u of units) if (u.observations.length === 0) throw new Error(`no training years for ${u.code}: cannot back-test`);
  const fit = fitPooled(units, options.settings ?? VACANCY_SETTINGS);
  return (year, code) => {
    const i = municipalities.indexOf(code);
    const m = predictiveMoments(fit, i, year, exposure(code));
    return {mean: m.mean, table: predictiveTable(m.mean, m.variance)};
  };
}

/**
 * The negative binomial with this mean and variance (Poisson when the variance is not above the mean).
 *
 * @example
 * predictiveTable(100, 150); // size 100² / 50 = 200
 */
export function predictiveTable(mean: number, variance: number): DiscreteTable {
  return negativeBinomialTable(mean, variance > mean ? (mean * mean) / (variance - mean) : Infinity);
}

/**
 * CRPS of a count y under a tabulated distribution: Σₖ (F(k) − 1{k ≥ y})², over all integers k.
 *
 * @example
 * countCrps({lo: 5, cdf: Float64Array.of(1)}, 5); // 0 (certain and right)
 * countCrps({lo: 5, cdf: Float64Array.of(1)}, 7); // 2
 */
export function countCrps(table: DiscreteTable, y: number): number {
  const hi = table.lo + table.cdf.length - 1;
  let sum = 0;
  for (let k = Math.min(table.lo, y); k <= Math.max(hi, y); k++) {
    const d = tableCdf(table, k) - (k >= y ? 1 : 0);
    sum += d * d;
  }
  return sum;
}

function score(
  predict: Predictor,
  r: YearlyCount,
  random: () => number,
  meta: Pick<Forecast, "model" | "holdout" | "scheme" | "trainedThrough" | "horizon">
): Forecast {
  const {mean, table} = predict(r.year, r.municipality);
  const below = tableCdf(table, r.vacancies - 1);
  const at = tableCdf(table, r.vacancies);
  return {
    ...meta,
    municipality: r.municipality,
    year: r.year,
    observed: r.vacancies,
    mean,
    p5: tableQuantile(table, 0.05),
    p25: tableQuantile(table, 0.25),
    p50: tableQuantile(table, 0.5),
    p75: tableQuantile(table, 0.75),
    p95: tableQuantile(table, 0.95),
    pit: below + random() * (at - below),
    crps: countCrps(table, r.vacancies)
  };
}

const order = (municipalities: readonly string[]) => (a: YearlyCount, b: YearlyCount) =>
  municipalities.indexOf(a.municipality) - municipalities.indexOf(b.municipality) || a.year - b.year;

/**
 * Forecasts the last `holdout` years of each municipality's series from the years before them, with one of the
 * BACKTEST_MODELS (default `gamma-poisson`). `seed` drives only the randomisation of the PIT.
 *
 * @example
 * backtest(datasets.vacancies, ["GM0307", "GM0308"], 2, 1, {exposures}); // forecasts of 2023 and 2024 from 2019-2022
 */
export function backtest(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  holdout: number,
  seed: number,
  options: BacktestOptions = {}
): Forecast[] {
  if (!Number.isInteger(holdout) || holdout < 1) throw new Error(`holdout must be a whole number ≥ 1, got ${holdout}`);
  const rows = inScope(records, municipalities);
  const last = Math.max(...rows.map((r) => r.year));
  const firstHeldOut = last - holdout + 1;
  const predict = train(rows.filter((r) => r.year < firstHeldOut), municipalities, options);
  // One PIT stream per back-test, so adding a municipality does not reshuffle another's randomisation per k.
  const random = seedrandom.alea(`pit:${seed}:${holdout}`);
  const model = options.model ?? "gamma-poisson";
  return rows.filter((r) => r.year >= firstHeldOut).sort(order(municipalities)).map((r) =>
    score(predict, r, random, {model, holdout, scheme: "holdout", trainedThrough: firstHeldOut - 1, horizon: r.year - firstHeldOut + 1}));
}

/**
 * Rolling origin: for every origin year o with at least `minTraining` years up to it, train on the years ≤ o and
 * forecast every later year (horizon = year − o).
 *
 * @example
 * rollingOrigin(datasets.vacancies, codes, 1, {exposures}).filter((f) => f.horizon === 1); // one-year-ahead forecasts
 */
export function rollingOrigin(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  seed: number,
  options: BacktestOptions & {readonly minTraining?: number} = {}
): Forecast[] {
  const rows = inScope(records, municipalities);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const minTraining = options.minTraining ?? 3;
  const model = options.model ?? "gamma-poisson";
  const random = seedrandom.alea(`pit:${seed}:rolling`);
  const out: Forecast[] = [];
  for (const origin of years.slice(minTraining - 1, -1)) {
    const predict = train(rows.filter((r) => r.year <= origin), municipalities, options);
    for (const r of rows.filter((x) => x.year > origin).sort(order(municipalities))) {
      out.push(score(predict, r, random, {model, holdout: 0, scheme: "rolling", trainedThrough: origin, horizon: r.year - origin}));
    }
  }
  return out;
}

/**
 * Leave one year out: each year of the series forecast from all the other years (of every municipality).
 *
 * @example
 * leaveOneYearOut(datasets.vacancies, codes, 1, {exposures}).length; // 8 municipalities × 6 years
 */
export function leaveOneYearOut(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  seed: number,
  options: BacktestOptions = {}
): Forecast[] {
  const rows = inScope(records, municipalities);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const model = options.model ?? "gamma-poisson";
  const random = seedrandom.alea(`pit:${seed}:loyo`);
  const last = years.at(-1)!;
  return years.flatMap((year) => {
    const predict = train(rows.filter((r) => r.year !== year), municipalities, options);
    return rows.filter((r) => r.year === year).sort(order(municipalities)).map((r) =>
      score(predict, r, random, {model, holdout: 0, scheme: "loyo", trainedThrough: last, horizon: 0}));
  });
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

/** Scores of a set of forecasts. */
export interface Scores {
  readonly n: number;
  readonly coverage50: number;
  readonly coverage90: number;
  /** Mean of observed − forecast mean (negative: forecasts too high). */
  readonly bias: number;
  /** Mean of observed / forecast mean − 1. */
  readonly relativeBias: number;
  readonly crps: number;
  /** Mean PIT (0.5 for calibrated forecasts). */
  readonly meanPit: number;
}

/**
 * Coverage, bias, CRPS and mean PIT of a set of forecasts.
 *
 * @example
 * scores(forecasts).coverage90; // 0.9 when calibrated
 */
export function scores(forecasts: readonly Forecast[]): Scores {
  const n = forecasts.length;
  const avg = (f: (x: Forecast) => number) => (n === 0 ? NaN : forecasts.reduce((a, x) => a + f(x), 0) / n);
  return {
    n,
    coverage50: coverage(forecasts, 50),
    coverage90: coverage(forecasts, 90),
    bias: avg((f) => f.observed - f.mean),
    relativeBias: avg((f) => f.observed / f.mean - 1),
    crps: avg((f) => f.crps),
    meanPit: avg((f) => f.pit)
  };
}

/**
 * Scores per municipality, in the given order.
 *
 * @example
 * scoresByMunicipality(forecasts, codes)[0]; // {municipality: "GM0307", n: …, coverage90: …, bias: …, crps: …}
 */
export function scoresByMunicipality(forecasts: readonly Forecast[], municipalities: readonly string[]): (Scores & {municipality: string})[] {
  return municipalities.map((code) => ({municipality: code, ...scores(forecasts.filter((f) => f.municipality === code))}));
}

export type Lean = "te hoog" | "te laag" | "geen";

/** The smallest deviation of the mean PIT from 0.5 that is called a lean. */
export const LEAN_MARGIN = 0.03;

const pct0 = new Intl.NumberFormat("nl-NL", {style: "percent", maximumFractionDigits: 0});
const pct1 = new Intl.NumberFormat("nl-NL", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1});

/**
 * Whether forecasts lean high or low, in Dutch words. The mean PIT of calibrated forecasts is 0.5 with standard
 * error √(1/12/n); a mean PIT more than two standard errors below 0.5 means the realised values fall low in the
 * forecast distributions: the forecasts lean high (and above 0.5: low); a deviation below LEAN_MARGIN is too small to
 * matter, however many values. Also says when the 90% bands are too narrow
 * (coverage below 80%) or too wide (above 97%).
 *
 * @example
 * leanText(forecasts).text; // "De voorspellingen liggen te hoog: …"
 */
export function leanText(forecasts: readonly Forecast[]): {lean: Lean; text: string} {
  const s = scores(forecasts);
  if (s.n === 0) return {lean: "geen", text: "Geen voorspellingen om te beoordelen."};
  const se = Math.sqrt(1 / 12 / s.n);
  // Both beyond chance and large enough to matter: a mean PIT within 47-53% is no lean worth a word.
  const margin = Math.max(2 * se, LEAN_MARGIN);
  const lean: Lean = s.meanPit < 0.5 - margin ? "te hoog" : s.meanPit > 0.5 + margin ? "te laag" : "geen";
  const direction = s.relativeBias < 0 ? "onder" : "boven";
  const size = pct1.format(Math.abs(s.relativeBias));
  let text =
    lean === "geen"
      ? `Geen duidelijke scheefheid: de werkelijke waarden liggen gemiddeld ${size} ${direction} de voorspelde verwachting, binnen wat toeval bij ${s.n} waarden geeft.`
      : `De voorspellingen liggen ${lean}: de werkelijke waarden liggen gemiddeld ${size} ${direction} de voorspelde verwachting (gemiddelde PIT ${pct0.format(s.meanPit)}, bij goede voorspellingen 50%; ${s.n} waarden).`;
  if (s.coverage90 < 0.8) text += ` De 90%-banden zijn te smal: ze vangen ${pct0.format(s.coverage90)}.`;
  else if (s.coverage90 > 0.97) text += ` De 90%-banden zijn ruim: ze vangen ${pct0.format(s.coverage90)}.`;
  return {lean, text};
}
