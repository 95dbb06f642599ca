// Streaming summaries: histograms per year, municipality and metric, filled from results chunk by chunk and
// merged across chunks and threads. `summarize(result)` goes through the same path, so a summary does not
// depend on how the runs were split.
import type {SimulationResult} from "../model/engine.ts";
import {addReal, mergeReal, realHistogram, type RealHistogram} from "./histogram.ts";
import {float64s, giveBack, int32s} from "./memory.ts";
import {addValues, countColumns, countColumnsAndSums, countRatioColumns, intHistograms, mergeInts, mergeRatios, ratioHistograms, setBuffers, type IntHistograms, type RatioHistograms} from "./packed.ts";

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
/** Metrics that are whole numbers (per run), counted exactly: all but the two shares, in the same order. */
type CountMetric = Exclude<Metric, "share" | "shareSuitable">;
export const COUNT_METRICS: readonly CountMetric[] = METRICS.filter((m): m is CountMetric => m !== "share" && m !== "shareSuitable");
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
  const forOthers = scratchArray(slot, 0, n);
  const elsewhere = scratchArray(slot, 1, n);
  const net = scratchArray(slot, 2, n);
  for (let j = 0; j < n; j++) {
    forOthers[j] = r.placed[j]! - r.placedAtHome[j]!;
    elsewhere[j] = r.placedByOrigin[j]! - r.placedAtHome[j]!;
    net[j] = r.placed[j]! - r.placedByOrigin[j]!;
  }
  const balance = balanceInto(r, scratchArray(slot, 3, n));
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
 * Histograms of every metric per year and column (municipality or region), histogram index `t * columns + m`. A
 * few typed arrays per metric (see packed.ts), so it crosses to and from a worker by structured clone, and moves
 * without copying with `summaryBuffers` as transfer list.
 */
export interface Summary {
  /** Scenario label for the table: an id, or "B-A" for paired differences. */
  readonly scenario: string;
  readonly paired: boolean;
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  readonly capShare: number;
  readonly counts: Record<CountMetric, IntHistograms>;
  /**
   * Placed / vacancies per run (0 when there were no vacancies), counted as (placed, vacancies) pairs. For paired
   * summaries: B's share minus A's in runs with the same vacancies (always, when both scenarios make the same data
   * choices), counted as (placed B − placed A, vacancies) pairs so memory stays bounded.
   */
  readonly share: RatioHistograms;
  /** For paired summaries: B's share minus A's in runs whose vacancies differ, by exact value (empty otherwise). */
  readonly shareDiff: RealHistogram[];
  /** Placed / suitable lettings, as `share` (paired: as `share`, with the suitable lettings as denominator). */
  readonly shareSuitable: RatioHistograms;
  readonly shareSuitableDiff: RealHistogram[];
  /**
   * Origin × host flows (none for paired summaries, or when not asked for): (years + 1) × M × M histograms, index
   * `(t * M + o) * M + h`; t = years.length is the whole period (the sum over the years).
   */
  readonly flows: IntHistograms;
  /**
   * The metrics counted, in METRICS order: all of them, or those asked for (with the probabilities' placed, gap and
   * share always among them). The histograms of the others stay empty and `summaryRows` makes no rows of them.
   */
  readonly metrics: readonly Metric[];
  runs: number;
}

// The metrics a summary counts when asked for `wanted`: those, and what the probability rows read.
function countedMetrics(wanted: readonly Metric[] | undefined): readonly Metric[] {
  if (wanted === undefined) return METRICS;
  for (const m of wanted) if (!(METRICS as readonly string[]).includes(m)) throw new Error(`summary: unknown metric "${m}"`);
  return METRICS.filter((m) => wanted.includes(m) || m === "placed" || m === "gap" || m === "share");
}

function empty(scenario: string, paired: boolean, years: readonly number[], municipalities: readonly string[], capShare: number, flows: boolean, metrics: readonly Metric[] = METRICS): Summary {
  const cells = years.length * municipalities.length;
  const M = municipalities.length - 1;
  const counts = Object.fromEntries(COUNT_METRICS.map((m) => [m, intHistograms(cells)])) as Record<CountMetric, IntHistograms>;
  return {
    scenario,
    paired,
    years: [...years],
    municipalities: [...municipalities],
    capShare,
    counts,
    share: ratioHistograms(cells),
    shareDiff: paired ? Array.from({length: cells}, realHistogram) : [],
    shareSuitable: ratioHistograms(cells),
    shareSuitableDiff: paired ? Array.from({length: cells}, realHistogram) : [],
    flows: intHistograms(flows ? (years.length + 1) * M * M : 0),
    metrics: [...metrics],
    runs: 0
  };
}

