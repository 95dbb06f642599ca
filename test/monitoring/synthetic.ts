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
