// Summary rows of a few metrics straight from a simulation's per-run counts, without filling the engine's summary
// histograms of every metric: for the tornado, which reads three metrics of 13 simulations. The same numbers, bit
// for bit, as summaryRows and probabilityRows of the engine's summary of those runs (test/simulations/runRows.test.ts):
// the same per-run values, sorted, with the same quantile function and the same order of summation for means.
import type {SimulationResult} from "../model/engine.ts";
import type {Metric} from "./accumulator.ts";
import {METRICS} from "./accumulator.ts";
import type {ProbabilityRow, SummaryRow} from "./rows.ts";
import {sortDoubles, sortedInts, sortedStats} from "../measures/burdenRuns.ts";

/** The metrics this path makes rows of: counts read from the result as they are, and the share of lettings. */
export const RUN_ROW_METRICS = ["vacancies", "inflow", "placed", "share", "backlog"] as const satisfies readonly Metric[];
export type RunRowMetric = (typeof RUN_ROW_METRICS)[number];

/**
 * Whether `rowsFromRuns` can make these metrics' rows.
 *
 * @example
 * runRowsCover(["backlog", "placed", "share"]); // true
 */
export function runRowsCover(metrics: readonly Metric[]): metrics is readonly RunRowMetric[] {
  return metrics.every((m) => (RUN_ROW_METRICS as readonly string[]).includes(m));
}

type Counts = Pick<SimulationResult, "scenario" | "years" | "municipalities" | "runs" | "capShare" | "vacancies" | "inflow" | "placed" | "backlog" | "target">;

/** Per-run counts of consecutive chunks of one simulation, gathered to be summarised together. */
export interface RunCounts {
  readonly scenario: string;
  readonly years: readonly number[];
  readonly municipalities: readonly string[];
  readonly capShare: number;
  /** Targets, years × columns (the same in every run). */
  readonly target: Int32Array;
  runs: number;
  /** runs × years × columns, as the engine lays them out. */
  vacancies: Int32Array;
  inflow: Int32Array;
  placed: Int32Array;
  backlog: Int32Array;
}

const append = (a: Int32Array, b: Int32Array): Int32Array => {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Adds a chunk's per-run counts (copied: the engine reuses its result buffers) to those of earlier chunks.
 *
 * @example
 * let counts = addRunCounts(undefined, simulateInto(inputs, scenario, {runs: 5000, seed: 1}, buffers));
 */
export function addRunCounts(into: RunCounts | undefined, r: Counts): RunCounts {
  if (!into) {
    return {
      scenario: r.scenario.id,
      years: [...r.years],
      municipalities: [...r.municipalities],
      capShare: r.capShare,
      target: r.target.slice(),
      runs: r.runs,
      vacancies: r.vacancies.slice(),
      inflow: r.inflow.slice(),
      placed: r.placed.slice(),
      backlog: r.backlog.slice()
    };
  }
  into.vacancies = append(into.vacancies, r.vacancies);
  into.inflow = append(into.inflow, r.inflow);
  into.placed = append(into.placed, r.placed);
  into.backlog = append(into.backlog, r.backlog);
  into.runs += r.runs;
  return into;
}

/**
 * The summary rows of `metrics` (in the order summaryRows lists them: year, municipality, metric) and the
 * probability rows, from per-run counts.
 *
 * @example
 * const {rows, probabilities} = rowsFromRuns(counts, ["backlog", "placed", "share"]);
 */
export function rowsFromRuns(c: RunCounts, metrics: readonly RunRowMetric[]): {rows: SummaryRow[]; probabilities: ProbabilityRow[]} {
  const C = c.municipalities.length;
  const cells = c.years.length * C;
  const runs = c.runs;
  if (runs === 0) throw new Error("rowsFromRuns: no runs");
  const wanted = METRICS.filter((m): m is RunRowMetric => (metrics as readonly string[]).includes(m));
  const rows: SummaryRow[] = [];
  const probabilities: ProbabilityRow[] = [];
  const share = new Float64Array(runs);
  c.years.forEach((year, t) => {
    c.municipalities.forEach((municipality, m) => {
      const cell = t * C + m;
      let exceed = 0;
      let miss = 0;
      const target = c.target[cell]!;
      for (let i = 0, j = cell; i < runs; i++, j += cells) {
        const v = c.vacancies[j]!;
        const p = c.placed[j]!;
        share[i] = v > 0 ? p / v : 0;
        if (share[i]! > c.capShare) exceed++;
        if (p - target < 0) miss++;
      }
      for (const metric of wanted) {
        const sorted = metric === "share" ? sortDoubles(share.slice()) : sortedInts(c[metric], runs, cells, cell);
        rows.push({scenario: c.scenario, year, municipality, metric, ...sortedStats(sorted)});
      }
      probabilities.push({scenario: c.scenario, year, municipality, capShare: c.capShare, pExceedCap: exceed / runs, pMissTarget: miss / runs});
    });
  });
  return {rows, probabilities};
}
