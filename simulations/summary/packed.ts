// Many histograms in a few typed arrays. A summary holds about 1,200 histograms (per year, municipality and metric,
// and per origin × host flow); packed into one buffer per set they are counted in one pass over a result, merged
// span by span, and cross to and from a worker as a handful of transferable buffers instead of thousands of small
// objects. Counts are integers, so the numbers never depend on the layout (which only grows) or on the order in
// which runs were counted.
import type {IntHistogram} from "./histogram.ts";
import {ratioSetBuffers, type RatioHistograms} from "./pairs.ts";
import {float64s, giveBack, int32s} from "./memory.ts";

// The ratio sets live in pairs.ts; their functions are also exported here, where the summaries found them before.
export {countRatioColumns, mergeRatios, ratioHistograms, ratioHistogramsOf, type RatioHistograms} from "./pairs.ts";

/**
 * Integer histograms in one buffer: histogram i has room for the values lo[i] … lo[i] + len − 1, with
 * len = start[i + 1] − start[i], and counts value lo[i] + k at counts[start[i] + k].
 */
export interface IntHistograms {
  /** Values counted by each histogram. */
  readonly n: Float64Array;
  lo: Int32Array;
  /** Where each histogram's counts start; one more entry than histograms (the end of the last). */
  start: Int32Array;
  counts: Float64Array;
}

/**
 * `size` empty integer histograms.
 *
 * @example
 * const set = intHistograms(2);
 * countColumns(set, 0, 2, 2, Int32Array.of(1, 5, 2, 6)); // histogram 0 counts 1 and 2, histogram 1 counts 5 and 6
 */
export function intHistograms(size: number): IntHistograms {
  return {n: float64s(size), lo: int32s(size), start: int32s(size + 1), counts: new Float64Array(0)};
}

const spanOf = (set: IntHistograms, i: number) => set.start[i + 1]! - set.start[i]!;

// Widens each histogram i to take [min[i], max[i]] (nothing where min[i] > max[i]), keeping its counts; one new
// buffer for all. With `slack`, a span that grows grows by a quarter more on that side (at least 2): a span made
// from the first 10,000 runs is about 8 standard deviations wide, so 2 more on a side take the extremes of a
// million runs, and the buffer moves a few times in a long job instead of after nearly every chunk (the spare slots
// count nothing, so no number changes).
function growInts(set: IntHistograms, min: Float64Array, max: Float64Array, slack: boolean): void {
  const K = set.n.length;
  const lo = int32s(K);
  const start = int32s(K + 1);
  let size = 0;
  let changed = false;
  for (let i = 0; i < K; i++) {
    const len = spanOf(set, i);
    let a = set.lo[i]!;
    let b = a + len - 1;
    if (min[i]! <= max[i]!) {
      if (len === 0) {
        a = min[i]!;
        b = max[i]!;
        changed = true;
      } else {
        const pad = slack ? padOf(len) : 0;
        if (min[i]! < a) {
          a = min[i]! - pad;
          changed = true;
        }
        if (max[i]! > b) {
          b = max[i]! + pad;
          changed = true;
        }
      }
    }
    lo[i] = a;
    start[i] = size;
    size += b - a + 1;
  }
  if (!changed) {
    giveBack([lo.buffer, start.buffer]);
    return;
  }
  start[K] = size;
  const counts = float64s(size);
  for (let i = 0; i < K; i++) {
    if (spanOf(set, i) > 0) counts.set(set.counts.subarray(set.start[i]!, set.start[i + 1]!), start[i]! + set.lo[i]! - lo[i]!);
  }
  // The arrays grown out of are read by nothing else (views handed out are stale once a set grows).
  giveBack([set.lo.buffer, set.start.buffer, set.counts.buffer]);
  set.lo = lo;
  set.start = start;
  set.counts = counts;
}

const padOf = (span: number) => Math.max(2, span >> 2);

function needs(size: number): {min: Float64Array; max: Float64Array} {
  return {min: new Float64Array(size).fill(Infinity), max: new Float64Array(size).fill(-Infinity)};
}

// Per-column working arrays of the counting functions, reused between calls (grown to the most columns seen): the
// kernels below read a column's span from them.
let colLo = new Int32Array(0);
let colLen = new Int32Array(0);
let colBase = new Int32Array(0);
let colMin = new Int32Array(0);
let colMax = new Int32Array(0);
function columnScratch(cells: number): void {
  if (colLo.length >= cells) return;
  colLo = new Int32Array(cells);
  colLen = new Int32Array(cells);
  colBase = new Int32Array(cells);
  colMin = new Int32Array(cells);
  colMax = new Int32Array(cells);
}

