// The tidy tables: one row per scenario, year, municipality and metric.
import {fraction, stats, type Stats} from "./histogram.ts";
import {METRICS, type Metric, type Summary} from "./accumulator.ts";

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
 * The summary table: mean and P5-P95 of every metric per year and municipality ("regio" for the total), ordered
 * by year, then municipality (inputs' order, region last), then metric (METRICS order).
 *
 * @example
 * summaryRows(summary)[0]; // {scenario: "agreed", year: 2025, municipality: "Amersfoort", metric: "vacancies", mean: …}
 */
export function summaryRows(s: Summary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const C = s.municipalities.length;
  s.years.forEach((year, t) => {
    s.municipalities.forEach((municipality, m) => {
      const cell = t * C + m;
      for (const metric of METRICS) {
        const h =
          metric !== "share"
            ? s.counts[metric][cell]!
            : s.paired
              ? {parts: [s.share[cell]!, s.shareDiff[cell]!], n: s.share[cell]!.n + s.shareDiff[cell]!.n}
              : s.share[cell]!;
        rows.push({scenario: s.scenario, year, municipality, metric, ...stats(h)});
      }
    });
  });
  return rows;
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
  return s.years.flatMap((year, t) =>
    s.municipalities.map((municipality, m) => {
      const cell = t * C + m;
      return {
        scenario: s.scenario,
        year,
        municipality,
        capShare: s.capShare,
        pExceedCap: fraction(s.share[cell]!, (v) => v > s.capShare),
        pMissTarget: fraction(s.counts.gap[cell]!, (v) => v < 0)
      };
    })
  );
}
