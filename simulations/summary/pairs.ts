// Ratio histograms of a summary (the shares: placed / vacancies, placed / suitable lettings), counted as the
// (numerator, denominator) pairs that occur. A grid over each histogram's spans of numerators and denominators was
// nine tenths zeros: 6 MB per summary of 5,000 runs, and fresh memory is slow to fault in (in Chromium 7 ms to
// touch 3.5 MB), to copy when two workers' summaries merge, and to scan for the tables. Here a chunk's pairs are
// counted in a grid that is reused (its memory is faulted in once), and only the occurring pairs are kept. Counts
// are integers, so neither the layout nor the order of counting changes a number.
import type {PairHistogram} from "./histogram.ts";
import {float64s, giveBack, int32s} from "./memory.ts";

/**
 * Histograms of ratios p / d counted as (p, d) pairs of integers: histogram i holds the distinct pairs it has
 * counted as triples (p, d, count) in pairs[i], ascending by d, then p. The ratio of a pair with d = 0 counts as 0.
 */
export interface RatioHistograms {
  /** Pairs counted by each histogram. */
  readonly n: Float64Array;
  /** One array per histogram (a hundred per summary), so that adding to one copies only that one. */
  readonly pairs: Int32Array[];
}

/**
 * `size` empty ratio histograms.
 *
 * @example
 * const set = ratioHistograms(2);
 * countRatioColumns(set, 0, 2, 1, Int32Array.of(1, 2), Int32Array.of(10, 10)); // 1/10 in histogram 0, 2/10 in 1
 */
export function ratioHistograms(size: number): RatioHistograms {
  return {n: float64s(size), pairs: Array.from({length: size}, () => new Int32Array(0))};
}

/**
 * Counts the pairs (num[j] − numMinus[j], den[j]) of a runs × cells array (run-major) into ratio histograms
 * first … first + cells − 1. With `denOther`, only the entries whose denominators agree (den[j] = denOther[j]) are
 * counted; the others are returned (their indices j, ascending), for the caller to count exactly.
 *
 * @example
 * countRatioColumns(summary.share, 0, cells, runs, result.placed, result.vacancies); // placed / vacancies
 */
export function countRatioColumns(
  set: RatioHistograms,
  first: number,
  cells: number,
  runs: number,
  num: Int32Array,
  den: Int32Array,
  numMinus: Int32Array | null = null,
  denOther: Int32Array | null = null
): number[] | null {
  if (runs === 0) return null;
  const end = runs * cells;
  const paired = numMinus !== null || denOther !== null;
  for (let c = 0; c < cells; c++) {
    // One column at a time: its pairs' spans, then counted in the reused grid, then added to its list.
    const kept = paired ? pairedSpan(num, den, numMinus, denOther, c, cells, end) : pairSpan(num, den, c, cells, end);
    if (kept === 0) continue;
    const p0 = span[0]!;
    const w = span[1]! - p0 + 1;
    const d0 = span[2]!;
    const h = span[3]! - d0 + 1;
    const grid = gridScratch(w * h);
    if (paired) countPaired(grid, p0, w, d0, num, den, numMinus, denOther, c, cells, end);
    else countPairs(grid, p0, w, d0, num, den, c, cells, end);
    const before = set.pairs[first + c]!;
    const after = addGrid(before, grid, p0, w, d0, h);
    if (after.buffer !== before.buffer) giveBack([before.buffer]);
    set.pairs[first + c] = after;
    set.n[first + c]! += kept;
  }
  if (denOther === null) return null;
  let differ: number[] | null = null;
  for (let j = 0; j < end; j++) if (den[j] !== denOther[j]) (differ ??= []).push(j);
  return differ;
}

// The smallest and largest numerator and denominator of the pairs just read: span = [pMin, pMax, dMin, dMax].
const span = new Int32Array(4);

// The counting loops, each its own small function (V8 optimises each as a whole, for one shape of arguments).
// Column c's entries are j = c, c + cells, … < end. Each sets `span` and returns how many pairs it read.
function pairSpan(num: Int32Array, den: Int32Array, c: number, cells: number, end: number): number {
  let p0 = 0x7fffffff;
  let p1 = -0x80000000;
  let d0 = 0x7fffffff;
  let d1 = -0x80000000;
  let kept = 0;
  for (let j = c; j < end; j += cells, kept++) {
    const x = num[j]!;
    const y = den[j]!;
    if (x < p0) p0 = x;
    if (x > p1) p1 = x;
    if (y < d0) d0 = y;
    if (y > d1) d1 = y;
  }
  span[0] = p0;
  span[1] = p1;
  span[2] = d0;
  span[3] = d1;
  return kept;
}

