// Streaming summaries: histograms per year, municipality and metric, filled from results chunk by chunk and
// merged across chunks and threads. `summarize(result)` goes through the same path, so a summary does not
// depend on how the runs were split.
import type {SimulationResult} from "../model/engine.ts";
import {addColumns, addColumnsMany, addRatioColumns, addRatiosStrided, addReal, addStrided, addValue, intHistogram, mergeInt, mergeRatio, mergeReal, ratioHistogram, realHistogram, type IntHistogram, type RatioHistogram, type RealHistogram} from "./histogram.ts";

/** The metrics of the summary table, in the order they are listed (the first seven as before issue 8). */
export const METRICS = [
  "vacancies",
  "inflow",
  "target",
  "placed",
  "share",
  "backlog",
  "gap",
  "suitable",
  "shareSuitable",
  "placedByOrigin",
  "placedForOthers",
  "ownHousedElsewhere",
  "netContribution",
  "balance"
] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics that are whole numbers (per run), counted exactly. */
export const COUNT_METRICS = [
  "vacancies",
  "inflow",
  "target",
  "placed",
  "backlog",
  "gap",
  "suitable",
  "placedByOrigin",
  "placedForOthers",
  "ownHousedElsewhere",
  "netContribution",
  "balance"
] as const;
type CountMetric = (typeof COUNT_METRICS)[number];
/** Count metrics read or derived per run (all but the target, which is the same in every run). */
const RUN_METRICS = COUNT_METRICS.filter((m) => m !== "target");
type RunMetric = Exclude<CountMetric, "target">;

/**
 * Every per-run count metric of a result, by metric: the result's own arrays, and the derived ones — placed for
 * others (placed − housed at home), own housed elsewhere (placed by origin − housed at home), net contribution
 * (placed − placed by origin) and the cumulative balance against the target (Σ over years so far of placed −
 * target). Fresh arrays; the summaries use `runMetricsInto` with reused scratch.
 *
 * @example
 * runMetrics(result).balance[(r * years + t) * columns + m]; // run r's balance up to year t
 */
export function runMetrics(r: SimulationResult): Record<RunMetric, Int32Array> {
  return runMetricsInto(r, -1);
}

// Scratch for the derived metrics, reused between chunks (fresh memory is slow to fault in): slot 0 for addResult,
// 1 and 2 for the two sides of addPaired. A slot's arrays are overwritten by the next call with that slot.
const scratch: Int32Array[][] = [[], [], []];
function scratchArray(slot: number, k: number, n: number): Int32Array {
  if (slot < 0) return new Int32Array(n);
  const set = scratch[slot]!;
  if (!set[k] || set[k]!.length < n) set[k] = new Int32Array(n);
  return set[k]!.subarray(0, n);
}

function runMetricsInto(r: SimulationResult, slot: number): Record<RunMetric, Int32Array> {
  const n = r.placed.length;
  const C = r.municipalities.length;
  const Y = r.years.length;
  const forOthers = scratchArray(slot, 0, n);
  const elsewhere = scratchArray(slot, 1, n);
  const net = scratchArray(slot, 2, n);
  const balance = scratchArray(slot, 3, n);
  for (let j = 0; j < n; j++) {
    forOthers[j] = r.placed[j]! - r.placedAtHome[j]!;
    elsewhere[j] = r.placedByOrigin[j]! - r.placedAtHome[j]!;
    net[j] = r.placed[j]! - r.placedByOrigin[j]!;
  }
  for (let i = 0; i < r.runs; i++) {
    for (let m = 0; m < C; m++) {
      let sum = 0;
      for (let t = 0; t < Y; t++) {
        const j = (i * Y + t) * C + m;
        sum += r.placed[j]! - r.target[t * C + m]!;
        balance[j] = sum;
      }
    }
  }
  const out: Record<RunMetric, Int32Array> = {
    vacancies: r.vacancies,
    inflow: r.inflow,
    placed: r.placed,
    backlog: r.backlog,
    gap: r.placed, // shifted by the target where counted
    suitable: r.suitable,
    placedByOrigin: r.placedByOrigin,
    placedForOthers: forOthers,
    ownHousedElsewhere: elsewhere,
    netContribution: net,
    balance
  };
  return out;
}

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
  /** Placed / suitable lettings, as `share` (paired: as `share`, with the suitable lettings as denominator). */
  readonly shareSuitable: RatioHistogram[];
  readonly shareSuitableDiff: RealHistogram[];
  /**
   * Origin × host flows (not for paired summaries: empty): (years + 1) × M × M histograms, index
   * `(t * M + o) * M + h`; t = years.length is the whole period (the sum over the years).
   */
  readonly flows: IntHistogram[];
  runs: number;
}

