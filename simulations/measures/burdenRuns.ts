// The negotiation table's numbers from per-run figures instead of burden summaries. A worker simulates its range of
// runs and keeps, per run, only what the table reads (the period's placements, lettings, net contribution and
// balance per column, the max/min ratio per period and measure, who stays within the band); the page joins the
// ranges and takes quantiles of sorted arrays. The same numbers, bit for bit, as simulations/measures' summaries
// (burdenRows, spreadRows, bandRows): the same per-run values, the same quantile function on the same sorted
// sample, the same order of summation for means. Much cheaper: no histograms to fill, clone and merge.
import {quantileSorted} from "simple-statistics";
import type {SimulationResult} from "../model/engine.ts";
import {REGION} from "../agreement.ts";
import {isStockMeasure, MEASURE_SCALE, MEASURES, type Measure, type MeasureBasis} from "./definitions.ts";
import {maxMinRatio} from "./spread.ts";
import {SPREAD_DECIMALS} from "./summary.ts";
import {periodLabels, type BandRow, type BurdenRow, type SpreadRow} from "./rows.ts";
import type {Stats} from "../summary/histogram.ts";

/**
 * Per-run figures of a range of runs (typed arrays, so they move between threads without copying). C columns
 * (municipalities, then the region), M = C − 1 municipalities, P = years + 1 periods (each year, then all together).
 */
export interface BurdenRuns {
  readonly runs: number;
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  /** All years together, per run × column: placements, lettings, net contribution. */
  readonly placed: Int32Array;
  readonly lettings: Int32Array;
  readonly net: Int32Array;
  /** Cumulative balance against the target at the end of the last year, per run × column. */
  readonly balance: Int32Array;
  /** Max/min ratio across the municipalities (at SPREAD_DECIMALS), per run × period × measure (MEASURES order). */
  readonly maxMin: Float64Array;
  /** 1 when a municipality's share of lettings lies within the band, per run × period × municipality. */
  readonly within: Uint8Array;
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 10 ** SPREAD_DECIMALS) / 10 ** SPREAD_DECIMALS : x);

/**
 * The per-run figures of a result (computed exactly as addBurdens does).
 *
 * @example
 * const part = burdenRuns(simulateInto(inputs, scenario, {runs: 2500, seed: 1}), measureBasis(inputs.basis), [0.07, 0.18]);
 */
export function burdenRuns(r: Pick<SimulationResult, "runs" | "years" | "municipalities" | "placed" | "placedByOrigin" | "vacancies" | "target">, basis: MeasureBasis, band: readonly [number, number]): BurdenRuns {
  const C = r.municipalities.length;
  const M = C - 1;
  const Y = r.years.length;
  const P = Y + 1;
  const K = MEASURES.length;
  const runs = r.runs;
  const placed = new Int32Array(runs * C);
  const lettings = new Int32Array(runs * C);
  const net = new Int32Array(runs * C);
  const balance = new Int32Array(runs * C);
  const maxMin = new Float64Array(runs * P * K);
  const within = new Uint8Array(runs * P * M);
  // Typed arrays only in the loop below: it runs once per request, long, so V8 optimises it on the fly, and an
  // array that changes its kind inside it (holes, then doubles) would throw that code away again.
  const scale = Float64Array.from(MEASURES, (measure) => MEASURE_SCALE[measure]);
  const isStock = Uint8Array.from(MEASURES, (measure) => (isStockMeasure(measure) ? 1 : 0));
  const stock = Float64Array.from(MEASURES.flatMap((measure) => (isStockMeasure(measure) ? Array.from({length: M}, (_, m) => basis[measure][m]!) : new Array<number>(M).fill(0))));
  const values = new Float64Array(M);
  const band0 = band[0];
  const band1 = band[1];
  for (let i = 0; i < runs; i++) {
    const k0 = i * C;
    for (let t = 0; t < Y; t++) {
      const j0 = (i * Y + t) * C;
      for (let m = 0; m < C; m++) {
        const p = r.placed[j0 + m]!;
        placed[k0 + m]! += p;
        lettings[k0 + m]! += r.vacancies[j0 + m]!;
        net[k0 + m]! += p - r.placedByOrigin[j0 + m]!;
        balance[k0 + m]! += p - r.target[t * C + m]!;
      }
    }
    for (let q = 0; q < P; q++) {
      const year = q < Y;
      const at = year ? (i * Y + q) * C : k0;
      const placedOf = year ? r.placed : placed;
      const lettingsOf = year ? r.vacancies : lettings;
      for (let k = 0; k < K; k++) {
        const fromStock = isStock[k] === 1;
        for (let m = 0; m < M; m++) {
          const d = fromStock ? stock[k * M + m]! : lettingsOf[at + m]!;
          values[m] = d > 0 ? (placedOf[at + m]! * scale[k]!) / d : 0;
        }
        maxMin[(i * P + q) * K + k] = round(maxMinRatio(values));
      }
      for (let m = 0; m < M; m++) {
        const l = lettingsOf[at + m]!;
        const share = l > 0 ? placedOf[at + m]! / l : 0;
        within[(i * P + q) * M + m] = share >= band0 && share <= band1 ? 1 : 0;
      }
    }
  }
  return {runs, years: [...r.years], municipalities: [...r.municipalities], placed, lettings, net, balance, maxMin, within};
}