/** What a summary counts besides the summary table's metrics. */
export interface SummaryOptions {
  /**
   * The origin × host flows (default true). Without them (for the summary table alone) a summary counts 40% fewer
   * values per run; `flowRows` refuses it, and it merges only with summaries without flows.
   */
  readonly flows?: boolean;
  /**
   * Count only these metrics (default all), and what the probability rows read (placed, gap, share): for a view
   * that reads a few metrics of many simulations (the tornado). Their rows are those of a full summary.
   */
  readonly metrics?: readonly Metric[] | undefined;
}

/**
 * An empty summary shaped like a result (same years and municipalities).
 *
 * @example
 * const s = emptySummary(result); addResult(s, result); summaryRows(s);
 * const table = emptySummary(result, {flows: false}); // the summary table only
 * const few = emptySummary(result, {flows: false, metrics: ["backlog"]}); // backlog and the probabilities
 */
export function emptySummary(like: SimulationResult, options: SummaryOptions = {}): Summary {
  return empty(like.scenario.id, false, like.years, like.municipalities, like.capShare, options.flows ?? true, countedMetrics(options.metrics));
}

/** An empty summary of paired differences B − A (scenario label "B-A" with the scenarios' ids). */
export function emptyPairedSummary(a: SimulationResult, b: SimulationResult): Summary {
  checkPaired(a, b);
  return empty(`${b.scenario.id}-${a.scenario.id}`, true, a.years, a.municipalities, a.capShare, false);
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
  const cells = s.years.length * s.municipalities.length;
  const runs = r.runs;
  const all = s.metrics.length === METRICS.length;
  const counted = (metric: Metric) => all || s.metrics.includes(metric);
  const count = (metric: CountMetric, data: Int32Array, minus?: Int32Array, shift?: Int32Array) => {
    if (counted(metric)) countColumns(s.counts[metric], 0, cells, runs, data, minus, shift);
  };
  count("vacancies", r.vacancies);
  count("inflow", r.inflow);
  // The gap is placed − target, and the target is the same in every run: while every run so far had this result's
  // targets, the gap's histograms are the placed ones moved by the target (copied, not counted again).
  const sameTargets = onlyValues(s.counts.target, r.target);
  count("placed", r.placed);
  if (sameTargets) shiftedCopy(s.counts.gap, s.counts.placed, r.target);
  else count("gap", r.placed, undefined, r.target);
  count("backlog", r.backlog);
  count("suitable", r.suitable);
  count("placedByOrigin", r.placedByOrigin);
  // The derived metrics, from differences read on the fly (no arrays written), and the running balance.
  count("placedForOthers", r.placed, r.placedAtHome);
  count("ownHousedElsewhere", r.placedByOrigin, r.placedAtHome);
  count("netContribution", r.placed, r.placedByOrigin);
  if (counted("balance")) count("balance", balanceInto(r, scratchArray(0, 3, runs * cells)));
  addValues(s.counts.target, 0, r.target, runs);
  countRatioColumns(s.share, 0, cells, runs, r.placed, r.vacancies);
  if (counted("shareSuitable")) countRatioColumns(s.shareSuitable, 0, cells, runs, r.placed, r.suitable);
  if (s.flows.n.length > 0) addFlows(s, r);
  s.runs += runs;
}

// Whether each histogram i of the set is empty or has counted values[i] alone.
function onlyValues(set: IntHistograms, values: Int32Array): boolean {
  for (let i = 0; i < set.n.length; i++) {
    if (set.n[i] !== 0 && (set.start[i + 1]! - set.start[i]! !== 1 || set.lo[i] !== values[i])) return false;
  }
  return true;
}

// Makes `into` the histograms of `from` with every value less shift[i].
function shiftedCopy(into: IntHistograms, from: IntHistograms, shift: Int32Array): void {
  into.n.set(from.n);
  giveBack([into.lo.buffer, into.start.buffer, into.counts.buffer]);
  into.lo = int32s(from.lo.length);
  for (let i = 0; i < from.lo.length; i++) into.lo[i] = from.lo[i]! - shift[i]!;
  into.start = int32s(from.start.length);
  into.start.set(from.start);
  into.counts = float64s(from.counts.length);
  into.counts.set(from.counts);
}

