// Exact count histograms: the summaries of a million runs without a million runs in memory. Counts are integers,
// so merging chunks (in any order, on any thread) gives exactly the histogram of all runs together.
import {quantileSorted} from "simple-statistics";

/** Counts of integer values: counts[i] is how often lo + i occurred. */
export interface IntHistogram {
  lo: number;
  counts: Float64Array;
  n: number;
}

/** Counts of real values (e.g. shares), keyed by the exact value. */
export interface RealHistogram {
  counts: Map<number, number>;
  n: number;
}

/**
 * Counts of (numerator, denominator) pairs of integers, for a ratio such as placed / vacancies: counting pairs is
 * exact and fast (an array increment per run), and the ratio's distribution is computed only when summarised.
 * counts[(d - dLo) * pN + (p - pLo)] is how often the pair (p, d) occurred; a ratio with denominator 0 counts as 0.
 */
export interface RatioHistogram {
  pLo: number;
  pN: number;
  dLo: number;
  dN: number;
  /** Integer counts (Int32Array: half the memory of doubles, and a million runs are far from 2^31). */
  counts: Int32Array;
  n: number;
}

/**
 * Counts of (numerator, denominator) pairs of integers as a list of the pairs that occur: triples (p, d, count)
 * in `pairs`, ascending by d, then p (the ratio histograms of a summary, see pairs.ts).
 */
export interface PairHistogram {
  readonly pairs: Int32Array;
  n: number;
}

export function ratioHistogram(): RatioHistogram {
  return {pLo: 0, pN: 0, dLo: 0, dN: 0, counts: new Int32Array(0), n: 0};
}

function ensureRatio(h: RatioHistogram, pMin: number, pMax: number, dMin: number, dMax: number): void {
  const empty = h.counts.length === 0;
  if (!empty && pMin >= h.pLo && pMax < h.pLo + h.pN && dMin >= h.dLo && dMax < h.dLo + h.dN) return;
  const pLo = empty ? pMin : Math.min(pMin, h.pLo);
  const dLo = empty ? dMin : Math.min(dMin, h.dLo);
  const pN = (empty ? pMax : Math.max(pMax, h.pLo + h.pN - 1)) - pLo + 1;
  const dN = (empty ? dMax : Math.max(dMax, h.dLo + h.dN - 1)) - dLo + 1;
  const counts = new Int32Array(pN * dN);
  for (let d = 0; d < h.dN; d++) counts.set(h.counts.subarray(d * h.pN, (d + 1) * h.pN), (d + h.dLo - dLo) * pN + (h.pLo - pLo));
  Object.assign(h, {pLo, pN, dLo, dN, counts});
}

/**
 * Counts `count` pairs (num[j], den[j]) for j = offset, offset + stride, ….
 *
 * @example
 * const h = ratioHistogram();
 * addRatiosStrided(h, Int32Array.of(1, 2), Int32Array.of(10, 20), 0, 1, 2); // two ratios of 0.1
 */
export function addRatiosStrided(h: RatioHistogram, num: ArrayLike<number>, den: ArrayLike<number>, offset: number, stride: number, count: number): void {
  if (count === 0) return;
  let pMin = Infinity, pMax = -Infinity, dMin = Infinity, dMax = -Infinity;
  for (let i = 0, j = offset; i < count; i++, j += stride) {
    const p = num[j]!;
    const d = den[j]!;
    if (p < pMin) pMin = p;
    if (p > pMax) pMax = p;
    if (d < dMin) dMin = d;
    if (d > dMax) dMax = d;
  }
  ensureRatio(h, pMin, pMax, dMin, dMax);
  const {counts, pLo, dLo, pN} = h;
  for (let i = 0, j = offset; i < count; i++, j += stride) counts[(den[j]! - dLo) * pN + (num[j]! - pLo)]! += 1;
  h.n += count;
}