/**
 * Counts a runs × cells array (run-major, as results are laid out) into histograms first … first + cells − 1:
 * histogram first + c counts data[j] − minus[j] − shift[c] for the entries j of column c. One pass in the usual
 * case (every value inside its histogram's span); values outside are counted after the spans have grown, and a
 * histogram that is still empty gets the exact span of its values first.
 *
 * @example
 * countColumns(summary.counts.gap, 0, cells, runs, result.placed, null, result.target); // gap = placed − target
 */
export function countColumns(
  set: IntHistograms,
  first: number,
  cells: number,
  runs: number,
  data: Int32Array,
  minus: Int32Array | null = null,
  shift: Int32Array | null = null
): void {
  if (runs === 0) return;
  columnScratch(cells);
  // A histogram without a span yet (the first chunk): spans made from the values of the first runs (all of them,
  // exactly, when they are few, so that one pass counts them all without a check).
  const exact = anyEmpty(set, first, cells) && fitToFirstRuns(set, first, cells, runs, data, minus, shift);
  placeColumns(set, first, cells, shift);
  const counts = set.counts;
  let outside: number[] | null = null;
  if (exact) {
    if (minus) countAllDifferences(counts, colBase, data, minus, cells, runs);
    else countAll(counts, colBase, data, cells, runs);
  } else if (minus) outside = countDifferencesInSpan(counts, colLo, colLen, colBase, data, minus, cells, runs);
  else outside = countInSpan(counts, colLo, colLen, colBase, data, cells, runs);
  for (let c = 0; c < cells; c++) set.n[first + c]! += runs;
  if (outside !== null) countOutside(set, first, cells, outside, data, minus, shift);
}

/**
 * Counts a runs × groups × width array (run-major; e.g. flows per year) into histograms first … first +
 * groups · width − 1 as `countColumns` does, and each run's sum over the groups (e.g. over the years) into the
 * histograms after them, first + groups · width + k. One pass over the data reads both.
 *
 * @example
 * countColumnsAndSums(summary.flows, 0, M * M, years, runs, result.flow); // per year, then the whole period
 */
export function countColumnsAndSums(set: IntHistograms, first: number, width: number, groups: number, runs: number, data: Int32Array): void {
  if (runs === 0) return;
  const cells = groups * width;
  columnScratch(cells);
  const sums = sumScratch(runs * width);
  let outside: number[] | null = null;
  if (anyEmpty(set, first, cells) && runs <= SAMPLE_RUNS) {
    rangesAndSums(data, width, groups, runs, colMin, colMax, sums);
    fitSpans(set, first, cells, null, 0);
    placeColumns(set, first, cells, null);
    countAll(set.counts, colBase, data, cells, runs);
  } else {
    if (anyEmpty(set, first, cells)) fitToFirstRuns(set, first, cells, runs, data, null, null);
    placeColumns(set, first, cells, null);
    outside = countInSpanAndSums(set.counts, colLo, colLen, colBase, data, width, groups, runs, sums);
  }
  for (let c = 0; c < cells; c++) set.n[first + c]! += runs;
  if (outside !== null) countOutside(set, first, cells, outside, data, null, null);
  countColumns(set, first + cells, width, runs, sums);
}

let sumsScratch = new Int32Array(0);
function sumScratch(size: number): Int32Array {
  if (sumsScratch.length < size) sumsScratch = new Int32Array(size);
  return sumsScratch.subarray(0, size);
}

function anyEmpty(set: IntHistograms, first: number, cells: number): boolean {
  for (let c = 0; c < cells; c++) if (spanOf(set, first + c) === 0) return true;
  return false;
}

// Runs whose values set the spans of empty histograms: a range pass over all runs of a chunk cost nearly as much
// as counting them. The spans of 512 runs, widened by half on either side, take all but about one in a billion
// values of a normal sample; the few outside are counted after (the spans grow to take them), so the counts are
// the same, only the layout (which never changes a number) is wider.
const SAMPLE_RUNS = 512;

// Gives the empty histograms of first … first + cells − 1 spans from the first runs' values: exactly their range
// when all runs are sampled (returns true: every value fits), else that range widened by half on either side.
function fitToFirstRuns(set: IntHistograms, first: number, cells: number, runs: number, data: Int32Array, minus: Int32Array | null, shift: Int32Array | null): boolean {
  const sampled = Math.min(runs, SAMPLE_RUNS);
  if (minus) rangesOfDifferences(data, minus, cells, sampled, colMin, colMax);
  else rangesOf(data, cells, sampled, colMin, colMax);
  const all = sampled === runs;
  fitSpans(set, first, cells, shift, all ? 0 : 1);
  return all;
}

