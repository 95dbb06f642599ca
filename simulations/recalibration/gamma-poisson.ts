// The Gamma-Poisson model behind the engine's yearly counts: a yearly rate λ with a Gamma(shape α, rate β) belief,
// and each year's count Poisson(λ). Conjugacy makes learning from realised years a matter of adding up.
import type {GammaBelief} from "../model/calibration.ts";
import {negativeBinomialTable} from "../distributions/negativeBinomial.ts";
import type {DiscreteTable} from "../distributions/table.ts";

/**
 * The conjugate update: after observing yearly counts y₁…yₙ, Gamma(α, β) becomes Gamma(α + Σy, β + n).
 *
 * @example
 * updateGamma({shape: 10, rate: 0.1}, [95, 105]); // {shape: 210, rate: 2.1}, mean 100
 */
export function updateGamma(prior: GammaBelief, counts: readonly number[]): GammaBelief {
  assertBelief(prior);
  let sum = 0;
  for (const y of counts) {
    if (!Number.isSafeInteger(y) || y < 0) throw new Error(`a yearly count must be a non-negative integer, got ${y}`);
    sum += y;
  }
  return {shape: prior.shape + sum, rate: prior.rate + counts.length};
}

/**
 * A Gamma belief with the given mean and strength in pseudo-years: Gamma(mean·strength, strength). Its weight in
 * the update equals that many realised years whose average is `mean`.
 *
 * @example
 * beliefFromMean(100, 2); // {shape: 200, rate: 2}
 */
export function beliefFromMean(mean: number, strength: number): GammaBelief {
  if (!(mean > 0) || !Number.isFinite(mean)) throw new Error(`a prior mean must be finite and > 0, got ${mean}`);
  if (!(strength > 0) || !Number.isFinite(strength)) throw new Error(`a prior strength must be finite and > 0, got ${strength}`);
  return {shape: mean * strength, rate: strength};
}

/** Mean α/β of a Gamma belief. @example gammaMean({shape: 200, rate: 2}); // 100 */
export function gammaMean(b: GammaBelief): number {
  return b.shape / b.rate;
}

/** Variance α/β² of a Gamma belief. @example gammaVariance({shape: 200, rate: 2}); // 50 */
export function gammaVariance(b: GammaBelief): number {
  return b.shape / (b.rate * b.rate);
}

/**
 * The predictive distribution of next year's count: the negative binomial with size α and mean α/β (variance
 * α/β + α/β²), tabulated by the engine's own `negativeBinomialTable`, so bands here and in the engine agree.
 *
 * @example
 * const t = predictiveTable({shape: 200, rate: 2}); // mean 100, variance 150
 */
export function predictiveTable(b: GammaBelief): DiscreteTable {
  assertBelief(b);
  return negativeBinomialTable(gammaMean(b), b.shape);
}

/**
 * P(X ≤ k) from a tabulated distribution; 0 below its support and 1 above it.
 *
 * @example
 * tableCdf({lo: 2, cdf: Float64Array.of(0.5, 1)}, 2); // 0.5
 */
export function tableCdf(table: DiscreteTable, k: number): number {
  const i = Math.floor(k) - table.lo;
  if (i < 0) return 0;
  if (i >= table.cdf.length) return 1;
  return table.cdf[i]!;
}

/**
 * The p-quantile of a tabulated distribution: the smallest k with P(X ≤ k) ≥ p (the exact quantile of a count).
 *
 * @example
 * tableQuantile({lo: 0, cdf: Float64Array.of(0.25, 0.75, 1)}, 0.5); // 1
 */
export function tableQuantile(table: DiscreteTable, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`a probability must be in [0, 1], got ${p}`);
  const cdf = table.cdf;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // A tiny tolerance so that a CDF that reaches p up to rounding counts as reaching it.
    if (cdf[mid]! >= p - 1e-12) hi = mid;
    else lo = mid + 1;
  }
  return table.lo + lo;
}

function assertBelief(b: GammaBelief): void {
  if (!(b.shape > 0) || !(b.rate > 0) || !Number.isFinite(b.shape) || !Number.isFinite(b.rate)) {
    throw new Error(`a Gamma belief needs finite shape > 0 and rate > 0, got shape ${b.shape}, rate ${b.rate}`);
  }
}