/** Adds b's counts to a. */
export function mergeRatio(a: RatioHistogram, b: RatioHistogram): void {
  if (b.n === 0) return;
  ensureRatio(a, b.pLo, b.pLo + b.pN - 1, b.dLo, b.dLo + b.dN - 1);
  const into = a.counts;
  const from = b.counts;
  const pN = b.pN;
  for (let d = 0; d < b.dN; d++) {
    const at = (d + b.dLo - a.dLo) * a.pN + (b.pLo - a.pLo);
    const row = d * pN;
    for (let p = 0; p < pN; p++) into[at + p]! += from[row + p]!;
  }
  a.n += b.n;
}

export function intHistogram(): IntHistogram {
  return {lo: 0, counts: new Float64Array(0), n: 0};
}

export function realHistogram(): RealHistogram {
  return {counts: new Map(), n: 0};
}

// Makes room for [min, max], keeping existing counts.
function ensure(h: IntHistogram, min: number, max: number): void {
  const hi = h.lo + h.counts.length - 1;
  if (h.counts.length > 0 && min >= h.lo && max <= hi) return;
  const lo = h.counts.length === 0 ? min : Math.min(min, h.lo);
  const top = h.counts.length === 0 ? max : Math.max(max, hi);
  const counts = new Float64Array(top - lo + 1);
  if (h.counts.length > 0) counts.set(h.counts, h.lo - lo);
  h.lo = lo;
  h.counts = counts;
}

/**
 * Counts `count` values read from `data` at offset, offset + stride, … into the histogram.
 *
 * @example
 * const h = intHistogram();
 * addStrided(h, Int32Array.of(3, 9, 4, 9), 0, 2, 2); // counts 3 and 4
 */
export function addStrided(h: IntHistogram, data: ArrayLike<number>, offset: number, stride: number, count: number, shift = 0): void {
  if (count === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0, j = offset; i < count; i++, j += stride) {
    const v = data[j]! - shift;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  ensure(h, min, max);
  const counts = h.counts;
  const lo = h.lo;
  for (let i = 0, j = offset; i < count; i++, j += stride) counts[data[j]! - shift - lo]! += 1;
  h.n += count;
}

/**
 * Counts a runs × cells array (run-major, as results are laid out) into one histogram per cell, minus
 * `shift[cell]` if given. Two contiguous passes (range, then counts) instead of one strided pass per cell: the
 * arrays are megabytes, and reading them in order is what the memory system is fast at.
 *
 * @example
 * const hs = [intHistogram(), intHistogram()];
 * addColumns(hs, Int32Array.of(1, 5, 2, 6), 2, 2); // hs[0] counts 1 and 2, hs[1] counts 5 and 6
 */
export function addColumns(hs: readonly IntHistogram[], data: ArrayLike<number>, cells: number, runs: number, shift?: ArrayLike<number>): void {
  if (runs === 0) return;
  addColumnsInt32([{hs, shift}], data instanceof Int32Array ? data : Int32Array.from(data), cells, runs);
}

// Counts into one flat scratch array (one typed array in the inner loop, whatever the cells), then adds each
// cell's stretch to its histogram.
function addColumnsInt32(into: readonly {readonly hs: readonly IntHistogram[]; readonly shift?: ArrayLike<number> | undefined}[], data: Int32Array, cells: number, runs: number): void {
  if (addColumnsInRange(into, data, cells, runs)) return;
  const min = new Int32Array(cells).fill(0x7fffffff);
  const max = new Int32Array(cells).fill(-0x80000000);
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const v = data[j]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
  }
  // base[c] + value is the value's slot in the flat scratch.
  const base = new Int32Array(cells);
  let size = 0;
  for (let c = 0; c < cells; c++) {
    base[c] = size - min[c]!;
    size += max[c]! - min[c]! + 1;
  }
  const flat = new Int32Array(size);
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) flat[base[c]! + data[j]!]! += 1;
  }
  for (const {hs, shift} of into) {
    for (let c = 0; c < cells; c++) {
      const h = hs[c]!;
      const d = shift ? shift[c]! : 0;
      const lo = min[c]!;
      const hi = max[c]!;
      ensure(h, lo - d, hi - d);
      const counts = h.counts;
      const off = lo - d - h.lo;
      const from = base[c]! + lo;
      for (let i = 0; i <= hi - lo; i++) counts[off + i]! += flat[from + i]!;
      h.n += runs;
    }
  }
}

