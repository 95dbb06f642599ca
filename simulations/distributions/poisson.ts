import {makeTable, tableFromRatio, type DiscreteTable} from "./table.ts";

/**
 * Inverse-CDF table of Poisson(mean). Sample with `sampleTable(table, u)`.
 *
 * @example
 * const t = poissonTable(4);
 * sampleTable(t, 0.5); // 4
 */
export function poissonTable(mean: number): DiscreteTable {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return makeTable(0, Float64Array.of(1));
  return tableFromRatio(Math.floor(mean), (k) => mean / (k + 1));
}
