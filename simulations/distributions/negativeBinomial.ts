import {tableFromRatio, type DiscreteTable} from "./table.ts";
import {poissonTable} from "./poisson.ts";

/**
 * Inverse-CDF table of the negative binomial with the given mean and size r (the Gamma-Poisson mixture with
 * Gamma shape r): variance = mean + mean² / r. size = Infinity gives the Poisson.
 *
 * @example
 * const t = negativeBinomialTable(10, 5); // variance 10 + 100/5 = 30
 * sampleTable(t, 0.5); // 9
 */
export function negativeBinomialTable(mean: number, size: number): DiscreteTable {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`negative binomial mean must be finite and ≥ 0, got ${mean}`);
  if (!(size > 0)) throw new Error(`negative binomial size must be > 0, got ${size}`);
  if (size === Infinity || mean === 0) return poissonTable(mean);
  const q = mean / (mean + size); // failure probability per trial in the (r, p) parameterisation
  const mode = size > 1 ? Math.floor(((size - 1) * q) / (1 - q)) : 0;
  return tableFromRatio(mode, (k) => ((k + size) / (k + 1)) * q);
}

/**
 * The negative binomial size that gives a count with this mean the given overdispersion φ
 * (variance = mean + φ·mean²): size = 1/φ; φ = 0 is the Poisson (size Infinity).
 *
 * @example
 * sizeFromOverdispersion(0.1); // 10
 */
export function sizeFromOverdispersion(phi: number): number {
  if (!(phi >= 0)) throw new Error(`overdispersion must be ≥ 0, got ${phi}`);
  return phi === 0 ? Infinity : 1 / phi;
}