// The usual case after the first chunk: every histogram already spans nearly every value. One pass counts into a
// scratch laid out like the first set's histograms; the few values outside a histogram's span are counted after,
// one by one. Returns false (nothing counted) when a histogram of the first set is still empty. The counts are the
// same as the two passes' (a histogram's span always ends up from its smallest to its largest value).
function addColumnsInRange(into: readonly {readonly hs: readonly IntHistogram[]; readonly shift?: ArrayLike<number> | undefined}[], data: Int32Array, cells: number, runs: number): boolean {
  const {hs, shift} = into[0]!;
  const lo = new Int32Array(cells);
  const len = new Int32Array(cells);
  const base = new Int32Array(cells);
  let size = 0;
  for (let c = 0; c < cells; c++) {
    const h = hs[c]!;
    if (h.counts.length === 0) return false;
    lo[c] = h.lo + (shift ? shift[c]! : 0);
    len[c] = h.counts.length;
    base[c] = size;
    size += h.counts.length;
  }
  const flat = new Int32Array(size);
  let outside: number[] | null = null;
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const i = data[j]! - lo[c]!;
      if (i >= 0 && i < len[c]!) flat[base[c]! + i]! += 1;
      else (outside ??= []).push(j);
    }
  }
  for (const {hs, shift} of into) {
    for (let c = 0; c < cells; c++) {
      const h = hs[c]!;
      const d = shift ? shift[c]! : 0;
      // The first set's span, shifted into this set's values.
      const first = lo[c]! - d;
      ensure(h, first, first + len[c]! - 1);
      const counts = h.counts;
      const off = first - h.lo;
      const from = base[c]!;
      for (let i = 0; i < len[c]!; i++) counts[off + i]! += flat[from + i]!;
      h.n += runs;
    }
  }
  if (outside !== null) {
    for (const j of outside) {
      const c = j % cells;
      for (const {hs, shift} of into) {
        const h = hs[c]!;
        const v = data[j]! - (shift ? shift[c]! : 0);
        ensure(h, v, v);
        h.counts[v - h.lo]! += 1;
      }
    }
  }
  return true;
}

/** Like `addColumns`, for ratios num / den counted as pairs (see RatioHistogram). */
export function addRatioColumns(hs: readonly RatioHistogram[], num: ArrayLike<number>, den: ArrayLike<number>, cells: number, runs: number): void {
  if (runs === 0) return;
  addRatioColumnsInt32(hs, num instanceof Int32Array ? num : Int32Array.from(num), den instanceof Int32Array ? den : Int32Array.from(den), cells, runs);
}

function addRatioColumnsInt32(hs: readonly RatioHistogram[], num: Int32Array, den: Int32Array, cells: number, runs: number): void {
  if (addRatioColumnsInRange(hs, num, den, cells, runs)) return;
  const range = new Int32Array(4 * cells);
  for (let c = 0; c < cells; c++) {
    range[4 * c] = 0x7fffffff;
    range[4 * c + 1] = -0x80000000;
    range[4 * c + 2] = 0x7fffffff;
    range[4 * c + 3] = -0x80000000;
  }
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0, k = 0; c < cells; c++, j++, k += 4) {
      const p = num[j]!;
      const d = den[j]!;
      if (p < range[k]!) range[k] = p;
      if (p > range[k + 1]!) range[k + 1] = p;
      if (d < range[k + 2]!) range[k + 2] = d;
      if (d > range[k + 3]!) range[k + 3] = d;
    }
  }
  // counts[c][den * pN[c] + num + off[c]] is the pair's slot.
  const counts: Int32Array[] = [];
  const pN = new Int32Array(cells);
  // Doubles: -dLo * pN passes 2^31 when the region lets 240.000 homes a year (an Int32 here wrapped into NaN quantiles).
  const off = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    const h = hs[c]!;
    ensureRatio(h, range[4 * c]!, range[4 * c + 1]!, range[4 * c + 2]!, range[4 * c + 3]!);
    h.n += runs;
    counts.push(h.counts);
    pN[c] = h.pN;
    off[c] = -h.dLo * h.pN - h.pLo;
  }
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) counts[c]![den[j]! * pN[c]! + num[j]! + off[c]!]! += 1;
  }
}

