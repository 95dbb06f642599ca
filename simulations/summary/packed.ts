// Many histograms in a few typed arrays. A summary holds about 1,200 histograms (per year, municipality and metric,
// and per origin × host flow); packed into one buffer per set they are counted in one pass over a result, merged
// span by span, and cross to and from a worker as a handful of transferable buffers instead of thousands of small
// objects. Counts are integers, so the numbers never depend on the layout (which only grows) or on the order in
// which runs were counted.
import type {IntHistogram, RatioHistogram} from "./histogram.ts";

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
 * Histograms of ratios p / d counted as (p, d) pairs of integers (see RatioHistogram), each a grid in one buffer:
 * histogram i counts the pair (p, d) at counts[start[i] + (d − dLo[i]) · pN[i] + (p − pLo[i])].
 */
export interface RatioHistograms {
  /** Pairs counted by each histogram. */
  readonly n: Float64Array;
  pLo: Int32Array;
  pN: Int32Array;
  dLo: Int32Array;
  dN: Int32Array;
  /** Where each grid starts; one more entry than histograms. */
  start: Int32Array;
  /** Integer counts (Int32: half the memory of doubles, and a million runs are far from 2^31). */
  counts: Int32Array;
}

/**
 * `size` empty integer histograms.
 *
 * @example
 * const set = intHistograms(2);
 * countColumns(set, 0, 2, 2, Int32Array.of(1, 5, 2, 6)); // histogram 0 counts 1 and 2, histogram 1 counts 5 and 6
 */
export function intHistograms(size: number): IntHistograms {
  return {n: new Float64Array(size), lo: new Int32Array(size), start: new Int32Array(size + 1), counts: new Float64Array(0)};
}

/** `size` empty ratio histograms. */
export function ratioHistograms(size: number): RatioHistograms {
  return {
    n: new Float64Array(size),
    pLo: new Int32Array(size),
    pN: new Int32Array(size),
    dLo: new Int32Array(size),
    dN: new Int32Array(size),
    start: new Int32Array(size + 1),
    counts: new Int32Array(0)
  };
}

const spanOf = (set: IntHistograms, i: number) => set.start[i + 1]! - set.start[i]!;

// Widens each histogram i to take [min[i], max[i]] (nothing where min[i] > max[i]), keeping its counts; one new
// buffer for all. With `slack`, a span that grows grows by an eighth more on that side, so that the next chunks'
// rare extremes seldom move the whole buffer again (the spare slots count nothing, so no number changes).
function growInts(set: IntHistograms, min: Float64Array, max: Float64Array, slack: boolean): void {
  const K = set.n.length;
  const lo = new Int32Array(K);
  const start = new Int32Array(K + 1);
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
        const pad = slack ? len >> 3 : 0;
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
  if (!changed) return;
  start[K] = size;
  const counts = new Float64Array(size);
  for (let i = 0; i < K; i++) {
    if (spanOf(set, i) > 0) counts.set(set.counts.subarray(set.start[i]!, set.start[i + 1]!), start[i]! + set.lo[i]! - lo[i]!);
  }
  set.lo = lo;
  set.start = start;
  set.counts = counts;
}

function needs(size: number): {min: Float64Array; max: Float64Array} {
  return {min: new Float64Array(size).fill(Infinity), max: new Float64Array(size).fill(-Infinity)};
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
  let empty = false;
  for (let c = 0; c < cells; c++) if (spanOf(set, first + c) === 0) empty = true;
  // A histogram without a span yet (the first chunk): every span made to fit this chunk's values exactly, so
  // that one pass counts them all without a check.
  if (empty) {
    const {min, max} = columnRanges(data, minus, cells, runs);
    const need = needs(set.n.length);
    for (let c = 0; c < cells; c++) {
      need.min[first + c] = min[c]! - (shift ? shift[c]! : 0);
      need.max[first + c] = max[c]! - (shift ? shift[c]! : 0);
    }
    growInts(set, need.min, need.max, false);
  }
  // Per column: where value v is counted is base[c] + v, v = data − minus − shift; lo and len say whether it fits.
  const lo = new Int32Array(cells);
  const len = new Int32Array(cells);
  const base = new Int32Array(cells);
  for (let c = 0; c < cells; c++) {
    const d = shift ? shift[c]! : 0;
    lo[c] = set.lo[first + c]! + d;
    len[c] = spanOf(set, first + c);
    base[c] = set.start[first + c]! - lo[c]!;
  }
  const counts = set.counts;
  let outside: number[] | null = null;
  if (empty) countAll(counts, base, data, minus, cells, runs);
  else outside = minus ? countDifferencesInSpan(counts, lo, len, base, data, minus, cells, runs) : countInSpan(counts, lo, len, base, data, cells, runs);
  for (let c = 0; c < cells; c++) set.n[first + c]! += runs;
  if (outside !== null) countOutside(set, first, cells, outside, data, minus, shift);
}

