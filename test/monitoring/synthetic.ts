// Synthetic yearly counts drawn with the engine's own distributions and random streams, from known parameters.
import {gamma} from "../../simulations/distributions/gamma.ts";
import {poissonTable} from "../../simulations/distributions/poisson.ts";
import {sampleTable} from "../../simulations/distributions/table.ts";
import {stream} from "../../simulations/random/streams.ts";

/**
 * Yearly counts for one municipality: Poisson(μ) each year, or, with `size`, a Gamma-Poisson year-to-year
 * variation (each year's rate Gamma(size, size/μ): dispersion index 1 + μ/size).
 */
export function syntheticCounts(mean: number, years: number, seed: number, municipality: number, size?: number): number[] {
  const counts = stream(seed, "vacancies", 0, municipality);
  const rates = stream(seed, "vacancyRate", 0, municipality);
  return Array.from({length: years}, () => {
    const rate = size === undefined ? mean : gamma(size, size / mean, rates);
    return sampleTable(poissonTable(rate), counts());
  });
}

/** Known parameters of a synthetic region: per municipality a stock, a turnover and an overdispersion φ ≥ 1. */
export interface SyntheticRegion {
  readonly codes: readonly string[];
  readonly stocks: readonly number[];
  readonly turnover: readonly number[];
  readonly phis: readonly number[];
  /** Regional log growth per year. */
  readonly trend: number;
  readonly referenceYear: number;
}

/** Eight municipalities like the region's: stocks, turnovers around 5.3%, φ between 1 and 3, a trend of −1% a year. */
export const REGION: SyntheticRegion = {
  codes: ["GM9001", "GM9002", "GM9003", "GM9004", "GM9005", "GM9006", "GM9007", "GM9008"],
  stocks: [22600, 3170, 2130, 1040, 3370, 5290, 5650, 1200],
  turnover: [0.058, 0.033, 0.049, 0.05, 0.054, 0.052, 0.051, 0.059],
  phis: [2.5, 1, 1.5, 1, 2, 3, 1.2, 1],
  trend: -0.01,
  referenceYear: 2021
};

/**
 * Yearly counts drawn from the pooled model's own assumptions: mean stock·turnover·exp(trend·(t − t₀)), and
 * year-to-year noise with variance φ·mean (a negative binomial: Poisson of a Gamma with shape mean/(φ − 1)).
 */
export function syntheticRegionSeries(region: SyntheticRegion, years: readonly number[], seed: number): {municipality: string; year: number; vacancies: number}[] {
  return region.codes.flatMap((code, m) => {
    const counts = stream(seed, "vacancies", 0, m);
    const rates = stream(seed, "vacancyRate", 0, m);
    const phi = region.phis[m]!;
    return years.map((year) => {
      const mean = region.stocks[m]! * region.turnover[m]! * Math.exp(region.trend * (year - region.referenceYear));
      const rate = phi > 1 ? gamma(mean / (phi - 1), 1 / (phi - 1), rates) : mean;
      return {municipality: code, year, vacancies: sampleTable(poissonTable(rate), counts())};
    });
  });
}