// As addColumnsInRange, for pairs: one pass when every histogram already has a grid; pairs outside a grid are
// counted after, one by one (the grid grows to take them). Returns false, counting nothing, while a grid is empty.
function addRatioColumnsInRange(hs: readonly RatioHistogram[], num: Int32Array, den: Int32Array, cells: number, runs: number): boolean {
  const counts: Int32Array[] = [];
  const pLo = new Int32Array(cells);
  const pN = new Int32Array(cells);
  const dLo = new Int32Array(cells);
  const dN = new Int32Array(cells);
  for (let c = 0; c < cells; c++) {
    const h = hs[c]!;
    if (h.counts.length === 0) return false;
    counts.push(h.counts);
    pLo[c] = h.pLo;
    pN[c] = h.pN;
    dLo[c] = h.dLo;
    dN[c] = h.dN;
  }
  let outside: number[] | null = null;
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const p = num[j]! - pLo[c]!;
      const d = den[j]! - dLo[c]!;
      if (p >= 0 && p < pN[c]! && d >= 0 && d < dN[c]!) counts[c]![d * pN[c]! + p]! += 1;
      else (outside ??= []).push(j);
    }
  }
  for (let c = 0; c < cells; c++) hs[c]!.n += runs;
  if (outside !== null) {
    for (const j of outside) {
      const h = hs[j % cells]!;
      ensureRatio(h, num[j]!, num[j]!, den[j]!, den[j]!);
      h.counts[(den[j]! - h.dLo) * h.pN + (num[j]! - h.pLo)]! += 1;
    }
  }
  return true;
}

/** Adds `count` occurrences of one integer value. */
export function addValue(h: IntHistogram, value: number, count = 1): void {
  ensure(h, value, value);
  h.counts[value - h.lo]! += count;
  h.n += count;
}

/** Adds `count` occurrences of one real value. */
export function addReal(h: RealHistogram, value: number, count = 1): void {
  h.counts.set(value, (h.counts.get(value) ?? 0) + count);
  h.n += count;
}

/** Adds b's counts to a. */
export function mergeInt(a: IntHistogram, b: IntHistogram): void {
  if (b.n === 0) return;
  ensure(a, b.lo, b.lo + b.counts.length - 1);
  const off = b.lo - a.lo;
  for (let i = 0; i < b.counts.length; i++) a.counts[off + i]! += b.counts[i]!;
  a.n += b.n;
}

/** Adds b's counts to a. */
export function mergeReal(a: RealHistogram, b: RealHistogram): void {
  for (const [v, c] of b.counts) a.counts.set(v, (a.counts.get(v) ?? 0) + c);
  a.n += b.n;
}

/** Two histograms of one sample, counted in different forms (e.g. paired share differences). */
export interface MixedHistogram {
  readonly parts: readonly (IntHistogram | RealHistogram | RatioHistogram | PairHistogram)[];
  readonly n: number;
}

export type Histogram = IntHistogram | RealHistogram | RatioHistogram | PairHistogram | MixedHistogram;