/** The typed arrays of per-run figures, to transfer to another thread. */
export function burdenRunsBuffers(b: BurdenRuns): ArrayBuffer[] {
  return [b.placed, b.lettings, b.net, b.balance, b.maxMin, b.within].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Joins the figures of consecutive ranges of runs (in any order: every statistic below sorts or counts).
 *
 * @example
 * joinBurdenRuns([first, second]).runs; // first.runs + second.runs
 */
export function joinBurdenRuns(parts: readonly BurdenRuns[]): BurdenRuns {
  if (parts.length === 0) throw new Error("joinBurdenRuns: nothing to join");
  if (parts.length === 1) return parts[0]!;
  const join = <T extends Int32Array | Float64Array | Uint8Array>(pick: (b: BurdenRuns) => T, make: (n: number) => T): T => {
    const out = make(parts.reduce((n, b) => n + pick(b).length, 0));
    let at = 0;
    for (const b of parts) {
      out.set(pick(b) as never, at);
      at += pick(b).length;
    }
    return out;
  };
  const i32 = (n: number) => new Int32Array(n);
  return {
    runs: parts.reduce((n, b) => n + b.runs, 0),
    years: parts[0]!.years,
    municipalities: parts[0]!.municipalities,
    placed: join((b) => b.placed, i32),
    lettings: join((b) => b.lettings, i32),
    net: join((b) => b.net, i32),
    balance: join((b) => b.balance, i32),
    maxMin: join((b) => b.maxMin, (n) => new Float64Array(n)),
    within: join((b) => b.within, (n) => new Uint8Array(n))
  };
}

/**
 * Mean and quantiles of a sample sorted ascending, as summary/histogram.ts `stats` computes them from counts: the
 * mean sums value × count over the distinct values in ascending order; the quantiles are simple-statistics'
 * `quantileSorted` of the sorted sample.
 */
export function sortedStats(x: Float64Array): Stats {
  const sorted = x as unknown as number[];
  return {
    mean: sortedSum(x) / x.length,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95)
  };
}

// The sum over the distinct values of a sorted sample, value × count, in ascending order. Its own function: a long
// loop is optimised on the fly, and code optimised that way inside sortedStats was thrown away at the object it
// returns, again in each call (V8: "insufficient type feedback for object literal").
function sortedSum(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; ) {
    let j = i + 1;
    while (j < x.length && x[j] === x[i]) j++;
    sum += x[i]! * (j - i);
    i = j;
  }
  return sum;
}

/** A column (stride `columns`, offset `m`) of a runs × columns array of whole numbers, sorted (a counting sort). */
export function sortedInts(data: Int32Array, runs: number, columns: number, m: number): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0, j = m; i < runs; i++, j += columns) {
    const v = data[j]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const x = new Float64Array(runs);
  if (runs === 0) return x;
  const counts = new Int32Array(hi - lo + 1);
  for (let i = 0, j = m; i < runs; i++, j += columns) counts[data[j]! - lo]! += 1;
  for (let v = 0, k = 0; v < counts.length; v++) for (let c = counts[v]!; c > 0; c--) x[k++] = lo + v;
  return x;
}

/**
 * Sorts doubles ascending, as Float64Array.prototype.sort does. Non-negative doubles (Infinity included) order as
 * their bit patterns do, so they take a byte-wise radix sort (several times faster for thousands of values, which
 * is most of the page's work); anything else falls back to the built-in sort.
 */