// The counting loops, each its own small function so that V8 optimises it as a whole (not by on-stack replacement
// inside a larger one). Value v of column c is counted at base[c] + v.

// Every value known to fit (the spans were just made from them).
function countAll(counts: Float64Array, base: Int32Array, data: Int32Array, minus: Int32Array | null, cells: number, runs: number): void {
  if (minus) {
    for (let r = 0, j = 0; r < runs; r++) for (let c = 0; c < cells; c++, j++) counts[base[c]! + data[j]! - minus[j]!]! += 1;
  } else {
    for (let r = 0, j = 0; r < runs; r++) for (let c = 0; c < cells; c++, j++) counts[base[c]! + data[j]!]! += 1;
  }
}

// Values inside their spans [lo[c], lo[c] + len[c]) counted; the indices j of the others returned.
function countInSpan(counts: Float64Array, lo: Int32Array, len: Int32Array, base: Int32Array, data: Int32Array, cells: number, runs: number): number[] | null {
  let outside: number[] | null = null;
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const v = data[j]!;
      if ((v - lo[c]!) >>> 0 < len[c]!) counts[base[c]! + v]! += 1;
      else (outside ??= []).push(j);
    }
  }
  return outside;
}

// As countInSpan, for the values data[j] − minus[j].
function countDifferencesInSpan(counts: Float64Array, lo: Int32Array, len: Int32Array, base: Int32Array, data: Int32Array, minus: Int32Array, cells: number, runs: number): number[] | null {
  let outside: number[] | null = null;
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const v = data[j]! - minus[j]!;
      if ((v - lo[c]!) >>> 0 < len[c]!) counts[base[c]! + v]! += 1;
      else (outside ??= []).push(j);
    }
  }
  return outside;
}

