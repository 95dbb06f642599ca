// The vacancy model's parameters from a municipality's own series of yearly lettings.
import {mean as average, sampleVariance} from "simple-statistics";

/** Mean and negative binomial size (null: Poisson) of a municipality's yearly vacancies. */
export interface VacancyFit {
  readonly mean: number;
  /** Negative binomial size r (variance = mean + mean²/r); null when the series is not overdispersed. */
  readonly size: number | null;
}

/**
 * Fits the yearly vacancy count on the last `window` values of the series (ordered by year): the mean is their
 * average; the spread is the method-of-moments negative binomial when their sample variance exceeds the mean
 * (overdispersed relative to Poisson), r = mean² / (variance − mean), and Poisson otherwise (also with fewer than
 * two years, when no variance can be estimated). The year-to-year variance includes any trend in the window, so it
 * errs on the side of more spread.
 *
 * @example
 * fitVacancySeries([1308, 1380, 1367, 1237, 1322, 1301], 5); // {mean: 1321.4, size: ≈ 899}
 * fitVacancySeries([70, 71, 69], 5); // {mean: 70, size: null} — less spread than Poisson
 */
export function fitVacancySeries(series: readonly number[], window: number): VacancyFit {
  if (series.length === 0) throw new Error("the vacancy series is empty");
  const recent = series.slice(-window);
  const mean = average(recent);
  if (recent.length < 2) return {mean, size: null};
  const variance = sampleVariance(recent);
  return {mean, size: variance > mean ? (mean * mean) / (variance - mean) : null};
}

/** The most a fitted trend may change lettings per year (±3%): five yearly values, most of them estimates, do not
 * support a steeper extrapolation over six years. */
export const MAX_TREND = 0.03;

/** A log-linear trend of yearly lettings: level at `lastYear`, yearly growth factor, negative binomial size. */
export interface VacancyTrend {
  /** Fitted lettings in the series' last year. */
  readonly level: number;
  /** Yearly growth factor (1 = no trend), clamped to 1 ± MAX_TREND. */
  readonly growth: number;
  readonly lastYear: number;
  /** Negative binomial size of the spread around the trend (null: Poisson). */
  readonly size: number | null;
}

/**
 * Fits ln(lettings) = a + b·year by least squares on the last `window` years of the series, so a falling or rising
 * turnover is carried forward (growth e^b, clamped to ±3% a year); the spread is the residual variance around the
 * trend (n − 2 degrees of freedom), as a method-of-moments negative binomial when it exceeds the mean, Poisson
 * otherwise. Without `trend` (or with fewer than three years) the level is the window's mean and the growth 1, as
 * `fitVacancySeries`.
 *
 * @example
 * fitVacancyTrend([{year: 2022, vacancies: 110}, {year: 2023, vacancies: 105}, {year: 2024, vacancies: 100}], 5, true).growth; // ≈ 0.97 (clamped)
 */
export function fitVacancyTrend(series: readonly {readonly year: number; readonly vacancies: number}[], window: number, trend: boolean): VacancyTrend {
  if (series.length === 0) throw new Error("the vacancy series is empty");
  const recent = series.slice(-window);
  const lastYear = recent[recent.length - 1]!.year;
  const n = recent.length;
  const flat = fitVacancySeries(recent.map((r) => r.vacancies), window);
  if (!trend || n < 3 || recent.some((r) => !(r.vacancies > 0))) return {level: flat.mean, growth: 1, lastYear, size: flat.size};
  let sx = 0, sy = 0;
  for (const r of recent) {
    sx += r.year;
    sy += Math.log(r.vacancies);
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0, sxy = 0;
  for (const r of recent) {
    sxx += (r.year - mx) * (r.year - mx);
    sxy += (r.year - mx) * (Math.log(r.vacancies) - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const growth = Math.min(1 + MAX_TREND, Math.max(1 - MAX_TREND, Math.exp(slope)));
  // Level through the window's geometric centre with the clamped slope.
  const fitted = (year: number) => Math.exp(my + Math.log(growth) * (year - mx));
  let ss = 0, mean = 0;
  for (const r of recent) {
    const f = fitted(r.year);
    ss += (r.vacancies - f) * (r.vacancies - f);
    mean += f / n;
  }
  const variance = ss / (n - 2);
  return {level: fitted(lastYear), growth, lastYear, size: variance > mean ? (mean * mean) / (variance - mean) : null};
}