// Merges sorted (value, count) lists, adding the counts of equal values.
function mergeSorted(lists: SortedCounts[]): SortedCounts {
  const all = new Float64Array(lists.reduce((n, l) => n + l.values.length, 0));
  let k = 0;
  for (const l of lists) all.set(l.values, (k += l.values.length) - l.values.length);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  const values = all.slice(0, distinct);
  const counts = new Float64Array(distinct);
  for (const l of lists) {
    for (let i = 0, j = 0; i < l.values.length; i++) {
      while (values[j]! < l.values[i]!) j++;
      counts[j]! += l.counts[i]!;
    }
  }
  return sortedOf(values, counts);
}

type SortedCounts = {values: Float64Array; counts: Float64Array};

// Every SortedCounts is made here, in a function of its own, never as an object literal after a long loop: V8 had
// no type feedback for such a literal when it optimised the loop on the stack, and in Chromium discarded that code
// again and again (47 times in a row for the ratios' sort).
function sortedOf(values: Float64Array, counts: Float64Array): SortedCounts {
  return {values, counts};
}

// summaryRows and probabilityRows both read every histogram's sorted counts, and sorting the share ratios is the
// costly part: keep the last result per histogram while its number of runs is unchanged (histograms only grow).
const sortedCache = new WeakMap<Histogram, {readonly n: number; readonly sorted: SortedCounts}>();

/**
 * Distinct values ascending with their counts: the canonical form that every statistic is computed from. The
 * result is shared between callers (cached per histogram): read it, never write to it.
 */
export function sortedCounts(h: Histogram): SortedCounts {
  const hit = sortedCache.get(h);
  if (hit !== undefined && hit.n === h.n) return hit.sorted;
  const sorted = computeSortedCounts(h);
  sortedCache.set(h, {n: h.n, sorted});
  return sorted;
}

// The ratios of all occurring pairs (one pass over the grid), sorted, equal ones merged (1/10 and 2/20 are the same
// double). A bucket sort: the bucket of a ratio is a monotone function of it (IEEE rounding is monotone), so buckets
// in order hold the values in order and equal values share a bucket. After the buckets are laid out in order, one
// insertion pass over them all sorts each within its bucket and adds equal values together (most buckets hold 0
// to 2 values, so nearly every step finds its value in place). The same values and counts as sorting all ratios,
// in linear time instead of a sort of tens of thousands.
function ratioSortedCounts(h: RatioHistogram, copy = true): SortedCounts {
  const scratch = ratioScratch(Math.min(h.counts.length, h.n) + 1);
  const k = occurringRatios(h, scratch.ratios, scratch.weights);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < k; i++) {
    const r = scratch.ratios[i]!;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return sortRatios(k, min, max, scratch, copy);
}

// The same for a list of the occurring pairs (its ratios, smallest and largest found in the same pass).
function pairSortedCounts(h: PairHistogram, copy = true): SortedCounts {
  const list = h.pairs;
  const scratch = ratioScratch(list.length / 3 + 1);
  const {ratios, weights} = scratch;
  let k = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < list.length; i += 3, k++) {
    const p = list[i]!;
    const d = list[i + 1]!;
    const r = d > 0 ? p / d : 0;
    if (r < min) min = r;
    if (r > max) max = r;
    ratios[k] = r;
    weights[k] = list[i + 2]!;
  }
  return sortRatios(k, min, max, scratch, copy);
}