function pairedSpan(num: Int32Array, den: Int32Array, numMinus: Int32Array | null, denOther: Int32Array | null, c: number, cells: number, end: number): number {
  let p0 = 0x7fffffff;
  let p1 = -0x80000000;
  let d0 = 0x7fffffff;
  let d1 = -0x80000000;
  let kept = 0;
  for (let j = c; j < end; j += cells) {
    const y = den[j]!;
    if (denOther !== null && y !== denOther[j]) continue;
    const x = numMinus !== null ? num[j]! - numMinus[j]! : num[j]!;
    if (x < p0) p0 = x;
    if (x > p1) p1 = x;
    if (y < d0) d0 = y;
    if (y > d1) d1 = y;
    kept++;
  }
  span[0] = p0;
  span[1] = p1;
  span[2] = d0;
  span[3] = d1;
  return kept;
}

// Pair (x, y) counted at grid[(y − d0) · w + x − p0].
function countPairs(grid: Int32Array, p0: number, w: number, d0: number, num: Int32Array, den: Int32Array, c: number, cells: number, end: number): void {
  for (let j = c; j < end; j += cells) grid[(den[j]! - d0) * w + num[j]! - p0]! += 1;
}

function countPaired(grid: Int32Array, p0: number, w: number, d0: number, num: Int32Array, den: Int32Array, numMinus: Int32Array | null, denOther: Int32Array | null, c: number, cells: number, end: number): void {
  for (let j = c; j < end; j += cells) {
    const y = den[j]!;
    if (denOther !== null && y !== denOther[j]) continue;
    const x = numMinus !== null ? num[j]! - numMinus[j]! : num[j]!;
    grid[(y - d0) * w + x - p0]! += 1;
  }
}

// The counting grid, all zeros between uses (addGrid clears what it reads), and the list being built.
let grid = new Int32Array(0);
function gridScratch(size: number): Int32Array {
  if (grid.length < size) grid = new Int32Array(Math.max(size, 2 * grid.length));
  return grid;
}
let out = new Int32Array(0);
function outScratch(size: number): Int32Array {
  if (out.length < size) out = new Int32Array(Math.max(size, 2 * out.length));
  return out;
}

// The list `list` with the grid's pairs added (the grid counts pair (p0 + x, d0 + y) at y · w + x): both ascend by
// d, then p, so one pass merges them. Clears the grid's counts as it reads them. A row at a time, each by a
// function of its own (no loop nested in another: see the counting loops of packed.ts).
//
// A list is a view on a buffer with room to spare (a quarter more): the next chunk's pairs are merged into the
// same buffer, from the back, when they fit (a first pass counts the new pairs). A new list per chunk left
// megabytes of buffers to the garbage collector in a long job, which freed them late (peak memory of a million
// runs on two workers 325 -> 409 MB).
function addGrid(list: Int32Array, g: Int32Array, p0: number, w: number, d0: number, h: number): Int32Array {
  if (list.length === 0) {
    const o = outScratch(3 * w * h);
    merged.listAt = 0;
    merged.outAt = 0;
    for (let y = 0; y < h; y++) addRow(list, g, y * w, w, p0, d0 + y, o);
    return withRoom(o, merged.outAt);
  }
  merged.listAt = 0;
  merged.outAt = 0;
  for (let y = 0; y < h; y++) countNewInRow(list, g, y * w, w, p0, d0 + y);
  const size = list.length + 3 * merged.outAt;
  if (list.byteOffset === 0 && size * 4 <= list.buffer.byteLength) {
    // In place, from the back: the write position never passes an entry of the list not yet read.
    const to = new Int32Array(list.buffer, 0, size);
    merged.listAt = list.length;
    merged.outAt = size;
    for (let y = h - 1; y >= 0; y--) addRowBackwards(to, g, y * w, w, p0, d0 + y);
    return to;
  }
  const o = outScratch(size);
  merged.listAt = 0;
  merged.outAt = 0;
  for (let y = 0; y < h; y++) addRow(list, g, y * w, w, p0, d0 + y, o);
  let i = merged.listAt;
  let k = merged.outAt;
  while (i < list.length) o[k++] = list[i++]!;
  return withRoom(o, k);
}

// The first k entries of o, copied to a buffer at least a quarter larger.
function withRoom(o: Int32Array, k: number): Int32Array {
  const list = int32s(k + 3 * Math.ceil(k / 12)).subarray(0, k);
  list.set(o.subarray(0, k));
  return list;
}

// Where addGrid has read the list to and written its result to (or counted new pairs in outAt).
const merged = {listAt: 0, outAt: 0};

// Adds one row of the grid (denominator d, numerators p0 … p0 + w − 1 at row … row + w − 1), after the list's
// pairs that come before each; the row's leading and trailing zeros are skipped first.
function addRow(list: Int32Array, g: Int32Array, row: number, w: number, p0: number, d: number, o: Int32Array): void {
  let a = row;
  let b = row + w - 1;
  while (a <= b && g[a] === 0) a++;
  while (b > a && g[b] === 0) b--;
  let i = merged.listAt;
  let k = merged.outAt;
  for (let at = a; at <= b; at++) {
    const count = g[at]!;
    if (count === 0) continue;
    g[at] = 0;
    const p = p0 + at - row;
    while (i < list.length && (list[i + 1]! < d || (list[i + 1] === d && list[i]! < p))) {
      o[k++] = list[i++]!;
      o[k++] = list[i++]!;
      o[k++] = list[i++]!;
    }
    o[k++] = p;
    o[k++] = d;
    if (i < list.length && list[i + 1] === d && list[i] === p) {
      o[k++] = list[i + 2]! + count;
      i += 3;
    } else o[k++] = count;
  }
  merged.listAt = i;
  merged.outAt = k;
}