// Grows histograms first + c to take colMin[c] − shift[c] … colMax[c] − shift[c], widened on either side by half
// the span (at least 2) times `widen`.
function fitSpans(set: IntHistograms, first: number, cells: number, shift: Int32Array | null, widen: 0 | 1): void {
  const need = needs(set.n.length);
  for (let c = 0; c < cells; c++) {
    const d = shift ? shift[c]! : 0;
    const pad = widen * Math.max(2, (colMax[c]! - colMin[c]!) >> 1);
    need.min[first + c] = colMin[c]! - d - pad;
    need.max[first + c] = colMax[c]! - d + pad;
  }
  growInts(set, need.min, need.max, false);
}

// Per column: value v (= data − minus, before the shift) is counted at colBase[c] + v when it lies in
// [colLo[c], colLo[c] + colLen[c]).
function placeColumns(set: IntHistograms, first: number, cells: number, shift: Int32Array | null): void {
  for (let c = 0; c < cells; c++) {
    const lo = set.lo[first + c]! + (shift ? shift[c]! : 0);
    colLo[c] = lo;
    colLen[c] = spanOf(set, first + c);
    colBase[c] = set.start[first + c]! - lo;
  }
}

// The counting loops, each its own small function so that V8 optimises it as a whole and sees one shape of
// arguments. Value v of column c is counted at base[c] + v.
//
// Column by column within blocks of BLOCK runs: a column's span and base stay in registers while its values of
// the block are read (a block is a few ten kilobytes, so it stays in the cache while its columns are read in
// turn), and its histogram's counts are the only ones written meanwhile. Reading run by run instead reloaded
// every column's span for every value: 0.6 instead of 1.1 ms for a metric of 5,000 runs, 5.9 instead of 7.8 ms
// for the flows. The order of counting never changes a count.
//
// No function here nests one loop in another: the loop over (block, column) pairs is one loop, and each column's
// values of a block are read by a function of their own. V8's Maglev (Chromium) compiles a hot loop on the stack
// and gives that code up when an inner loop exits: nested loops were given up and compiled again hundreds of
// times per summary ("exit from OSR'd inner loop"), which made Chromium far slower than Node here.
const BLOCK = 128;

// Every value known to fit (the spans were just made from them).
function countAll(counts: Float64Array, base: Int32Array, data: Int32Array, cells: number, runs: number): void {
  for (let q = 0, c = 0, r0 = 0, n = Math.ceil(runs / BLOCK) * cells; q < n; q++) {
    countBlockAll(counts, base[c]!, data, r0 * cells + c, Math.min(runs, r0 + BLOCK) * cells, cells);
    if (++c === cells) {
      c = 0;
      r0 += BLOCK;
    }
  }
}

function countBlockAll(counts: Float64Array, b: number, data: Int32Array, from: number, end: number, step: number): void {
  for (let j = from; j < end; j += step) counts[b + data[j]!]! += 1;
}

function countAllDifferences(counts: Float64Array, base: Int32Array, data: Int32Array, minus: Int32Array, cells: number, runs: number): void {
  for (let q = 0, c = 0, r0 = 0, n = Math.ceil(runs / BLOCK) * cells; q < n; q++) {
    countBlockAllDifferences(counts, base[c]!, data, minus, r0 * cells + c, Math.min(runs, r0 + BLOCK) * cells, cells);
    if (++c === cells) {
      c = 0;
      r0 += BLOCK;
    }
  }
}

function countBlockAllDifferences(counts: Float64Array, b: number, data: Int32Array, minus: Int32Array, from: number, end: number, step: number): void {
  for (let j = from; j < end; j += step) counts[b + data[j]! - minus[j]!]! += 1;
}

// Values inside their spans [lo[c], lo[c] + len[c]) counted; the indices j of the others returned.
function countInSpan(counts: Float64Array, lo: Int32Array, len: Int32Array, base: Int32Array, data: Int32Array, cells: number, runs: number): number[] | null {
  const outside: number[] = [];
  for (let q = 0, c = 0, r0 = 0, n = Math.ceil(runs / BLOCK) * cells; q < n; q++) {
    countBlockInSpan(counts, lo[c]!, len[c]!, base[c]!, data, r0 * cells + c, Math.min(runs, r0 + BLOCK) * cells, cells, outside);
    if (++c === cells) {
      c = 0;
      r0 += BLOCK;
    }
  }
  return outside.length > 0 ? outside : null;
}