// Sorts the k ratios (from min to max) and weights of the scratch (see ratioSortedCounts). Without `copy` the result
// is the scratch itself, valid until the next sort.
function sortRatios(k: number, min: number, max: number, {ratios, weights, r2, w2, first, next, bucket}: typeof scratch, copy: boolean): SortedCounts {
  if (k === 0) return sortedOf(new Float64Array(0), new Float64Array(0));
  // Counting sort into k buckets by floor((r − min) · scale): first[b] is where bucket b starts.
  const buckets = k;
  const scale = max > min ? buckets / (max - min) : 0;
  const last = buckets - 1;
  first.fill(0, 0, buckets + 1);
  for (let i = 0; i < k; i++) {
    const b = Math.floor((ratios[i]! - min) * scale);
    const at = b < last ? b : last;
    bucket[i] = at;
    first[at + 1]! += 1;
  }
  // A crowded bucket (many distinct but nearly equal ratios) would make the insertion quadratic: sorted first.
  let crowded = false;
  for (let b = 0; b < buckets; b++) {
    if (first[b + 1]! > 64) crowded = true;
    first[b + 1]! += first[b]!;
  }
  next.set(first.subarray(0, buckets));
  for (let i = 0; i < k; i++) {
    const at = next[bucket[i]!]!++;
    r2[at] = ratios[i]!;
    w2[at] = weights[i]!;
  }
  if (crowded) for (let b = 0; b < buckets; b++) if (first[b + 1]! - first[b]! > 64) sortCrowded(r2, w2, first[b]!, first[b + 1]!);
  const distinct = insertDistinct(r2, w2, k, ratios, weights);
  return copy ? sortedOf(ratios.slice(0, distinct), weights.slice(0, distinct)) : sortedOf(ratios.subarray(0, distinct), weights.subarray(0, distinct));
}

// The occurring pairs' ratios and counts, written from position 0; returns how many. Per row, the zeros at either
// end are skipped first, and inside a row every cell is written and kept only if its count is not 0 (no branch to
// mispredict on the scattered zeros between).
function occurringRatios(h: RatioHistogram, ratios: Float64Array, weights: Float64Array): number {
  const grid = h.counts;
  const pN = h.pN;
  const pLo = h.pLo;
  let k = 0;
  for (let d = 0; d < h.dN; d++) {
    const den = h.dLo + d;
    const row = d * pN;
    let a = row;
    let b = row + pN - 1;
    while (a <= b && grid[a] === 0) a++;
    while (b > a && grid[b] === 0) b--;
    const p0 = pLo - row;
    for (let at = a; at <= b; at++) {
      const c = grid[at]!;
      ratios[k] = den > 0 ? (p0 + at) / den : 0;
      weights[k] = c;
      k += -c >>> 31; // counts are never negative: 1 when c > 0
    }
  }
  return k;
}

// The pairs (r[i], w[i]), i < k, each near its place in order (buckets in order), as distinct values ascending
// with their weights added, written to values/counts; returns how many. One insertion pass: nearly every value
// is appended, or added to the last when equal; the few others move back to their place, or add to an equal one.
function insertDistinct(r: Float64Array, w: Float64Array, k: number, values: Float64Array, counts: Float64Array): number {
  let distinct = 0;
  for (let i = 0; i < k; i++) {
    const v = r[i]!;
    if (distinct === 0 || v > values[distinct - 1]!) {
      values[distinct] = v;
      counts[distinct++] = w[i]!;
      continue;
    }
    let j = distinct - 1;
    while (j >= 0 && values[j]! > v) j--;
    if (j >= 0 && values[j] === v) {
      counts[j]! += w[i]!;
      continue;
    }
    for (let m = distinct; m > j + 1; m--) {
      values[m] = values[m - 1]!;
      counts[m] = counts[m - 1]!;
    }
    values[j + 1] = v;
    counts[j + 1] = w[i]!;
    distinct++;
  }
  return distinct;
}

// Working arrays of ratioSortedCounts, kept between calls (a summary sorts a hundred grids, each of up to its runs'
// pairs: fresh arrays each time were most of the garbage collector's work).
let scratch = {ratios: new Float64Array(0), weights: new Float64Array(0), r2: new Float64Array(0), w2: new Float64Array(0), first: new Int32Array(0), next: new Int32Array(0), bucket: new Int32Array(0)};
function ratioScratch(k: number): typeof scratch {
  if (scratch.ratios.length < k) {
    const n = Math.max(k, 2 * scratch.ratios.length);
    scratch = {ratios: new Float64Array(n), weights: new Float64Array(n), r2: new Float64Array(n), w2: new Float64Array(n), first: new Int32Array(n + 1), next: new Int32Array(n), bucket: new Int32Array(n)};
  }
  return scratch;
}

