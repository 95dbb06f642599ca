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
  const guide = new Int32Array(cdf.length);
  writeGuide(cdf, guide, 0, cdf.length);
  return {lo, cdf, guide};
}

/** Relative mass below this fraction of the mode's mass is dropped (far below a double's resolution of the CDF). */
const TAIL = 1e-17;

/**
 * A distribution on the integers as the tables take it: its mode and the ratio of successive probabilities,
 * p(k+1) / p(k) = ratio(k), up to `max` (default unbounded); or all mass on one value.
 */
export type TableSpec = {readonly mode: number; readonly ratio: (k: number) => number; readonly max?: number} | {readonly point: number};

// Relative weights below and above the mode, reused by every table built (no allocation per table).
let below: Float64Array = new Float64Array(256);
let above: Float64Array = new Float64Array(256);
function grown(a: Float64Array, n: number): Float64Array {
  if (n < a.length) return a;
  const more = new Float64Array(2 * a.length);
  more.set(a);
  return more;
}

/**
 * Writes the table of `spec` into `cdf` and `guide` from index `at` (the caller has made room: see `tableLength`)
 * and returns its lowest value. Working outward from the mode with relative weights needs no normalising constant
 * (no log-gamma), and the table is normalised by its own sum, so the CDF ends at exactly 1.
 */
function writeTable(spec: TableSpec, lengths: {below: number; above: number}, cdf: Float64Array, guide: Int32Array, at: number): number {
  if ("point" in spec) {
    cdf[at] = 1;
    guide[at] = 0;
    return spec.point;
  }
  const n = lengths.below + 1 + lengths.above;
  let sum = 0;
  let i = at;
  for (let j = lengths.below - 1; j >= 0; j--) cdf[i++] = sum += below[j]!;
  cdf[i++] = sum += 1;
  for (let j = 0; j < lengths.above; j++) cdf[i++] = sum += above[j]!;
  for (let j = at; j < at + n; j++) cdf[j]! /= sum;
  cdf[at + n - 1] = 1; // exact, whatever the rounding of the division above
  writeGuide(cdf, guide, at, n);
  return spec.mode - lengths.below;
}

// guide[j] (relative to the table's start) is the first index whose CDF exceeds j / n.
function writeGuide(cdf: Float64Array, guide: Int32Array, at: number, n: number): void {
  for (let j = 0, i = 0; j < n; j++) {
    while (cdf[at + i]! <= j / n) i++;
    guide[at + j] = i;
  }
}

// Fills the scratch weights of a spec (below the mode, nearest first; above it) and returns how many of each.
function weigh(spec: TableSpec): {below: number; above: number} {
  if ("point" in spec) return {below: 0, above: 0};
  const {mode, ratio, max = Infinity} = spec;
  if (!Number.isInteger(mode) || mode < 0) throw new Error(`mode must be a non-negative integer, got ${mode}`);
  let nBelow = 0;
  let p = 1;
  for (let k = mode - 1; k >= 0; k--) {
    const r = ratio(k);
    if (!(r > 0)) break; // p(k) = p(k+1) / r: zero ratio means zero mass below
    p /= r;
    if (p < TAIL) break;
    below = grown(below, nBelow);
    below[nBelow++] = p;
  }
  let nAbove = 0;
  p = 1;
  for (let k = mode; k < max; k++) {
    p *= ratio(k);
    if (!(p >= TAIL)) break;
    above = grown(above, nAbove);
    above[nAbove++] = p;
  }
  return {below: nBelow, above: nAbove};
}

/**
 * The table of a spec.
 *
 * @example
 * tableOf({mode: 3, ratio: (k) => 3 / (k + 1)}); // Poisson(3)
 * tableOf({point: 5}).lo; // 5
 */
export function tableOf(spec: TableSpec): DiscreteTable {
  const lengths = weigh(spec);
  const n = lengths.below + 1 + lengths.above;
  const cdf = new Float64Array(n);
  const guide = new Int32Array(n);
  return {lo: writeTable(spec, lengths, cdf, guide, 0), cdf, guide};
}

/**
 * Tabulates a distribution from its mode and the ratio of successive probabilities, p(k+1) / p(k) = ratio(k).
 *
 * @example
 * // Poisson(3): p(k+1)/p(k) = 3/(k+1)
 * const t = tableFromRatio(3, (k) => 3 / (k + 1));
 * sampleTable(t, 0.5); // 3, the median
 */
export function tableFromRatio(mode: number, ratio: (k: number) => number, max = Infinity): DiscreteTable {
  return tableOf({mode, ratio, max});
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

// TableSet.of's scratch: one level of the inflow tables fits (about 6,000 entries).
let scratchCdf = new Float64Array(8192);
let scratchGuide = new Int32Array(8192);

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

  /**
   * The tables of many specs, written straight into the set's arrays (no table object per spec): the engine builds
   * thousands of tables whenever an assumption changes.
   *
   * @example
   * TableSet.of([3, 40].map((mean) => poissonSpec(mean))).sample(1, 0.5); // as sampleTable(poissonTable(40), 0.5)
   */
  static of(specs: Iterable<TableSpec>): TableSet {
    // Written into scratch space kept between calls, then copied once at its exact size: fresh memory is what costs
    // (in a Chromium worker about 4 ms a megabyte, against 0,2 in Node), and growing by doubling touched it twice.
    let cdf = scratchCdf;
    let guide = scratchGuide;
    const start: number[] = [];
    const size: number[] = [];
    const lo: number[] = [];
    let at = 0;
    for (const spec of specs) {
      const lengths = weigh(spec);
      const n = lengths.below + 1 + lengths.above;
      if (at + n > cdf.length) {
        const room = Math.max(2 * cdf.length, at + n);
        const moreCdf = new Float64Array(room);
        const moreGuide = new Int32Array(room);
        moreCdf.set(cdf.subarray(0, at));
        moreGuide.set(guide.subarray(0, at));
        cdf = scratchCdf = moreCdf;
        guide = scratchGuide = moreGuide;
      }
      lo.push(writeTable(spec, lengths, cdf, guide, at));
      start.push(at);
      size.push(n);
      at += n;
    }
    return new TableSet({cdf: cdf.slice(0, at), guide: guide.slice(0, at), start: Int32Array.from(start), size: Int32Array.from(size), lo: Int32Array.from(lo)});
  }

  constructor(tables: readonly DiscreteTable[] | Pick<TableSet, "cdf" | "guide" | "start" | "size" | "lo">) {
    if (!Array.isArray(tables)) {
      const flat = tables as Pick<TableSet, "cdf" | "guide" | "start" | "size" | "lo">;
      this.cdf = flat.cdf;
      this.guide = flat.guide;
      this.start = flat.start;
      this.size = flat.size;
      this.lo = flat.lo;
      return;
    }
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
