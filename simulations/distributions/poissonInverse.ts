// Poisson draws by inversion for a mean that changes from draw to draw (a calibration's per-run rate), where a
// table per draw would cost more than the draw: start at the mode and walk toward the uniform.
import {gammaln} from "simple-statistics";

/** What inversion needs about Poisson(mean): its mode, the probability there and the CDF there. */
export interface PoissonSampler {
  readonly mean: number;
  readonly mode: number;
  readonly pMode: number;
  readonly cdfMode: number;
}

/**
 * Prepares Poisson(mean) for inversion: P(mode) from log-gamma (simple-statistics `gammaln`), and P(X ≤ mode) by
 * summing down from the mode until the terms no longer matter (about 10 standard deviations). Reuse it for many
 * draws with the same mean.
 *
 * @example
 * samplePoisson(poissonSampler(1300), 0.5); // 1300, the median
 */
export function poissonSampler(mean: number): PoissonSampler {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return {mean, mode: 0, pMode: 1, cdfMode: 1};
  const mode = Math.floor(mean);
  const pMode = Math.exp(mode * Math.log(mean) - mean - gammaln(mode + 1));
  let cdf = pMode;
  let p = pMode;
  for (let k = mode; k > 0; k--) {
    p = (p * k) / mean; // P(k - 1) = P(k) · k / mean
    cdf += p;
    if (p < 1e-17 * pMode) break;
  }
  return {mean, mode, pMode, cdfMode: Math.min(cdf, 1)};
}

/**
 * The smallest k with P(X ≤ k) > u, for u in [0, 1): one uniform per draw, monotone in the mean.
 *
 * @example
 * samplePoisson(poissonSampler(4), 0.01); // 0
 */
export function samplePoisson(s: PoissonSampler, u: number): number {
  let k = s.mode;
  let p = s.pMode;
  let cdf = s.cdfMode;
  if (u < cdf) {
    // Walk down while P(X ≤ k - 1) = cdf - p still exceeds u.
    while (k > 0 && u < cdf - p) {
      cdf -= p;
      p = (p * k) / s.mean;
      k--;
    }
    return k;
  }
  // Walk up; stop if the probabilities underflow (u beyond the mass that rounding left, about 1e-15).
  while (cdf <= u && p > 0) {
    k++;
    p = (p * s.mean) / k;
    cdf += p;
  }
  return k;
}