export function sortDoubles(x: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const n = x.length;
  for (let i = 0; i < n; i++) if (!(x[i]! >= 0) || Object.is(x[i], -0)) return x.sort();
  let from = x;
  let to = new Float64Array(n);
  const counts = new Int32Array(256);
  for (let byte = 0; byte < 8; byte++) {
    const bytes = new Uint8Array(from.buffer, from.byteOffset, n * 8);
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[bytes[i * 8 + byte]!]! += 1;
    // A byte all values share orders nothing.
    if (counts[bytes[byte]!] === n) continue;
    for (let b = 0, sum = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) to[counts[bytes[i * 8 + byte]!]!++] = from[i]!;
    [from, to] = [to, from];
  }
  if (from !== x) x.set(from);
  return x;
}

/**
 * A column of per-run indices rounded to SPREAD_DECIMALS (value = k / 10^d for a whole k, or Infinity), sorted: a
 * counting sort on k, which gives back each value exactly (k / 10^d is how it was computed); a wide range falls
 * back to sorting the values.
 */
function sortedRounded(data: Float64Array, runs: number, columns: number, m: number): Float64Array {
  const scale = 10 ** SPREAD_DECIMALS;
  let lo = Infinity;
  let hi = -Infinity;
  let infinite = 0;
  for (let i = 0, j = m; i < runs; i++, j += columns) {
    const v = data[j]!;
    if (v === Infinity) infinite++;
    else {
      const k = Math.round(v * scale);
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
  }
  if (!(hi - lo <= 8 * runs + 100_000)) return sortedColumn(data, runs, columns, m);
  const x = new Float64Array(runs);
  let at = 0;
  if (hi >= lo) {
    const counts = new Int32Array(hi - lo + 1);
    for (let i = 0, j = m; i < runs; i++, j += columns) if (data[j] !== Infinity) counts[Math.round(data[j]! * scale) - lo]! += 1;
    for (let k = 0; k < counts.length; k++) {
      const c = counts[k]!;
      if (c === 0) continue;
      x.fill((lo + k) / scale, at, at + c);
      at += c;
    }
  }
  x.fill(Infinity, at, at + infinite);
  return x;
}

/** A column (stride `columns`, offset `m`) of a runs × columns array, sorted. */
export function sortedColumn(data: ArrayLike<number>, runs: number, columns: number, m: number): Float64Array {
  const x = new Float64Array(runs);
  for (let i = 0; i < runs; i++) x[i] = data[i * columns + m]!;
  return sortDoubles(x);
}

// Every column of a runs × columns array of whole numbers, sorted, one after the other.
function intColumns(data: Int32Array, runs: number, columns: number): Float64Array {
  const out = new Float64Array(columns * runs);
  for (let m = 0; m < columns; m++) out.set(sortedInts(data, runs, columns, m), m * runs);
  return out;
}

// As intColumns, for placed / lettings.
function ratioColumns(placed: Int32Array, lettings: Int32Array, runs: number, columns: number): Float64Array {
  const out = new Float64Array(columns * runs);
  for (let m = 0; m < columns; m++) out.set(sortedRatios(placed, lettings, runs, columns, m), m * runs);
  return out;
}

// Column m of placed / lettings per run (0 without lettings), sorted. No callback per value: a closure made per
// call and inlined into the loop was "the wrong call target" for the next call's optimised code.
function sortedRatios(placed: Int32Array, lettings: Int32Array, runs: number, columns: number, m: number): Float64Array {
  const x = new Float64Array(runs);
  for (let i = 0, j = m; i < runs; i++, j += columns) {
    const d = lettings[j]!;
    x[i] = d > 0 ? placed[j]! / d : 0;
  }
  return sortDoubles(x);
}

function scaled(s: Stats, f: number): Stats {
  return {mean: s.mean * f, p5: s.p5 * f, p25: s.p25 * f, p50: s.p50 * f, p75: s.p75 * f, p95: s.p95 * f};
}

// As measures/rows.ts statsWithInfinity: infinite ratios count as the largest double, and are reported as Infinity.
function statsWithInfinity(x: Float64Array): Stats {
  if (x[x.length - 1] !== Infinity) return sortedStats(x);
  const finite = x.map((v) => (v === Infinity ? Number.MAX_VALUE : v));
  const st = sortedStats(finite);
  const back = (v: number) => (v >= 1e300 ? Infinity : v);
  return {mean: Infinity, p5: back(st.p5), p25: back(st.p25), p50: back(st.p50), p75: back(st.p75), p95: back(st.p95)};
}

/** What the negotiation table shows of a simulation of the offers. */
export interface BurdenRunsOutcome {
  /** All years together ("2025-2030"), per column: each burden measure, the net contribution and the balance. */
  readonly burdens: BurdenRow[];
  /** Per period (or the periods asked for) and measure: the max/min ratio across the municipalities. */
  readonly spread: SpreadRow[];
  /** Per period: P(within the band) per municipality, and P(all within) as "regio". */
  readonly band: BandRow[];
  /** P(every municipality within the band in every year). */
  readonly pAllEveryYear: number;
}

/**
 * What the negotiation table needs of a range of runs, sorted: per column the period's placements, share of lettings
 * (as placements over lettings), net contribution and balance; per kept period and measure the max/min ratio; and
 * counts of runs within the band. A worker sorts its own range (in parallel with the others); the page merges the
 * sorted ranges in linear time and reads the quantiles.
 */
export interface BurdenSample {
  readonly runs: number;
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  /** Sorted columns, `runs` values each, one column after the other (columns: municipalities, then the region). */
  readonly placed: Float64Array;
  readonly ratio: Float64Array;
  readonly net: Float64Array;
  readonly balance: Float64Array;
  /** The periods whose max/min ratio was kept, and its sorted columns (period × measure, MEASURES order). */
  readonly spreadPeriods: readonly string[];
  readonly maxMin: Float64Array;
  /** Runs within the band per period × municipality, runs with all within per period, and in every year. */
  readonly within: Float64Array;
  readonly allWithin: Float64Array;
  readonly everyYear: number;
}

/**
 * A range's per-run figures sorted and counted (see BurdenSample); only the max/min of `spreadPeriods` when given.
 *
 * @example
 * const sample = burdenSample(burdenRuns(result, basis, band), ["2027"]);
 */
export function burdenSample(b: BurdenRuns, spreadPeriods?: readonly string[]): BurdenSample {
  const C = b.municipalities.length;
  const M = C - 1;
  const Y = b.years.length;
  const P = Y + 1;
  const K = MEASURES.length;
  const runs = b.runs;
  const labels = periodLabels(b.years);
  const kept = labels.filter((l) => !spreadPeriods || spreadPeriods.includes(l));
  const maxMin = new Float64Array(kept.length * K * runs);
  kept.forEach((label, k) => {
    const q = labels.indexOf(label);
    for (let j = 0; j < K; j++) maxMin.set(sortedRounded(b.maxMin, runs, P * K, q * K + j), (k * K + j) * runs);
  });
  const within = new Float64Array(P * M);
  const allWithin = new Float64Array(P);
  let everyYear = 0;
  for (let i = 0; i < runs; i++) {
    let years = true;
    for (let q = 0; q < P; q++) {
      let all = true;
      for (let m = 0; m < M; m++) {
        if (b.within[(i * P + q) * M + m]) within[q * M + m]! += 1;
        else all = false;
      }
      if (all) allWithin[q]! += 1;
      else if (q < Y) years = false;
    }
    if (years) everyYear += 1;
  }
  return {
    runs,
    years: b.years,
    municipalities: b.municipalities,
    placed: intColumns(b.placed, runs, C),
    ratio: ratioColumns(b.placed, b.lettings, runs, C),
    net: intColumns(b.net, runs, C),
    balance: intColumns(b.balance, runs, C),
    spreadPeriods: kept,
    maxMin,
    within,
    allWithin,
    everyYear
  };
}

// Merges two arrays of sorted columns (`n` and `m` values per column) into one of n + m per column.
function mergeColumns(a: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  const columns = n > 0 ? a.length / n : b.length / m;
  const out = new Float64Array(a.length + b.length);
  for (let c = 0; c < columns; c++) mergeColumn(a, c * n, n, b, c * m, m, out, c * (n + m));
  return out;
}

// One column of mergeColumns, in a function of its own: optimised once and called per column, where the inner
// loops of one function were optimised on the fly and that code thrown away at every return to the outer loop.
// One loop, no tail loops: a tail loop seldom run had no type feedback when the function was optimised, and threw
// that code away when a column ended there.
function mergeColumn(a: Float64Array, i: number, n: number, b: Float64Array, j: number, m: number, out: Float64Array, k: number): void {
  const iEnd = i + n;
  const jEnd = j + m;
  for (const end = k + n + m; k < end; k++) out[k] = j >= jEnd || (i < iEnd && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
}

/**
 * Joins the samples of ranges of runs (any order: the columns are merged sorted, the counts added).
 *
 * @example
 * const all = joinBurdenSamples([fromFirstWorker, fromSecondWorker]);
 */
export function joinBurdenSamples(parts: readonly BurdenSample[]): BurdenSample {
  if (parts.length === 0) throw new Error("joinBurdenSamples: nothing to join");
  return parts.reduce((x, y) => {
    if (x.spreadPeriods.join() !== y.spreadPeriods.join() || x.municipalities.length !== y.municipalities.length) throw new Error("joinBurdenSamples: the samples differ in shape");
    return {
      runs: x.runs + y.runs,
      years: x.years,
      municipalities: x.municipalities,
      placed: mergeColumns(x.placed, x.runs, y.placed, y.runs),
      ratio: mergeColumns(x.ratio, x.runs, y.ratio, y.runs),
      net: mergeColumns(x.net, x.runs, y.net, y.runs),
      balance: mergeColumns(x.balance, x.runs, y.balance, y.runs),
      spreadPeriods: x.spreadPeriods,
      maxMin: mergeColumns(x.maxMin, x.runs, y.maxMin, y.runs),
      within: x.within.map((v, i) => v + y.within[i]!),
      allWithin: x.allWithin.map((v, i) => v + y.allWithin[i]!),
      everyYear: x.everyYear + y.everyYear
    };
  });
}

/**
 * The negotiation table's rows from a sample: equal to the rows of measures' `burdenRows` (all years together),
 * `spreadRows` (index maxMin, of the sample's periods), `bandRows` and `pAllWithinEveryYear` for the same runs.
 *
 * @example
 * const outcome = burdenSampleOutcome(joinBurdenSamples(parts), measureBasis(inputs.basis), "onderhandeling");
 */
export function burdenSampleOutcome(s: BurdenSample, basis: MeasureBasis, scenario: string): BurdenRunsOutcome {
  const C = s.municipalities.length;
  const M = C - 1;
  const Y = s.years.length;
  const K = MEASURES.length;
  const runs = s.runs;
  if (runs === 0) throw new Error("burdenSampleOutcome: no runs");
  const labels = periodLabels(s.years);
  const whole = labels[Y]!;
  const column = (data: Float64Array, c: number) => data.subarray(c * runs, (c + 1) * runs);
  const burdens: BurdenRow[] = [];
  for (let m = 0; m < C; m++) {
    const municipality = s.municipalities[m]!;
    const placed = sortedStats(column(s.placed, m));
    for (const measure of MEASURES) {
      const st = isStockMeasure(measure) ? scaled(placed, MEASURE_SCALE[measure] / basis[measure][m]!) : scaled(sortedStats(column(s.ratio, m)), MEASURE_SCALE[measure]);
      burdens.push({scenario, period: whole, municipality, metric: measure, ...st});
    }
    burdens.push({scenario, period: whole, municipality, metric: "netContribution", ...sortedStats(column(s.net, m))});
    burdens.push({scenario, period: whole, municipality, metric: "balance", ...sortedStats(column(s.balance, m))});
  }
  const spread: SpreadRow[] = [];
  s.spreadPeriods.forEach((period, k) => {
    MEASURES.forEach((measure: Measure, j) => spread.push({scenario, period, measure, index: "maxMin", ...statsWithInfinity(column(s.maxMin, k * K + j))}));
  });
  const band: BandRow[] = labels.flatMap((period, q) => [
    ...s.municipalities.slice(0, M).map((municipality, m) => ({scenario, period, municipality, pWithin: s.within[q * M + m]! / runs})),
    {scenario, period, municipality: REGION, pWithin: s.allWithin[q]! / runs}
  ]);
  return {burdens, spread, band, pAllEveryYear: s.everyYear / runs};
}

/**
 * The negotiation table's rows from per-run figures (see `burdenSampleOutcome`; only the spread of `spreadPeriods`
 * when given: the page reads one year).
 *
 * @example
 * const outcome = burdenRunsOutcome(joinBurdenRuns(parts), measureBasis(inputs.basis), "onderhandeling");
 */
export function burdenRunsOutcome(b: BurdenRuns, basis: MeasureBasis, scenario: string, spreadPeriods?: readonly string[]): BurdenRunsOutcome {
  return burdenSampleOutcome(burdenSample(b, spreadPeriods), basis, scenario);
}