function empty(scenario: string, paired: boolean, years: readonly number[], municipalities: readonly string[], capShare: number): Summary {
  const cells = years.length * municipalities.length;
  const M = municipalities.length - 1;
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
    shareSuitable: Array.from({length: cells}, ratioHistogram),
    shareSuitableDiff: paired ? Array.from({length: cells}, realHistogram) : [],
    flows: paired ? [] : Array.from({length: (years.length + 1) * M * M}, intHistogram),
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
  const data = runMetricsInto(r, 0);
  for (const metric of RUN_METRICS) {
    if (metric === "placed" || metric === "gap") continue;
    addColumns(s.counts[metric], data[metric], cells, r.runs);
  }
  // The gap is placed − target: the same counts, shifted by the cell's target.
  addColumnsMany([{hs: s.counts.placed}, {hs: s.counts.gap, shift: r.target}], r.placed, cells, r.runs);
  for (let cell = 0; cell < cells; cell++) addValue(s.counts.target[cell]!, r.target[cell]!, r.runs);
  addRatioColumns(s.share, r.placed, r.vacancies, cells, r.runs);
  addRatioColumns(s.shareSuitable, r.placed, r.suitable, cells, r.runs);
  addFlows(s, r);
  s.runs += r.runs;
}

// Flows per year as they are (the result's layout is runs × (years × M × M), run-major), and summed over the years.
function addFlows(s: Summary, r: SimulationResult): void {
  const M = s.municipalities.length - 1;
  const Y = s.years.length;
  const block = Y * M * M;
  addColumns(s.flows.slice(0, block), r.flow, block, r.runs);
  const total = scratchArray(0, 4, r.runs * M * M);
  total.fill(0);
  for (let i = 0; i < r.runs; i++) {
    for (let t = 0; t < Y; t++) {
      const from = (i * Y + t) * M * M;
      const to = i * M * M;
      for (let k = 0; k < M * M; k++) total[to + k]! += r.flow[from + k]!;
    }
  }
  addColumns(s.flows.slice(block), total, M * M, r.runs);
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
  const da = runMetricsInto(a, 1);
  const db = runMetricsInto(b, 2);
  for (let t = 0; t < Y; t++) {
    for (let m = 0; m < C; m++) {
      const cell = t * C + m;
      for (const metric of RUN_METRICS) {
        if (metric === "gap") continue;
        const x = da[metric];
        const y = db[metric];
        for (let i = 0, j = cell; i < a.runs; i++, j += stride) diff[i] = y[j]! - x[j]!;
        addStrided(s.counts[metric][cell]!, diff, 0, 1, a.runs);
      }
      const dTarget = b.target[cell]! - a.target[cell]!;
      addValue(s.counts.target[cell]!, dTarget, a.runs);
      // gap difference = placed difference − target difference
      for (let i = 0, j = cell; i < a.runs; i++, j += stride) diff[i] = b.placed[j]! - a.placed[j]!;
      addStrided(s.counts.gap[cell]!, diff, 0, 1, a.runs, dTarget);
      addPairedShares(s.share[cell]!, s.shareDiff[cell]!, a.placed, a.vacancies, b.placed, b.vacancies, cell, stride, a.runs, diff, den);
      addPairedShares(s.shareSuitable[cell]!, s.shareSuitableDiff[cell]!, a.placed, a.suitable, b.placed, b.suitable, cell, stride, a.runs, diff, den);
    }
  }
  s.runs += a.runs;
}

// B's share minus A's per run: as integer pairs where the denominators agree (common random numbers), else exactly.
function addPairedShares(
  pairs: RatioHistogram,
  exact: RealHistogram,
  pa: Int32Array,
  va: Int32Array,
  pb: Int32Array,
  vb: Int32Array,
  cell: number,
  stride: number,
  runs: number,
  diff: Int32Array,
  den: Int32Array
): void {
  let same = 0;
  for (let i = 0, j = cell; i < runs; i++, j += stride) {
    const x = va[j]!;
    const y = vb[j]!;
    if (x === y) {
      diff[same] = pb[j]! - pa[j]!;
      den[same++] = x;
    } else {
      addReal(exact, (y > 0 ? pb[j]! / y : 0) - (x > 0 ? pa[j]! / x : 0));
    }
  }
  addRatiosStrided(pairs, diff, den, 0, 1, same);
}

/** Adds the counts of `other` (e.g. another chunk, or another worker's runs) to `into`. */
export function mergeSummary(into: Summary, other: Summary): void {
  if (into.scenario !== other.scenario || into.paired !== other.paired || into.share.length !== other.share.length || into.shareDiff.length !== other.shareDiff.length) {
    throw new Error(`mergeSummary: cannot merge a summary of "${other.scenario}" into one of "${into.scenario}"`);
  }
  for (const metric of COUNT_METRICS) into.counts[metric].forEach((h, i) => mergeInt(h, other.counts[metric][i]!));
  into.share.forEach((h, i) => mergeRatio(h, other.share[i]!));
  into.shareDiff.forEach((h, i) => mergeReal(h, other.shareDiff[i]!));
  into.shareSuitable.forEach((h, i) => mergeRatio(h, other.shareSuitable[i]!));
  into.shareSuitableDiff.forEach((h, i) => mergeReal(h, other.shareSuitableDiff[i]!));
  into.flows.forEach((h, i) => mergeInt(h, other.flows[i]!));
  into.runs += other.runs;
}
