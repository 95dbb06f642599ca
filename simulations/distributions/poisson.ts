import {tableOf, type DiscreteTable, type TableSpec} from "./table.ts";

/**
 * Poisson(mean) as the tables take it: p(k+1) / p(k) = mean / (k + 1) from the mode ⌊mean⌋.
 *
 * @example
 * TableSet.of(means.map(poissonSpec)); // many tables at once
 */
export function poissonSpec(mean: number): TableSpec {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return {point: 0};
  return {mode: Math.floor(mean), ratio: (k) => mean / (k + 1)};
}

/**
 * Inverse-CDF table of Poisson(mean). Sample with `sampleTable(table, u)`.
 *
 * @example
 * const t = poissonTable(4);
 * sampleTable(t, 0.5); // 4
 */
export function poissonTable(mean: number): DiscreteTable {
  return tableOf(poissonSpec(mean));
}