// The cumulative balance against the target, Σ over the years so far of placed − target, per run and column.
function balanceInto(r: SimulationResult, balance: Int32Array): Int32Array {
  const C = r.municipalities.length;
  const Y = r.years.length;
  const sum = new Int32Array(C);
  for (let i = 0, j = 0; i < r.runs; i++) {
    sum.fill(0);
    for (let t = 0, k = 0; t < Y; t++) {
      for (let m = 0; m < C; m++, j++, k++) balance[j] = sum[m] = sum[m]! + r.placed[j]! - r.target[k]!;
    }
  }
  return balance;
}

// Flows per year as they are (the result's layout is runs × (years × M × M), run-major), and summed over the years,
// in one pass over the flows.
function addFlows(s: Summary, r: SimulationResult): void {
  const M = s.municipalities.length - 1;
  countColumnsAndSums(s.flows, 0, M * M, s.years.length, r.runs, r.flow);
}

/** Adds the per-run differences b − a of two results of the same runs (same seed) to a paired summary. */
export function addPaired(s: Summary, a: SimulationResult, b: SimulationResult): void {
  if (!s.paired) throw new Error("addPaired: this summary is not a paired one");
  checkPaired(a, b);
  const cells = s.years.length * s.municipalities.length;
  const runs = a.runs;
  const da = runMetricsInto(a, 1);
  const db = runMetricsInto(b, 2);
  for (const metric of RUN_METRICS) {
    if (metric !== "gap") countColumns(s.counts[metric], 0, cells, runs, db[metric], da[metric]);
  }
  const dTarget = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) dTarget[cell] = b.target[cell]! - a.target[cell]!;
  addValues(s.counts.target, 0, dTarget, runs);
  // gap difference = placed difference − target difference
  countColumns(s.counts.gap, 0, cells, runs, b.placed, a.placed, dTarget);
  addPairedShares(s.share, s.shareDiff, a.placed, a.vacancies, b.placed, b.vacancies, cells, runs);
  addPairedShares(s.shareSuitable, s.shareSuitableDiff, a.placed, a.suitable, b.placed, b.suitable, cells, runs);
  s.runs += runs;
}

// B's share minus A's per run: as integer pairs where the denominators agree (common random numbers), else exactly.
function addPairedShares(pairs: RatioHistograms, exact: RealHistogram[], pa: Int32Array, va: Int32Array, pb: Int32Array, vb: Int32Array, cells: number, runs: number): void {
  const differ = countRatioColumns(pairs, 0, cells, runs, pb, vb, pa, va);
  if (differ === null) return;
  for (const j of differ) {
    const x = va[j]!;
    const y = vb[j]!;
    addReal(exact[j % cells]!, (y > 0 ? pb[j]! / y : 0) - (x > 0 ? pa[j]! / x : 0));
  }
}

/** Adds the counts of `other` (e.g. another chunk, or another worker's runs) to `into`. */
export function mergeSummary(into: Summary, other: Summary): void {
  if (
    into.scenario !== other.scenario ||
    into.paired !== other.paired ||
    into.share.n.length !== other.share.n.length ||
    into.shareDiff.length !== other.shareDiff.length ||
    into.flows.n.length !== other.flows.n.length ||
    into.metrics.length !== other.metrics.length ||
    into.metrics.some((m, i) => other.metrics[i] !== m)
  ) {
    throw new Error(`mergeSummary: cannot merge a summary of "${other.scenario}" into one of "${into.scenario}"`);
  }
  for (const metric of COUNT_METRICS) mergeInts(into.counts[metric], other.counts[metric]);
  mergeRatios(into.share, other.share);
  into.shareDiff.forEach((h, i) => mergeReal(h, other.shareDiff[i]!));
  mergeRatios(into.shareSuitable, other.shareSuitable);
  into.shareSuitableDiff.forEach((h, i) => mergeReal(h, other.shareSuitableDiff[i]!));
  mergeInts(into.flows, other.flows);
  into.runs += other.runs;
}

/**
 * The buffers of a summary's typed arrays: as the transfer list of `postMessage`, the summary moves to the other
 * thread instead of being copied (and is no longer usable on this one).
 *
 * @example
 * port.postMessage(summary, summaryBuffers(summary));
 */
export function summaryBuffers(s: Summary): ArrayBuffer[] {
  const sets = [...COUNT_METRICS.map((m) => s.counts[m]), s.share, s.shareSuitable, s.flows];
  return [...new Set(sets.flatMap(setBuffers))];
}
