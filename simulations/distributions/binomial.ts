import {makeTable, tableFromRatio, type DiscreteTable} from "./table.ts";

/**
 * Inverse-CDF table of Binomial(n, p).
 *
 * @example
 * sampleTable(binomialTable(10, 0.5), 0.5); // 5
 */
export function binomialTable(n: number, p: number): DiscreteTable {
  if (!Number.isInteger(n) || n < 0) throw new Error(`binomial n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomial p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return makeTable(0, Float64Array.of(1));
  if (p === 1) return makeTable(n, Float64Array.of(1));
  const odds = p / (1 - p);
  return tableFromRatio(Math.min(n, Math.floor((n + 1) * p)), (k) => ((n - k) / (k + 1)) * odds, n);
}

/**
 * Binomial tables for one p, built on first use for each n: the return split draws Binomial(D, share) for many
 * inflow counts D but only a few distinct ones, so a run costs a lookup, not a table.
 *
 * @example
 * const tables = binomialTables(0.8);
 * sampleTable(tables(10), 0.5); // 8
 */
export function binomialTables(p: number): (n: number) => DiscreteTable {
  const cache: DiscreteTable[] = [];
  return (n) => (cache[n] ??= binomialTable(n, p));
}