// As addRow, counting (in merged.outAt) the row's pairs that the list does not hold yet; changes nothing.
function countNewInRow(list: Int32Array, g: Int32Array, row: number, w: number, p0: number, d: number): void {
  let i = merged.listAt;
  let added = merged.outAt;
  for (let at = row; at < row + w; at++) {
    if (g[at] === 0) continue;
    const p = p0 + at - row;
    while (i < list.length && (list[i + 1]! < d || (list[i + 1] === d && list[i]! < p))) i += 3;
    if (i < list.length && list[i + 1] === d && list[i] === p) i += 3;
    else added++;
  }
  merged.listAt = i;
  merged.outAt = added;
}

// As addRow from the back, in place: `to` holds the list in its first merged.listAt entries and receives the
// merged list, written downwards from merged.outAt.
function addRowBackwards(to: Int32Array, g: Int32Array, row: number, w: number, p0: number, d: number): void {
  let i = merged.listAt;
  let k = merged.outAt;
  for (let at = row + w - 1; at >= row; at--) {
    const count = g[at]!;
    if (count === 0) continue;
    g[at] = 0;
    const p = p0 + at - row;
    while (i > 0 && (to[i - 2]! > d || (to[i - 2] === d && to[i - 3]! > p))) {
      to[--k] = to[--i]!;
      to[--k] = to[--i]!;
      to[--k] = to[--i]!;
    }
    if (i > 0 && to[i - 2] === d && to[i - 3] === p) {
      to[k - 1] = to[i - 1]! + count;
      i -= 3;
    } else to[k - 1] = count;
    to[k - 2] = d;
    to[k - 3] = p;
    k -= 3;
  }
  merged.listAt = i;
  merged.outAt = k;
}

/** Adds the counts of `other` (the same number of histograms) to `into`. */
export function mergeRatios(into: RatioHistograms, other: RatioHistograms): void {
  const K = into.n.length;
  if (other.n.length !== K) throw new Error(`mergeRatios: ${other.n.length} histograms cannot be added to ${K}`);
  for (let i = 0; i < K; i++) {
    const b = other.pairs[i]!;
    if (b.length === 0) continue;
    const a = into.pairs[i]!;
    into.pairs[i] = a.length === 0 ? withRoom(b, b.length) : mergeLists(a, b);
    giveBack([a.buffer]);
    into.n[i]! += other.n[i]!;
  }
}

// Two lists of (p, d, count) ascending by d, then p, merged (counts of the same pair added). One loop to the end
// of both, every comparison made from the first step on (a loop that first met a comparison late had no type
// feedback for it, and V8 gave its optimised code up, in every call).
function mergeLists(a: Int32Array, b: Int32Array): Int32Array {
  const o = outScratch(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const endA = i >= a.length;
    const endB = j >= b.length;
    const da = endA ? 0 : a[i + 1]!;
    const db = endB ? 0 : b[j + 1]!;
    // Negative when a's pair comes first, 0 when they are the same pair.
    const order = endA ? 1 : endB ? -1 : da !== db ? da - db : a[i]! - b[j]!;
    const fromA = order <= 0;
    const fromB = order >= 0;
    o[k] = fromA ? a[i]! : b[j]!;
    o[k + 1] = fromA ? a[i + 1]! : b[j + 1]!;
    o[k + 2] = (fromA ? a[i + 2]! : 0) + (fromB ? b[j + 2]! : 0);
    k += 3;
    if (fromA) i += 3;
    if (fromB) j += 3;
  }
  return withRoom(o, k);
}

/**
 * The histograms of a ratio set, as PairHistogram objects that share its lists (read them, never write to them;
 * ask again after counting more). The objects are kept per list, for the statistics' cache of sorted counts.
 *
 * @example
 * stats(ratioHistogramsOf(summary.share)[cell]!).p50;
 */
export function ratioHistogramsOf(set: RatioHistograms): readonly PairHistogram[] {
  const views: PairHistogram[] = [];
  for (let i = 0; i < set.pairs.length; i++) {
    const pairs = set.pairs[i]!;
    let view = pairViews.get(pairs);
    if (view === undefined) pairViews.set(pairs, (view = pairView(pairs)));
    view.n = set.n[i]!;
    views.push(view);
  }
  return views;
}
const pairViews = new WeakMap<Int32Array, PairHistogram>();
function pairView(pairs: Int32Array): PairHistogram {
  return {pairs, n: 0};
}

/** The buffers of a ratio set (to transfer it to another thread instead of copying it). */
export function ratioSetBuffers(set: RatioHistograms): ArrayBuffer[] {
  return [set.n.buffer as ArrayBuffer, ...set.pairs.map((p) => p.buffer as ArrayBuffer)];
}
