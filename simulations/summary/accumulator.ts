// Streaming summaries: histograms per year, municipality and metric, filled from results chunk by chunk and
// merged across chunks and threads. `summarize(result)` goes through the same path, so a summary does not
// depend on how the runs were split.
import type {SimulationResult} from "../model/engine.ts";
import {addColumns, addColumnsMany, addRatioColumns, addRatiosStrided, addReal, addStrided, addValue, intHistogram, mergeInt, mergeRatio, mergeReal, ratioHistogram, realHistogram, type IntHistogram, type RatioHistogram, type RealHistogram} from "./histogram.ts";

/** The metrics of the summary table, in the order they are listed. */
export const METRICS = ["vacancies", "inflow", "target", "placed", "share", "backlog", "gap"] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics that are whole numbers (per run), counted exactly. */
export const COUNT_METRICS = ["vacancies", "inflow", "target", "placed", "backlog", "gap"] as const;
type CountMetric = (typeof COUNT_METRICS)[number];

/**
 * Histograms of every metric per year and column (municipality or region), cell index `t * columns + m`. Plain data
 * (typed arrays and Maps), so it crosses to and from a worker by structured clone.
 */
export interface Summary {
  /** Scenario label for the table: an id, or "B-A" for paired differences. */
  readonly scenario: string;
  readonly paired: boolean;
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  readonly capShare: number;
  readonly counts: Record<CountMetric, IntHistogram[]>;
  /**
   * Placed / vacancies per run (0 when there were no vacancies), counted as (placed, vacancies) pairs. For paired
   * summaries: B's share minus A's in runs with the same vacancies (always, when both scenarios make the same data
   * choices), counted as (placed B − placed A, vacancies) pairs so memory stays bounded.
   */
  readonly share: RatioHistogram[];
  /** For paired summaries: B's share minus A's in runs whose vacancies differ, by exact value (empty otherwise). */
  readonly shareDiff: RealHistogram[];
  runs: number;
}

function empty(scenario: string, paired: boolean, years: readonly number[], municipalities: readonly string[], capShare: number): Summary {
  const cells = years.length * municipalities.length;
  const counts = Object.fromEntries(COUNT_METRICS.map((m) => [m, Array.from({length: cells}, intHistogram)])) as Record<CountMetric, IntHistogram[]>;
  return {
    scenario,
    paired,
    years: [...years],
    municipalities: [...municipalities],
    capShare,
    counts,
    share: Array.from({length: cells}, ratioHistogram),
    shareDiff: paired ? Array.from({length: cells}, realHistogram) : [],
    runs: 0
  };
}

/**
 * An empty summary shaped like a result (same years and municipalities).
 *
 * @example
 * const s = emptySummary(result); addResult(s, result); summaryRows(s);
 */
export function emptySummary(like: SimulationResult): Summary {
  return empty(like.scenario.id, false, like.years, like.municipalities, like.capShare);
}

/** An empty summary of paired differences B − A (scenario label "B-A" with the scenarios' ids). */
export function emptyPairedSummary(a: SimulationResult, b: SimulationResult): Summary {
  checkPaired(a, b);
  return empty(`${b.scenario.id}-${a.scenario.id}`, true, a.years, a.municipalities, a.capShare);
}

function checkPaired(a: SimulationResult, b: SimulationResult): void {
  const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  if (a.seed !== b.seed || a.runs !== b.runs || a.firstRun !== b.firstRun) {
    throw new Error(`compare: paired differences need the same seed and runs (got seed ${a.seed}/${b.seed}, runs ${a.firstRun}+${a.runs} / ${b.firstRun}+${b.runs})`);
  }
  if (!same(a.years, b.years) || !same(a.municipalities, b.municipalities)) {
    throw new Error("compare: the two results have different years or municipalities");
  }
}

/** Adds every run of a result to the summary. */
export function addResult(s: Summary, r: SimulationResult): void {
  if (s.paired) throw new Error("addResult: this summary holds paired differences; use addPaired");
  const C = s.municipalities.length;
  const Y = s.years.length;
  const cells = Y * C;
  addColumns(s.counts.vacancies, r.vacancies, cells, r.runs);
  addColumns(s.counts.inflow, r.inflow, cells, r.runs);
  // The gap is placed − target: the same counts, shifted by the cell's target.
  addColumnsMany([{hs: s.counts.placed}, {hs: s.counts.gap, shift: r.target}], r.placed, cells, r.runs);
  addColumns(s.counts.backlog, r.backlog, cells, r.runs);
  for (let cell = 0; cell < cells; cell++) addValue(s.counts.target[cell]!, r.target[cell]!, r.runs);
  addRatioColumns(s.share, r.placed, r.vacancies, cells, r.runs);
  s.runs += r.runs;
}

/** Adds the per-run differences b − a of two results of the same runs (same seed) to a paired summary. */
export function addPaired(s: Summary, a: SimulationResult, b: SimulationResult): void {
  if (!s.paired) throw new Error("addPaired: this summary is not a paired one");
  checkPaired(a, b);
  const C = s.municipalities.length;
  const Y = s.years.length;
  const stride = Y * C;
  const diff = new Int32Array(a.runs);
  const den = new Int32Array(a.runs);
  for (let t = 0; t < Y; t++) {
    for (let m = 0; m < C; m++) {
      const cell = t * C + m;
      for (const metric of ["vacancies", "inflow", "placed", "backlog"] as const) {
        const x = a[metric];
        const y = b[metric];
        for (let i = 0, j = cell; i < a.runs; i++, j += stride) diff[i] = y[j]! - x[j]!;
        addStrided(s.counts[metric][cell]!, diff, 0, 1, a.runs);
      }
      const dTarget = b.target[cell]! - a.target[cell]!;
      addValue(s.counts.target[cell]!, dTarget, a.runs);
      // gap difference = placed difference − target difference
      for (let i = 0, j = cell; i < a.runs; i++, j += stride) diff[i] = b.placed[j]! - a.placed[j]!;
      addStrided(s.counts.gap[cell]!, diff, 0, 1, a.runs, dTarget);
      const pairs = s.share[cell]!;
      const exact = s.shareDiff[cell]!;
      let same = 0;
      for (let i = 0, j = cell; i < a.runs; i++, j += stride) {
        const va = a.vacancies[j]!;
        const vb = b.vacancies[j]!;
        if (va === vb) {
          diff[same] = b.placed[j]! - a.placed[j]!;
          den[same++] = va;
        } else {
          addReal(exact, (vb > 0 ? b.placed[j]! / vb : 0) - (va > 0 ? a.placed[j]! / va : 0));
        }
      }
      addRatiosStrided(pairs, diff, den, 0, 1, same);
    }
  }
  s.runs += a.runs;
}

/** Adds the counts of `other` (e.g. another chunk, or another worker's runs) to `into`. */
export function mergeSummary(into: Summary, other: Summary): void {
  if (into.scenario !== other.scenario || into.paired !== other.paired || into.share.length !== other.share.length || into.shareDiff.length !== other.shareDiff.length) {
    throw new Error(`mergeSummary: cannot merge a summary of "${other.scenario}" into one of "${into.scenario}"`);
  }
  for (const metric of COUNT_METRICS) into.counts[metric].forEach((h, i) => mergeInt(h, other.counts[metric][i]!));
  into.share.forEach((h, i) => mergeRatio(h, other.share[i]!));
  into.shareDiff.forEach((h, i) => mergeReal(h, other.shareDiff[i]!));
  into.runs += other.runs;
}
