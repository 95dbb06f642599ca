// Tables of a burden summary: per period and municipality the burden measures with their bands; per period the
// spread across the municipalities; the chance of staying within the band.
import {REGION} from "../agreement.ts";
import {addReal, realHistogram, stats, type RealHistogram, type Stats} from "../summary/histogram.ts";
import {isStockMeasure, MEASURE_SCALE, MEASURES, type Measure} from "./definitions.ts";
import {SPREAD_INDICES, type BurdenSummary, type SpreadIndex} from "./summary.ts";

/** What a burden row measures: a burden measure, the net contribution, or the cumulative balance against target. */
export const BURDEN_METRICS = [...MEASURES, "netContribution", "balance"] as const;
export type BurdenMetric = (typeof BURDEN_METRICS)[number];

/** Dutch labels of the metrics that are not burden measures (those are in MEASURE_LABEL). */
export const BURDEN_METRIC_LABEL: Readonly<Record<"netContribution" | "balance", string>> = {
  netContribution: "netto bijdrage aan de regio (geplaatst als gastgemeente − geplaatst uit de gemeente)",
  balance: "cumulatief saldo tegenover het doel"
};

/** A period's label: a year ("2027"), or the years together ("2025-2030"). */
export function periodLabels(years: readonly number[]): string[] {
  return [...years.map(String), `${years[0]}-${years[years.length - 1]}`];
}

export interface BurdenRow extends Stats {
  readonly scenario: string;
  /** "2027", or "2025-2030" for all years together. */
  readonly period: string;
  /** A municipality, or "regio". */
  readonly municipality: string;
  readonly metric: BurdenMetric;
}

function scaled(s: Stats, f: number): Stats {
  return {mean: s.mean * f, p5: s.p5 * f, p25: s.p25 * f, p50: s.p50 * f, p75: s.p75 * f, p95: s.p95 * f};
}

/**
 * Per period and column (municipalities, then the region), the mean and P5-P95 of each burden metric. The stock
 * measures are placements scaled by a fixed denominator (quantiles commute with a positive scale); the lettings
 * measure comes from exact (placed, lettings) pairs; the balance of all years together is the last year's.
 *
 * @example
 * burdenRows(s).find((r) => r.period === "2025-2030" && r.municipality === "Baarn" && r.metric === "lettings")?.p50;
 */
export function burdenRows(s: BurdenSummary): BurdenRow[] {
  if (s.runs === 0) throw new Error("burdenRows: the summary holds no runs");
  const C = s.municipalities.length;
  const Y = s.years.length;
  const rows: BurdenRow[] = [];
  periodLabels(s.years).forEach((period, p) => {
    s.municipalities.forEach((municipality, m) => {
      const cell = p * C + m;
      for (const metric of BURDEN_METRICS) {
        let st: Stats;
        if (metric === "netContribution") st = stats(s.net[cell]!);
        else if (metric === "balance") st = stats(s.balance[Math.min(p, Y - 1) * C + m]!);
        else if (isStockMeasure(metric)) st = scaled(stats(s.placed[cell]!), MEASURE_SCALE[metric] / s.basis[metric][m]!);
        else st = scaled(stats(s.lettings[cell]!), MEASURE_SCALE[metric]);
        rows.push({scenario: s.scenario, period, municipality, metric, ...st});
      }
    });
  });
  return rows;
}

export interface SpreadRow extends Stats {
  readonly scenario: string;
  readonly period: string;
  readonly measure: Measure;
  /** `maxMin`: heaviest burden over the lightest; `cv`: coefficient of variation (population). */
  readonly index: SpreadIndex;
}

/**
 * Stats of a per-run index that may be infinite (max/min when someone carries no burden): infinite values are
 * counted as the largest double so the quantile interpolation stays defined, and reported as Infinity.
 */
function statsWithInfinity(h: RealHistogram): Stats {
  if (!h.counts.has(Infinity)) return stats(h);
  const finite = realHistogram();
  for (const [v, c] of h.counts) addReal(finite, v === Infinity ? Number.MAX_VALUE : v, c);
  const st = stats(finite);
  const back = (x: number) => (x >= 1e300 ? Infinity : x);
  return {mean: Infinity, p5: back(st.p5), p25: back(st.p25), p50: back(st.p50), p75: back(st.p75), p95: back(st.p95)};
}

/**
 * Per period, measure and index: the spread of the burden across the municipalities, over runs. Indices are
 * counted per run at SPREAD_DECIMALS decimals.
 *
 * @example
 * spreadRows(s).find((r) => r.period === "2027" && r.measure === "lettings" && r.index === "maxMin")?.p50; // e.g. 2.1
 */
export function spreadRows(s: BurdenSummary): SpreadRow[] {
  if (s.runs === 0) throw new Error("spreadRows: the summary holds no runs");
  const rows: SpreadRow[] = [];
  periodLabels(s.years).forEach((period, p) => {
    for (const measure of MEASURES) {
      for (const index of SPREAD_INDICES) rows.push({scenario: s.scenario, period, measure, index, ...statsWithInfinity(s.spread[measure][index][p]!)});
    }
  });
  return rows;
}

export interface BandRow {
  readonly scenario: string;
  readonly period: string;
  /** A municipality; "regio" for all municipalities together. */
  readonly municipality: string;
  /** P(the share of lettings lies within the band): for "regio", P(every municipality's does). */
  readonly pWithin: number;
}

/**
 * Per period and municipality P(share of lettings within the band), and per period P(all within) as the row
 * "regio". For all years together the share is the years' placements over their lettings.
 *
 * @example
 * bandRows(s).find((r) => r.period === "2027" && r.municipality === "regio")?.pWithin; // e.g. 0.64
 */
export function bandRows(s: BurdenSummary): BandRow[] {
  if (s.runs === 0) throw new Error("bandRows: the summary holds no runs");
  const M = s.municipalities.length - 1;
  return periodLabels(s.years).flatMap((period, p) => [
    ...s.municipalities.slice(0, M).map((municipality, m) => ({scenario: s.scenario, period, municipality, pWithin: s.within[p * M + m]! / s.runs})),
    {scenario: s.scenario, period, municipality: REGION, pWithin: s.allWithin[p]! / s.runs}
  ]);
}

/**
 * P(every municipality's share of lettings lies within the band in every year).
 *
 * @example
 * pAllWithinEveryYear(s); // e.g. 0.12
 */
export function pAllWithinEveryYear(s: BurdenSummary): number {
  if (s.runs === 0) throw new Error("pAllWithinEveryYear: the summary holds no runs");
  return s.allWithinEveryYear / s.runs;
}
