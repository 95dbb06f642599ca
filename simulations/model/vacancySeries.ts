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
