import {tableOf, type DiscreteTable, type TableSpec} from "./table.ts";
import {poissonSpec} from "./poisson.ts";

/**
 * The negative binomial with the given mean and size r (the Gamma-Poisson mixture with Gamma shape r) as the tables
 * take it: variance = mean + mean² / r; size = Infinity gives the Poisson.
 *
 * @example
 * TableSet.of(means.map((mean) => negativeBinomialSpec(mean, 5)));
 */
export function negativeBinomialSpec(mean: number, size: number): TableSpec {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`negative binomial mean must be finite and ≥ 0, got ${mean}`);
  if (!(size > 0)) throw new Error(`negative binomial size must be > 0, got ${size}`);
  if (size === Infinity || mean === 0) return poissonSpec(mean);
  const q = mean / (mean + size); // failure probability per trial in the (r, p) parameterisation
  const mode = size > 1 ? Math.floor(((size - 1) * q) / (1 - q)) : 0;
  return {mode, ratio: (k) => ((k + size) / (k + 1)) * q};
}

/**
 * Inverse-CDF table of the negative binomial with the given mean and size r (see `negativeBinomialSpec`).
 *
 * @example
 * const t = negativeBinomialTable(10, 5); // variance 10 + 100/5 = 30
 * sampleTable(t, 0.5); // 9
 */
export function negativeBinomialTable(mean: number, size: number): DiscreteTable {
  return tableOf(negativeBinomialSpec(mean, size));
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
