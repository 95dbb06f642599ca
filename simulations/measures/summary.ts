// Streaming burden summaries: exact histograms per period (each year, and all years together) and column, filled
// from results chunk by chunk and merged across chunks and threads like the engine's own summaries
// (summary/accumulator.ts). Plain data (typed arrays and Maps), so a summary crosses to and from a worker.
import type {SimulationResult} from "../model/engine.ts";
import {SHARE_BAND} from "../agreement.ts";
import {addColumns, addRatioColumns, addReal, intHistogram, mergeInt, mergeRatio, mergeReal, ratioHistogram, realHistogram, type IntHistogram, type RatioHistogram, type RealHistogram} from "../summary/histogram.ts";
import {isStockMeasure, MEASURE_SCALE, MEASURES, type Measure, type MeasureBasis} from "./definitions.ts";
import {coefficientOfVariation, maxMinRatio} from "./spread.ts";

/** The spread indices counted per run, across the municipalities (not the region). */
export const SPREAD_INDICES = ["maxMin", "cv"] as const;
export type SpreadIndex = (typeof SPREAD_INDICES)[number];

/** Decimals a per-run spread index is counted at: keeps the count of distinct values, and so memory, bounded. */
export const SPREAD_DECIMALS = 4;

/**
 * Burden histograms of one scenario. Periods p = 0..Y−1 are the years, p = Y is all years together; cell index
 * `p * columns + m`, columns = the municipalities and, last, the region.
 */
export interface BurdenSummary {
  readonly scenario: string;
  readonly years: readonly number[];
  /** Column names: the municipalities, then the region. */
  readonly municipalities: readonly string[];
  readonly basis: MeasureBasis;
  /** The band of the share of lettings (fractions), default the agreed 7-18%. */
  readonly band: readonly [number, number];
  /** Placed, per period and column (the stock measures scale it by a fixed denominator). */
  readonly placed: IntHistogram[];
  /** (placed, lettings) pairs per period and column: the flow measure, exactly. */
  readonly lettings: RatioHistogram[];
  /** Net contribution (placed as host − placed of origin), per period and column. */
  readonly net: IntHistogram[];
  /** Cumulative balance against the target at the end of each year, per year and column (Y × columns). */
  readonly balance: IntHistogram[];
  /** Per run: max/min ratio and coefficient of variation across the municipalities, per measure and period. */
  readonly spread: Record<Measure, Record<SpreadIndex, RealHistogram[]>>;
  /** Runs in which a municipality's share of lettings lay within the band, per period × municipality. */
  readonly within: Float64Array;
  /** Runs in which every municipality's share lay within the band, per period. */
  readonly allWithin: Float64Array;
  /** Runs in which every municipality's share lay within the band in every year. */
  allWithinEveryYear: number;
  runs: number;
}

/**
 * An empty burden summary shaped like a result. `basis`: the stock denominators with the region's total
 * (`measureBasis(inputs.basis)`).
 *
 * @example
 * const s = emptyBurdenSummary(result, measureBasis(inputs.basis));
 * addBurdens(s, result);
 * burdenRows(s);
 */
export function emptyBurdenSummary(like: Pick<SimulationResult, "scenario" | "years" | "municipalities">, basis: MeasureBasis, band: readonly [number, number] = SHARE_BAND): BurdenSummary {
  const C = like.municipalities.length;
  const Y = like.years.length;
  if (basis.inhabitants.length !== C || basis.socialStock.length !== C) {
    throw new Error(`emptyBurdenSummary: the basis has ${basis.inhabitants.length} columns, the result ${C} (give measureBasis(inputs.basis))`);
  }
  if (!(band[0] >= 0 && band[0] <= band[1] && band[1] <= 1)) throw new Error(`emptyBurdenSummary: band must satisfy 0 ≤ low ≤ high ≤ 1, got ${band.join("-")}`);
  const cells = (Y + 1) * C;
  const periods = Y + 1;
  const spread = Object.fromEntries(
    MEASURES.map((m) => [m, {maxMin: Array.from({length: periods}, realHistogram), cv: Array.from({length: periods}, realHistogram)}])
  ) as BurdenSummary["spread"];
  return {
    scenario: like.scenario.id,
    years: [...like.years],
    municipalities: [...like.municipalities],
    basis: {inhabitants: [...basis.inhabitants], socialStock: [...basis.socialStock]},
    band: [band[0], band[1]],
    placed: Array.from({length: cells}, intHistogram),
    lettings: Array.from({length: cells}, ratioHistogram),
    net: Array.from({length: cells}, intHistogram),
    balance: Array.from({length: Y * C}, intHistogram),
    spread,
    within: new Float64Array(periods * (C - 1)),
    allWithin: new Float64Array(periods),
    allWithinEveryYear: 0,
    runs: 0
  };
}

// Adds a batch of values to a histogram, one Map update per distinct value.
function addSorted(h: RealHistogram, batch: Float64Array): void {
  batch.sort();
  for (let i = 0; i < batch.length; ) {
    let j = i + 1;
    while (j < batch.length && batch[j] === batch[i]) j++;
    addReal(h, batch[i]!, j - i);
    i = j;
  }
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10 ** SPREAD_DECIMALS) / 10 ** SPREAD_DECIMALS : x);

/**
 * Adds every run of a result to the summary.
 *
 * @example
 * for (const chunk of chunks) addBurdens(s, chunk);
 */