// A crowded bucket [from, to): its distinct values by a typed-array sort, each pair's weight added to its value
// by binary search, written back from `from`; the rest of the bucket is filled with the largest value and weight
// 0, which the insertion adds to that value without changing its count.
function sortCrowded(r: Float64Array, w: Float64Array, from: number, to: number): void {
  const all = r.slice(from, to).sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  const sum = new Float64Array(distinct);
  for (let i = from; i < to; i++) {
    const v = r[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    sum[lo]! += w[i]!;
  }
  r.set(all.subarray(0, distinct), from);
  w.set(sum, from);
  r.fill(all[distinct - 1]!, from + distinct, to);
  w.fill(0, from + distinct, to);
}

function computeSortedCounts(h: Histogram): SortedCounts {
  if ("parts" in h) return mergeSorted(h.parts.map(sortedCounts));
  if ("pairs" in h) return pairSortedCounts(h);
  if ("pN" in h) return ratioSortedCounts(h);
  if ("lo" in h) {
    let k = 0;
    for (let i = 0; i < h.counts.length; i++) if (h.counts[i]! > 0) k++;
    const values = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let i = 0, j = 0; i < h.counts.length; i++) {
      if (h.counts[i]! > 0) {
        values[j] = h.lo + i;
        counts[j++] = h.counts[i]!;
      }
    }
    return sortedOf(values, counts);
  }
  const values = Float64Array.from(h.counts.keys()).sort();
  return sortedOf(values, values.map((v) => h.counts.get(v)!));
}

/** Mean and quantiles of a histogram. */
export interface Stats {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

// The probabilities of Stats, ascending.
const PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

// Made in a function of its own: an object literal after a long loop has no type feedback yet when the loop is
// optimised on the stack, and V8 discarded such code again and again (47 times in a row in Chromium).
function makeStats(mean: number, p5: number, p25: number, p50: number, p75: number, p95: number): Stats {
  return {mean, p5, p25, p50, p75, p95};
}

// The ranks (0-based positions in the sorted sample) that quantileSorted reads for the probabilities of Stats: the
// floor and ceiling of (n − 1) · p, computed as it computes them, sorted. Reused between calls.
const ranks = new Float64Array(2 * PROBABILITIES.length);
const atRank = new Float64Array(2 * PROBABILITIES.length);

/**
 * Mean and the P5, P25, P50, P75 and P95 quantiles (simple-statistics `quantileSorted`: linear interpolation,
 * R type 7) of the sample the histogram counts. The mean sums value × count in ascending order of value, so it is
 * the same bits however the histogram was assembled. One pass over the sorted counts gives the sum and the few
 * order statistics that the quantiles read; `quantileSorted` computes each quantile from a sparse stand-in for the
 * sorted sample that holds just those.
 *
 * @example
 * const h = intHistogram();
 * addStrided(h, Int32Array.of(1, 2, 3, 4), 0, 1, 4);
 * stats(h); // {mean: 2.5, p5: 1.15, p25: 1.75, p50: 2.5, p75: 3.25, p95: 3.85}
 */
export function stats(h: Histogram): Stats {
  if (h.n === 0) throw new Error("stats: the histogram is empty");
  const n = h.n;
  for (let k = 0; k < PROBABILITIES.length; k++) {
    const idx = (n - 1) * PROBABILITIES[k]!;
    ranks[2 * k] = Math.floor(idx);
    ranks[2 * k + 1] = Math.ceil(idx);
  }
  // Floors and ceilings each ascend, but interleaved they need not (n = 3: 0, 1, 0, 1, …).
  ranks.sort();
  let sum: number;
  // A dense integer histogram is read where it lies: its sorted counts would be two fresh arrays per histogram, and
  // fresh memory is what a summary table's thousand histograms cost most in a browser.
  const dense = denseOf(h);
  if (dense !== null) sum = denseSumAndRanks(dense.lo, dense.counts);
  else {
    const {values, counts} = sortedOnce(h);
    sum = sumAndRanks(values, counts);
  }
  const sample = sparseSample(n);
  return makeStats(
    sum / n,
    quantileSorted(sample, PROBABILITIES[0]),
    quantileSorted(sample, PROBABILITIES[1]),
    quantileSorted(sample, PROBABILITIES[2]),
    quantileSorted(sample, PROBABILITIES[3]),
    quantileSorted(sample, PROBABILITIES[4])
  );
}

// A histogram's sorted counts for one use: the cached ones if there are, else the ratios' sorted in the scratch and
// not kept (the tables read each ratio histogram's sort once; a copy of each would be two fresh arrays).
function sortedOnce(h: Histogram): SortedCounts {
  const hit = sortedCache.get(h);
  if (hit !== undefined && hit.n === h.n) return hit.sorted;
  if ("pairs" in h) return pairSortedCounts(h, false);
  if ("pN" in h) return ratioSortedCounts(h, false);
  return sortedCounts(h);
}

// The histogram as a dense integer histogram (counts of lo, lo + 1, …), or null for the other kinds.
function denseOf(h: Histogram): IntHistogram | null {
  return "parts" in h || "pairs" in h || "pN" in h || !("lo" in h) ? null : h;
}

// sumAndRanks of a dense integer histogram, over the values with a count (the same values, in the same order, as
// its sorted counts: the same bits).
function denseSumAndRanks(lo: number, counts: Float64Array): number {
  let sum = 0;
  let upTo = 0;
  let next = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!(c > 0)) continue;
    const v = lo + i;
    sum += v * c;
    upTo += c;
    while (next < ranks.length && ranks[next]! < upTo) atRank[next++] = v;
  }
  return sum;
}