// Per column c of a runs × cells array: the smallest and largest data[j] − minus[j].
function columnRanges(data: Int32Array, minus: Int32Array | null, cells: number, runs: number): {min: Int32Array; max: Int32Array} {
  const min = new Int32Array(cells).fill(0x7fffffff);
  const max = new Int32Array(cells).fill(-0x80000000);
  for (let r = 0, j = 0; r < runs; r++) {
    for (let c = 0; c < cells; c++, j++) {
      const v = minus ? data[j]! - minus[j]! : data[j]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
  }
  return {min, max};
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

// Widens grid i to take p in [pMin[i], pMax[i]] and d in [dMin[i], dMax[i]] (nothing where pMin[i] > pMax[i]),
// keeping its counts; with `slack` as growInts.
function growRatios(set: RatioHistograms, pMin: Float64Array, pMax: Float64Array, dMin: Float64Array, dMax: Float64Array, slack: boolean): void {
  const K = set.n.length;
  const pLo = new Int32Array(K);
  const pN = new Int32Array(K);
  const dLo = new Int32Array(K);
  const dN = new Int32Array(K);
  const start = new Int32Array(K + 1);
  let size = 0;
  let changed = false;
  for (let i = 0; i < K; i++) {
    const empty = set.pN[i]! * set.dN[i]! === 0;
    let pa = set.pLo[i]!;
    let pb = pa + set.pN[i]! - 1;
    let da = set.dLo[i]!;
    let db = da + set.dN[i]! - 1;
    if (pMin[i]! <= pMax[i]!) {
      if (empty) {
        [pa, pb, da, db] = [pMin[i]!, pMax[i]!, dMin[i]!, dMax[i]!];
        changed = true;
      } else {
        const pPad = slack ? set.pN[i]! >> 3 : 0;
        const dPad = slack ? set.dN[i]! >> 3 : 0;
        if (pMin[i]! < pa) [pa, changed] = [pMin[i]! - pPad, true];
        if (pMax[i]! > pb) [pb, changed] = [pMax[i]! + pPad, true];
        if (dMin[i]! < da) [da, changed] = [dMin[i]! - dPad, true];
        if (dMax[i]! > db) [db, changed] = [dMax[i]! + dPad, true];
      }
    } else if (empty) {
      [pa, pb, da, db] = [0, -1, 0, -1];
    }
    pLo[i] = pa;
    pN[i] = pb - pa + 1;
    dLo[i] = da;
    dN[i] = db - da + 1;
    start[i] = size;
    size += pN[i]! * dN[i]!;
  }
  if (!changed) return;
  // A typed array holds fewer than 2^31 elements anyway; say so in words rather than fail on an allocation.
  if (size > 0x7fffffff) throw new Error(`ratio histograms: ${size} pairs do not fit in one buffer`);
  start[K] = size;
  const counts = new Int32Array(size);
  for (let i = 0; i < K; i++) {
    const w = set.pN[i]!;
    for (let d = 0; d < set.dN[i]!; d++) {
      const from = set.start[i]! + d * w;
      counts.set(set.counts.subarray(from, from + w), start[i]! + (d + set.dLo[i]! - dLo[i]!) * pN[i]! + (set.pLo[i]! - pLo[i]!));
    }
  }
  Object.assign(set, {pLo, pN, dLo, dN, start, counts});
}

/**
 * Counts the pairs (num[j] − numMinus[j], den[j]) of a runs × cells array (run-major) into ratio histograms
 * first … first + cells − 1, as `countColumns`. With `denOther`, only the entries whose denominators agree
 * (den[j] = denOther[j]) are counted; the others are returned (their indices j), for the caller to count exactly.
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
  let empty = false;
  for (let c = 0; c < cells; c++) if (set.pN[first + c]! * set.dN[first + c]! === 0) empty = true;
  // As countColumns: a grid without a span yet gets one that fits this chunk's pairs exactly.
  if (empty) {
    const p = needs(set.n.length);
    const d = needs(set.n.length);
    for (let r = 0, j = 0; r < runs; r++) {
      for (let c = 0, h = first; c < cells; c++, j++, h++) {
        const y = den[j]!;
        if (denOther !== null && y !== denOther[j]) continue;
        const x = numMinus ? num[j]! - numMinus[j]! : num[j]!;
        if (x < p.min[h]!) p.min[h] = x;
        if (x > p.max[h]!) p.max[h] = x;
        if (y < d.min[h]!) d.min[h] = y;
        if (y > d.max[h]!) d.max[h] = y;
      }
    }
    growRatios(set, p.min, p.max, d.min, d.max, false);
  }
  const pLo = set.pLo.slice(first, first + cells);
  const pN = set.pN.slice(first, first + cells);
  const dLo = set.dLo.slice(first, first + cells);
  const dN = set.dN.slice(first, first + cells);
  // The pair (x, y) of column c is counted at at[c] + (y − dLo[c]) · pN[c] + (x − pLo[c]): small integers only (an
  // index through a negative double base made V8 fall back to slow element access).
  const at = new Int32Array(cells);
  for (let c = 0; c < cells; c++) at[c] = set.start[first + c]!;
  const counts = set.counts;
  let outside: number[] | null = null;
  let differ: number[] | null = null;
  if (numMinus === null && denOther === null) {
    for (let r = 0, j = 0; r < runs; r++) {
      for (let c = 0; c < cells; c++, j++) {
        const x = num[j]! - pLo[c]!;
        const y = den[j]! - dLo[c]!;
        if (x >>> 0 < pN[c]! && y >>> 0 < dN[c]!) counts[at[c]! + y * pN[c]! + x]! += 1;
        else (outside ??= []).push(j);
      }
    }
  } else {
    for (let r = 0, j = 0; r < runs; r++) {
      for (let c = 0; c < cells; c++, j++) {
        if (denOther !== null && den[j] !== denOther[j]) {
          (differ ??= []).push(j);
          continue;
        }
        const x = (numMinus ? num[j]! - numMinus[j]! : num[j]!) - pLo[c]!;
        const y = den[j]! - dLo[c]!;
        if (x >>> 0 < pN[c]! && y >>> 0 < dN[c]!) counts[at[c]! + y * pN[c]! + x]! += 1;
        else (outside ??= []).push(j);
      }
    }
  }
  for (let c = 0; c < cells; c++) set.n[first + c]! += runs;
  if (differ !== null) for (const j of differ) set.n[first + (j % cells)]! -= 1;
  if (outside !== null) countRatiosOutside(set, first, cells, outside, num, den, numMinus);
  return differ;
}

// As countOutside, for pairs.
function countRatiosOutside(set: RatioHistograms, first: number, cells: number, outside: readonly number[], num: Int32Array, den: Int32Array, numMinus: Int32Array | null): void {
  const numAt = (j: number) => num[j]! - (numMinus ? numMinus[j]! : 0);
  const p = needs(set.n.length);
  const d = needs(set.n.length);
  for (const j of outside) {
    const h = first + (j % cells);
    const x = numAt(j);
    if (x < p.min[h]!) p.min[h] = x;
    if (x > p.max[h]!) p.max[h] = x;
    if (den[j]! < d.min[h]!) d.min[h] = den[j]!;
    if (den[j]! > d.max[h]!) d.max[h] = den[j]!;
  }
  growRatios(set, p.min, p.max, d.min, d.max, true);
  for (const j of outside) {
    const h = first + (j % cells);
    set.counts[set.start[h]! + (den[j]! - set.dLo[h]!) * set.pN[h]! + (numAt(j) - set.pLo[h]!)]! += 1;
  }
}

/** Adds the counts of `other` (the same number of histograms) to `into`. */
export function mergeRatios(into: RatioHistograms, other: RatioHistograms): void {
  const K = into.n.length;
  if (other.n.length !== K) throw new Error(`mergeRatios: ${other.n.length} histograms cannot be added to ${K}`);
  const p = needs(K);
  const d = needs(K);
  for (let i = 0; i < K; i++) {
    if (other.pN[i]! * other.dN[i]! === 0) continue;
    p.min[i] = other.pLo[i]!;
    p.max[i] = other.pLo[i]! + other.pN[i]! - 1;
    d.min[i] = other.dLo[i]!;
    d.max[i] = other.dLo[i]! + other.dN[i]! - 1;
  }
  growRatios(into, p.min, p.max, d.min, d.max, false);
  const to = into.counts;
  const from = other.counts;
  for (let i = 0; i < K; i++) {
    const w = other.pN[i]!;
    for (let r = 0; r < other.dN[i]!; r++) {
      const f = other.start[i]! + r * w;
      const t = into.start[i]! + (r + other.dLo[i]! - into.dLo[i]!) * into.pN[i]! + (other.pLo[i]! - into.pLo[i]!);
      for (let k = 0; k < w; k++) to[t + k]! += from[f + k]!;
    }
    into.n[i]! += other.n[i]!;
  }
}

// The histograms of a set as IntHistogram / RatioHistogram objects (views on the set's buffer), made once per
// layout: the statistics cache their sorted counts per histogram object, so the same objects are handed out until
// the buffer moves. Their n is refreshed on every call (counting in place changes n, not the buffer).
const intViews = new WeakMap<IntHistograms, {counts: Float64Array; views: IntHistogram[]}>();
const ratioViews = new WeakMap<RatioHistograms, {counts: Int32Array; views: RatioHistogram[]}>();

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

/** The histograms of a ratio set, as RatioHistogram views on its buffer (see `intHistogramsOf`). */
export function ratioHistogramsOf(set: RatioHistograms): readonly RatioHistogram[] {
  let hit = ratioViews.get(set);
  if (hit === undefined || hit.counts !== set.counts) {
    const views = Array.from({length: set.n.length}, (_, i) => ({
      pLo: set.pLo[i]!,
      pN: set.pN[i]!,
      dLo: set.dLo[i]!,
      dN: set.dN[i]!,
      counts: set.counts.subarray(set.start[i]!, set.start[i + 1]!),
      n: 0
    }));
    hit = {counts: set.counts, views};
    ratioViews.set(set, hit);
  }
  hit.views.forEach((v, i) => (v.n = set.n[i]!));
  return hit.views;
}

/** The buffers of a set (to transfer it to another thread instead of copying it). */
export function setBuffers(set: IntHistograms | RatioHistograms): ArrayBuffer[] {
  return Object.values(set).map((a: Int32Array | Float64Array) => a.buffer as ArrayBuffer);
}