export function addBurdens(s: BurdenSummary, r: SimulationResult): void {
  const C = s.municipalities.length;
  const M = C - 1;
  const Y = s.years.length;
  if (r.municipalities.length !== C || r.years.length !== Y || r.scenario.id !== s.scenario) {
    throw new Error(`addBurdens: a result of "${r.scenario.id}" does not fit a burden summary of "${s.scenario}"`);
  }
  const runs = r.runs;
  const yearCells = Y * C;
  // Per run: net contribution per year, balance per year end; all years: placed, lettings and net summed.
  const net = new Int32Array(runs * yearCells);
  const balance = new Int32Array(runs * yearCells);
  const sumPlaced = new Int32Array(runs * C);
  const sumLettings = new Int32Array(runs * C);
  const sumNet = new Int32Array(runs * C);
  for (let i = 0; i < runs; i++) {
    for (let t = 0; t < Y; t++) {
      const j0 = (i * Y + t) * C;
      for (let m = 0; m < C; m++) {
        const j = j0 + m;
        const k = i * C + m;
        const p = r.placed[j]!;
        net[j] = p - r.placedByOrigin[j]!;
        balance[j] = (t > 0 ? balance[j - C]! : 0) + p - r.target[t * C + m]!;
        sumPlaced[k]! += p;
        sumLettings[k]! += r.vacancies[j]!;
        sumNet[k]! += net[j]!;
      }
    }
  }
  addColumns(s.placed.slice(0, yearCells), r.placed, yearCells, runs);
  addColumns(s.placed.slice(yearCells), sumPlaced, C, runs);
  addRatioColumns(s.lettings.slice(0, yearCells), r.placed, r.vacancies, yearCells, runs);
  addRatioColumns(s.lettings.slice(yearCells), sumPlaced, sumLettings, C, runs);
  addColumns(s.net.slice(0, yearCells), net, yearCells, runs);
  addColumns(s.net.slice(yearCells), sumNet, C, runs);
  addColumns(s.balance, balance, yearCells, runs);

  // Spread and band, per run and period, across the municipalities. The per-run indices are collected per chunk,
  // then counted by distinct value (a sort instead of a Map update per run).
  const scale = MEASURES.map((measure) => MEASURE_SCALE[measure]);
  const stock = MEASURES.map((measure) => (isStockMeasure(measure) ? s.basis[measure] : null));
  const collected = MEASURES.map(() => SPREAD_INDICES.map(() => Array.from({length: Y + 1}, () => new Float64Array(runs))));
  const values: number[] = new Array<number>(M).fill(0);
  const band0 = s.band[0];
  const band1 = s.band[1];
  for (let i = 0; i < runs; i++) {
    let everyYear = true;
    for (let p = 0; p <= Y; p++) {
      // Placed and lettings of municipality m in this run and period: the year's counts, or the years' sums.
      const year = p < Y;
      const at = year ? (i * Y + p) * C : i * C;
      const placedOf = year ? r.placed : sumPlaced;
      const lettingsOf = year ? r.vacancies : sumLettings;
      for (let k = 0; k < MEASURES.length; k++) {
        const denominators = stock[k];
        for (let m = 0; m < M; m++) {
          const d = denominators ? denominators[m]! : lettingsOf[at + m]!;
          values[m] = d > 0 ? (placedOf[at + m]! * scale[k]!) / d : 0;
        }
        collected[k]![0]![p]![i] = round(maxMinRatio(values));
        collected[k]![1]![p]![i] = round(coefficientOfVariation(values));
      }
      let all = true;
      for (let m = 0; m < M; m++) {
        const lettings = lettingsOf[at + m]!;
        const share = lettings > 0 ? placedOf[at + m]! / lettings : 0;
        if (share >= band0 && share <= band1) s.within[p * M + m]! += 1;
        else all = false;
      }
      if (all) s.allWithin[p]! += 1;
      else if (year) everyYear = false;
    }
    if (everyYear) s.allWithinEveryYear += 1;
  }
  MEASURES.forEach((measure, k) =>
    SPREAD_INDICES.forEach((index, j) => collected[k]![j]!.forEach((batch, p) => addSorted(s.spread[measure][index][p]!, batch)))
  );
  s.runs += runs;
}

/** Adds the counts of `other` (another chunk or worker of the same scenario) to `into`. */
export function mergeBurdenSummary(into: BurdenSummary, other: BurdenSummary): void {
  if (into.scenario !== other.scenario || into.placed.length !== other.placed.length || into.band[0] !== other.band[0] || into.band[1] !== other.band[1]) {
    throw new Error(`mergeBurdenSummary: cannot merge a summary of "${other.scenario}" into one of "${into.scenario}"`);
  }
  into.placed.forEach((h, i) => mergeInt(h, other.placed[i]!));
  into.lettings.forEach((h, i) => mergeRatio(h, other.lettings[i]!));
  into.net.forEach((h, i) => mergeInt(h, other.net[i]!));
  into.balance.forEach((h, i) => mergeInt(h, other.balance[i]!));
  for (const measure of MEASURES) {
    for (const index of SPREAD_INDICES) into.spread[measure][index].forEach((h, i) => mergeReal(h, other.spread[measure][index][i]!));
  }
  into.within.forEach((_, i) => (into.within[i]! += other.within[i]!));
  into.allWithin.forEach((_, i) => (into.allWithin[i]! += other.allWithin[i]!));
  into.allWithinEveryYear += other.allWithinEveryYear;
  into.runs += other.runs;
}