// Σ value × count in ascending order, and atRank[k] = the value at position ranks[k] of the sorted sample.
function sumAndRanks(values: Float64Array, counts: Float64Array): number {
  let sum = 0;
  let upTo = 0; // values at positions below upTo seen so far
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const c = counts[i]!;
    sum += v * c;
    upTo += c;
    while (next < ranks.length && ranks[next]! < upTo) atRank[next++] = v;
  }
  return sum;
}

// The sorted sample of n values as quantileSorted reads it: its length and the order statistics at `ranks` (any
// other position is undefined, which would make a quantile NaN, never a wrong number).
function sparseSample(n: number): number[] {
  const sample: {[position: number]: number; length: number} = {length: n};
  for (let k = 0; k < ranks.length; k++) sample[ranks[k]!] = atRank[k]!;
  return sample as unknown as number[];
}

/**
 * The fraction of the sample for which `test(value)` holds.
 *
 * @example
 * fraction(h, (v) => v > 2); // 0.5 for the sample 1, 2, 3, 4
 */
export function fraction(h: Histogram, test: (value: number) => boolean): number {
  const dense = denseOf(h);
  if (dense !== null) {
    let hits = 0;
    for (let i = 0; i < dense.counts.length; i++) if (dense.counts[i]! > 0 && test(dense.lo + i)) hits += dense.counts[i]!;
    return hits / h.n;
  }
  // Ratios are tested where they are counted, unsorted: the counts are integers, so any order adds up the same.
  if ("pairs" in h) {
    let hits = 0;
    const list = h.pairs;
    for (let i = 0; i < list.length; i += 3) {
      const d = list[i + 1]!;
      if (test(d > 0 ? list[i]! / d : 0)) hits += list[i + 2]!;
    }
    return hits / h.n;
  }
  const {values, counts} = sortedCounts(h);
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i]!)) hits += counts[i]!;
  return hits / h.n;
}
