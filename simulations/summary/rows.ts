// The tidy tables: one row per scenario, year, municipality and metric.
import {fraction, stats, type Histogram, type MixedHistogram, type PairHistogram, type RealHistogram, type Stats} from "./histogram.ts";
import {COUNT_METRICS, type Metric, type Summary} from "./accumulator.ts";
import {intHistogramsOf, ratioHistogramsOf} from "./packed.ts";

/** A row of the summary table: scenario, year, municipality, metric, then the statistics (the CSV's columns). */
export interface SummaryRow extends Stats {
  readonly scenario: string;
  readonly year: number;
  readonly municipality: string;
  readonly metric: Metric;
}

/** Per year and municipality: how likely the placements exceed the cap share, and fall short of the target. */
export interface ProbabilityRow {
  readonly scenario: string;
  readonly year: number;
  readonly municipality: string;
  /** The share that counts as exceeded: the scenario's cap, or 18% without one. */
  readonly capShare: number;
  /** P(placed / vacancies > capShare). */
  readonly pExceedCap: number;
  /** P(placed < target). */
  readonly pMissTarget: number;
}

/**
 * The summary table: mean and P5-P95 of every metric the summary counts (all but in a summary of a few, see
 * SummaryOptions.metrics) per year and municipality ("regio" for the total), ordered by year, then municipality
 * (inputs' order, region last), then metric (METRICS order).
 *
 * @example
 * summaryRows(summary)[0]; // {scenario: "agreed", year: 2025, municipality: "Amersfoort", metric: "vacancies", mean: …}
 */
export function summaryRows(s: Summary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const C = s.municipalities.length;
  const counts = COUNT_METRICS.map((metric) => intHistogramsOf(s.counts[metric]));
  const countIndex = new Map<Metric, number>(COUNT_METRICS.map((metric, i) => [metric, i]));
  const share = ratioHistogramsOf(s.share);
  const shareSuitable = ratioHistogramsOf(s.shareSuitable);
  for (let t = 0; t < s.years.length; t++) {
    for (let m = 0; m < C; m++) {
      const cell = t * C + m;
      for (const metric of s.metrics) {
        let h: Histogram;
        if (metric === "share" || metric === "shareSuitable") {
          const ratio = (metric === "share" ? share : shareSuitable)[cell]!;
          const exact = (metric === "share" ? s.shareDiff : s.shareSuitableDiff)[cell];
          h = s.paired ? mixed(ratio, exact!) : ratio;
        } else h = counts[countIndex.get(metric)!]![cell]!;
        rows.push(summaryRow(s.scenario, s.years[t]!, s.municipalities[m]!, metric, stats(h)));
      }
    }
  }
  return rows;
}

// Rows and their parts are made in small functions of their own (see makeStats in histogram.ts), with the fields
// in the order of the CSV's columns.
function summaryRow(scenario: string, year: number, municipality: string, metric: Metric, st: Stats): SummaryRow {
  return {scenario, year, municipality, metric, mean: st.mean, p5: st.p5, p25: st.p25, p50: st.p50, p75: st.p75, p95: st.p95};
}

function mixed(ratio: PairHistogram, exact: RealHistogram): MixedHistogram {
  return {parts: [ratio, exact], n: ratio.n + exact.n};
}

/**
 * P(exceeding the cap share) and P(missing the target) per year and municipality.
 *
 * @example
 * probabilityRows(summary).find((r) => r.municipality === "regio" && r.year === 2030)?.pMissTarget; // e.g. 0.41
 */
export function probabilityRows(s: Summary): ProbabilityRow[] {
  if (s.paired) throw new Error("probabilityRows: a paired summary holds differences, not shares and gaps");
  const C = s.municipalities.length;
  const share = ratioHistogramsOf(s.share);
  const gap = intHistogramsOf(s.counts.gap);
  const rows: ProbabilityRow[] = [];
  const above = (v: number) => v > s.capShare;
  const below = (v: number) => v < 0;
  for (let t = 0; t < s.years.length; t++) {
    for (let m = 0; m < C; m++) {
      const cell = t * C + m;
      rows.push(probabilityRow(s.scenario, s.years[t]!, s.municipalities[m]!, s.capShare, fraction(share[cell]!, above), fraction(gap[cell]!, below)));
    }
  }
  return rows;
}

function probabilityRow(scenario: string, year: number, municipality: string, capShare: number, pExceedCap: number, pMissTarget: number): ProbabilityRow {
  return {scenario, year, municipality, capShare, pExceedCap, pMissTarget};
}

/** A cell of the origin × host flow matrix, summarised over runs: people of `origin` housed in `host`. */
export interface FlowRow extends Stats {
  readonly scenario: string;
  /** The year, or the whole period ("2025-2030") as a text. */
  readonly period: string;
  readonly origin: string;
  readonly host: string;
}

/**
 * The origin × host flow matrix per year and for the whole period (the sum over the years), summarised over runs:
 * mean and P5-P95 of how many people of each origin were housed in each host. Ordered by period (years, then the
 * whole period), origin, host (the inputs' order). Browser-safe: the pages draw a heat-map table from it.
 *
 * @example
 * flowRows(summary).filter((r) => r.period === "2025-2030" && r.origin === "Amersfoort"); // where Amersfoort's residents went
 */
export function flowRows(s: Summary): FlowRow[] {
  if (s.paired) throw new Error("flowRows: a paired summary holds no flows");
  if (s.flows.n.length === 0) throw new Error("flowRows: this summary was made without flows (emptySummary(result, {flows: false}))");
  const names = s.municipalities.slice(0, -1);
  const M = names.length;
  const periods = [...s.years.map(String), `${s.years[0]}-${s.years[s.years.length - 1]}`];
  const rows: FlowRow[] = [];
  const flows = intHistogramsOf(s.flows);
  for (let t = 0; t < periods.length; t++) {
    for (let o = 0; o < M; o++) {
      for (let h = 0; h < M; h++) rows.push(flowRow(s.scenario, periods[t]!, names[o]!, names[h]!, stats(flows[(t * M + o) * M + h]!)));
    }
  }
  return rows;
}

function flowRow(scenario: string, period: string, origin: string, host: string, st: Stats): FlowRow {
  return {scenario, period, origin, host, mean: st.mean, p5: st.p5, p25: st.p25, p50: st.p50, p75: st.p75, p95: st.p95};
}