function countBlockInSpan(counts: Float64Array, a: number, n: number, b: number, data: Int32Array, from: number, end: number, step: number, outside: number[]): void {
  for (let j = from; j < end; j += step) {
    const v = data[j]!;
    if ((v - a) >>> 0 < n) counts[b + v]! += 1;
    else outside.push(j);
  }
}

// As countInSpan, for the values data[j] − minus[j].
function countDifferencesInSpan(counts: Float64Array, lo: Int32Array, len: Int32Array, base: Int32Array, data: Int32Array, minus: Int32Array, cells: number, runs: number): number[] | null {
  const outside: number[] = [];
  for (let q = 0, c = 0, r0 = 0, n = Math.ceil(runs / BLOCK) * cells; q < n; q++) {
    countBlockDifferencesInSpan(counts, lo[c]!, len[c]!, base[c]!, data, minus, r0 * cells + c, Math.min(runs, r0 + BLOCK) * cells, cells, outside);
    if (++c === cells) {
      c = 0;
      r0 += BLOCK;
    }
  }
  return outside.length > 0 ? outside : null;
}

function countBlockDifferencesInSpan(counts: Float64Array, a: number, n: number, b: number, data: Int32Array, minus: Int32Array, from: number, end: number, step: number, outside: number[]): void {
  for (let j = from; j < end; j += step) {
    const v = data[j]! - minus[j]!;
    if ((v - a) >>> 0 < n) counts[b + v]! += 1;
    else outside.push(j);
  }
}

// As countInSpan over runs × groups × width data, cells = groups · width; also sums[r · width + k] = Σ over the
// groups g of data at (r, g, k), added up in a small per-block array while the columns k, width + k, … are read
// (one loop over (block, k, g)).
const blockSums = new Int32Array(BLOCK);
function countInSpanAndSums(counts: Float64Array, lo: Int32Array, len: Int32Array, base: Int32Array, data: Int32Array, width: number, groups: number, runs: number, sums: Int32Array): number[] | null {
  const outside: number[] = [];
  const cells = groups * width;
  for (let q = 0, g = 0, k = 0, r0 = 0, n = Math.ceil(runs / BLOCK) * cells; q < n; q++) {
    const c = g * width + k;
    if (g === 0) blockSums.fill(0);
    countBlockAndSum(counts, lo[c]!, len[c]!, base[c]!, data, r0 * cells + c, Math.min(runs, r0 + BLOCK) * cells, cells, blockSums, outside);
    if (++g === groups) {
      g = 0;
      copyBlockSums(blockSums, sums, r0 * width + k, Math.min(runs - r0, BLOCK), width);
      if (++k === width) {
        k = 0;
        r0 += BLOCK;
      }
    }
  }
  return outside.length > 0 ? outside : null;
}

function countBlockAndSum(counts: Float64Array, a: number, n: number, b: number, data: Int32Array, from: number, end: number, step: number, acc: Int32Array, outside: number[]): void {
  for (let j = from, i = 0; j < end; j += step, i++) {
    const v = data[j]!;
    acc[i]! += v;
    if ((v - a) >>> 0 < n) counts[b + v]! += 1;
    else outside.push(j);
  }
}

function copyBlockSums(acc: Int32Array, sums: Int32Array, from: number, count: number, step: number): void {
  for (let i = 0, s = from; i < count; i++, s += step) sums[s] = acc[i]!;
}

// Per column c of the first `runs` runs of a runs × cells array: the smallest and largest value, into min[c] and
// max[c] (run by run, in one loop: this reads a few hundred runs at most, or a chunk of a few runs).
function rangesOf(data: Int32Array, cells: number, runs: number, min: Int32Array, max: Int32Array): void {
  min.fill(0x7fffffff, 0, cells);
  max.fill(-0x80000000, 0, cells);
  for (let j = 0, c = 0, end = runs * cells; j < end; j++) {
    const v = data[j]!;
    if (v < min[c]!) min[c] = v;
    if (v > max[c]!) max[c] = v;
    if (++c === cells) c = 0;
  }
}

function rangesOfDifferences(data: Int32Array, minus: Int32Array, cells: number, runs: number, min: Int32Array, max: Int32Array): void {
  min.fill(0x7fffffff, 0, cells);
  max.fill(-0x80000000, 0, cells);
  for (let j = 0, c = 0, end = runs * cells; j < end; j++) {
    const v = data[j]! - minus[j]!;
    if (v < min[c]!) min[c] = v;
    if (v > max[c]!) max[c] = v;
    if (++c === cells) c = 0;
  }
}

