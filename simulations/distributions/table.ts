// Discrete distributions sampled by inversion of a tabulated CDF: one uniform per draw, and the draw is monotone
// in the uniform, so two scenarios fed the same uniform get tightly coupled counts (common random numbers).

/**
 * A tabulated CDF on the integers lo, lo+1, …: `cdf[i]` = P(X ≤ lo + i); the last entry is exactly 1.
 * `guide[j]` is the first index whose CDF exceeds j / guide.length (Chen and Asau's guide table), so a draw starts
 * its search next to the answer: about two comparisons per draw, whatever the table's length.
 */
export interface DiscreteTable {
  readonly lo: number;
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
}

/**
 * A table from its CDF (ascending, ending at exactly 1).
 *
 * @example
 * makeTable(0, Float64Array.of(0.25, 1)).guide; // Int32Array [0, 1]
 */
export function makeTable(lo: number, cdf: Float64Array): DiscreteTable {
  const n = cdf.length;
  const guide = new Int32Array(n);
  for (let j = 0, i = 0; j < n; j++) {
    while (cdf[i]! <= j / n) i++;
    guide[j] = i;
  }
  return {lo, cdf, guide};
}

/** Relative mass below this fraction of the mode's mass is dropped (far below a double's resolution of the CDF). */
const TAIL = 1e-17;

/**
 * Tabulates a distribution from its mode and the ratio of successive probabilities, p(k+1) / p(k) = ratio(k).
 * Working outward from the mode with relative weights needs no normalising constant (no log-gamma), and the
 * table is normalised by its own sum, so the CDF ends at exactly 1.
 *
 * @example
 * // Poisson(3): p(k+1)/p(k) = 3/(k+1)
 * const t = tableFromRatio(3, (k) => 3 / (k + 1));
 * sampleTable(t, 0.5); // 3, the median
 */
export function tableFromRatio(mode: number, ratio: (k: number) => number, max = Infinity): DiscreteTable {
  if (!Number.isInteger(mode) || mode < 0) throw new Error(`mode must be a non-negative integer, got ${mode}`);
  const below: number[] = [];
  let p = 1;
  for (let k = mode - 1; k >= 0; k--) {
    const r = ratio(k);
    if (!(r > 0)) break; // p(k) = p(k+1) / r: zero ratio means zero mass below
    p /= r;
    if (p < TAIL) break;
    below.push(p);
  }
  const above: number[] = [];
  p = 1;
  for (let k = mode; k < max; k++) {
    p *= ratio(k);
    if (!(p >= TAIL)) break;
    above.push(p);
  }
  const n = below.length + 1 + above.length;
  const cdf = new Float64Array(n);
  let sum = 0;
  let i = 0;
  for (let j = below.length - 1; j >= 0; j--) cdf[i++] = sum += below[j]!;
  cdf[i++] = sum += 1;
  for (const q of above) cdf[i++] = sum += q;
  for (let j = 0; j < n; j++) cdf[j]! /= sum;
  cdf[n - 1] = 1; // exact, whatever the rounding of the division above
  return makeTable(mode - below.length, cdf);
}

/**
 * The smallest k with P(X ≤ k) > u, for u in [0, 1): inversion, starting from the guide table.
 *
 * @example
 * sampleTable(makeTable(0, Float64Array.of(0.25, 1)), 0.1); // 0
 * sampleTable(makeTable(0, Float64Array.of(0.25, 1)), 0.3); // 1
 */
export function sampleTable(table: DiscreteTable, u: number): number {
  const cdf = table.cdf;
  // guide[floor(u·n)] never overshoots: its CDF exceeds floor(u·n)/n ≤ u only from that index on.
  let i = table.guide[(u * cdf.length) | 0]!;
  while (cdf[i]! <= u) i++;
  return table.lo + i;
}

/** The exact mean of a tabulated distribution (for tests and for documenting a table). */
export function tableMean(table: DiscreteTable): number {
  let mean = 0;
  let prev = 0;
  for (let i = 0; i < table.cdf.length; i++) {
    mean += (table.lo + i) * (table.cdf[i]! - prev);
    prev = table.cdf[i]!;
  }
  return mean;
}

/**
 * Many tables in one set of flat typed arrays, sampled by index: the engine's draws index one Float64Array and one
 * Int32Array instead of chasing a table object per draw. `sample(k, u)` equals `sampleTable(tables[k], u)`.
 *
 * @example
 * const set = new TableSet([poissonTable(3), poissonTable(40)]);
 * set.sample(1, 0.5); // sampleTable(poissonTable(40), 0.5)
 */
export class TableSet {
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
  /** Where table k starts in `cdf` and `guide`. */
  readonly start: Int32Array;
  /** Table k's length. */
  readonly size: Int32Array;
  readonly lo: Int32Array;

  constructor(tables: readonly DiscreteTable[]) {
    let total = 0;
    for (const t of tables) total += t.cdf.length;
    this.cdf = new Float64Array(total);
    this.guide = new Int32Array(total);
    this.start = new Int32Array(tables.length);
    this.size = new Int32Array(tables.length);
    this.lo = new Int32Array(tables.length);
    let at = 0;
    tables.forEach((t, k) => {
      this.cdf.set(t.cdf, at);
      this.guide.set(t.guide, at);
      this.start[k] = at;
      this.size[k] = t.cdf.length;
      this.lo[k] = t.lo;
      at += t.cdf.length;
    });
  }

  /** The smallest value with P(X ≤ value) > u in table k, for u in [0, 1). */
  sample(k: number, u: number): number {
    const cdf = this.cdf;
    const s = this.start[k]!;
    let i = s + this.guide[s + ((u * this.size[k]!) | 0)]!;
    while (cdf[i]! <= u) i++;
    return this.lo[k]! + i - s;
  }
}