// rangesOf over runs × groups × width data, and the sums over the groups as countInSpanAndSums.
function rangesAndSums(data: Int32Array, width: number, groups: number, runs: number, min: Int32Array, max: Int32Array, sums: Int32Array): void {
  const cells = groups * width;
  min.fill(0x7fffffff, 0, cells);
  max.fill(-0x80000000, 0, cells);
  sums.fill(0, 0, runs * width);
  for (let j = 0, c = 0, k = 0, row = 0, end = runs * cells; j < end; j++) {
    const v = data[j]!;
    sums[row + k]! += v;
    if (v < min[c]!) min[c] = v;
    if (v > max[c]!) max[c] = v;
    if (++k === width) k = 0;
    if (++c === cells) {
      c = 0;
      row += width;
    }
  }
}

// The few values outside their histograms' spans: the spans grow (with slack) to take them, then they are counted.
function countOutside(set: IntHistograms, first: number, cells: number, outside: readonly number[], data: Int32Array, minus: Int32Array | null, shift: Int32Array | null): void {
  const value = (j: number) => data[j]! - (minus ? minus[j]! : 0) - (shift ? shift[j % cells]! : 0);
  const {min, max} = needs(set.n.length);
  for (const j of outside) {
    const h = first + (j % cells);
    const v = value(j);
    if (v < min[h]!) min[h] = v;
    if (v > max[h]!) max[h] = v;
  }
  growInts(set, min, max, true);
  for (const j of outside) {
    const h = first + (j % cells);
    set.counts[set.start[h]! + value(j) - set.lo[h]!]! += 1;
  }
}

/**
 * Counts `times` occurrences of values[c] in histogram first + c, for each c (e.g. the target, the same in every run).
 *
 * @example
 * addValues(summary.counts.target, 0, result.target, result.runs);
 */
export function addValues(set: IntHistograms, first: number, values: ArrayLike<number>, times: number): void {
  if (times === 0) return;
  const {min, max} = needs(set.n.length);
  for (let c = 0; c < values.length; c++) min[first + c] = max[first + c] = values[c]!;
  growInts(set, min, max, true);
  for (let c = 0; c < values.length; c++) {
    const h = first + c;
    set.counts[set.start[h]! + values[c]! - set.lo[h]!]! += times;
    set.n[h]! += times;
  }
}

/** Adds the counts of `other` (the same number of histograms) to `into`. */
export function mergeInts(into: IntHistograms, other: IntHistograms): void {
  const K = into.n.length;
  if (other.n.length !== K) throw new Error(`mergeInts: ${other.n.length} histograms cannot be added to ${K}`);
  const {min, max} = needs(K);
  for (let i = 0; i < K; i++) {
    if (spanOf(other, i) === 0) continue;
    min[i] = other.lo[i]!;
    max[i] = other.lo[i]! + spanOf(other, i) - 1;
  }
  growInts(into, min, max, false);
  const to = into.counts;
  const from = other.counts;
  for (let i = 0; i < K; i++) {
    const len = spanOf(other, i);
    const base = into.start[i]! + other.lo[i]! - into.lo[i]!;
    for (let k = 0, f = other.start[i]!; k < len; k++, f++) to[base + k]! += from[f]!;
    into.n[i]! += other.n[i]!;
  }
}

// The histograms of a set as IntHistogram objects (views on the set's buffer), made once per
// layout: the statistics cache their sorted counts per histogram object, so the same objects are handed out until
// the buffer moves. Their n is refreshed on every call (counting in place changes n, not the buffer).
const intViews = new WeakMap<IntHistograms, {counts: Float64Array; views: IntHistogram[]}>();


/**
 * The histograms of a set, as IntHistogram views on its buffer (for `stats`, `fraction`): read them, never
 * write to them, and ask again after counting more (a grown set has a new buffer).
 *
 * @example
 * stats(intHistogramsOf(summary.counts.placed)[cell]!).p50;
 */
export function intHistogramsOf(set: IntHistograms): readonly IntHistogram[] {
  let hit = intViews.get(set);
  if (hit === undefined || hit.counts !== set.counts) {
    const views = Array.from({length: set.n.length}, (_, i) => ({lo: set.lo[i]!, counts: set.counts.subarray(set.start[i]!, set.start[i + 1]!), n: 0}));
    hit = {counts: set.counts, views};
    intViews.set(set, hit);
  }
  hit.views.forEach((v, i) => (v.n = set.n[i]!));
  return hit.views;
}

/** The buffers of a set (to transfer it to another thread instead of copying it). */
export function setBuffers(set: IntHistograms | RatioHistograms): ArrayBuffer[] {
  if ("pairs" in set) return ratioSetBuffers(set);
  return [set.n, set.lo, set.start, set.counts].map((a) => a.buffer as ArrayBuffer);
}
