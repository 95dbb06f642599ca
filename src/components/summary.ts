// Picking series out of the engine's summary table (one row per scenario, year, municipality and metric).
import type {ProbabilityRow, SummaryRow} from "../../simulations/index.ts";
import type {BandPoint, YearValue} from "./fan.js";

/** The region's name in the engine's tables. */
export const REGION = "regio";

/** Dutch labels of the engine's metrics, with their unit. */
export const METRIC_LABELS: Readonly<Record<SummaryRow["metric"], string>> = {
  vacancies: "vrijkomende sociale huurwoningen per jaar",
  inflow: "nieuwe urgenten per jaar (naar herkomst)",
  target: "doel (ingroeipad) per jaar",
  placed: "plaatsingen per jaar",
  share: "aandeel van vrijkomende woningen (%)",
  backlog: "wachtenden aan het eind van het jaar",
  gap: "plaatsingen min doel per jaar",
  suitable: "passende vrijkomende woningen per jaar (na voorrang statushouders)",
  shareSuitable: "aandeel van passende vrijkomende woningen (%)",
  placedByOrigin: "gehuisveste urgenten per jaar (naar herkomst)",
  placedForOthers: "gehuisvest voor andere gemeenten per jaar",
  ownHousedElsewhere: "eigen inwoners elders gehuisvest per jaar",
  netContribution: "netto bijdrage per jaar (gehuisvest min eigen inwoners gehuisvest)",
  balance: "cumulatief saldo t.o.v. het doel sinds 2025"
};

/**
 * The quantile band of one metric for one municipality (or "regio"), ordered by year.
 *
 * @example
 * band(outcome.rows, "regio", "placed"); // [{year: 2025, p5: 202, …}, …]
 */
export function band(rows: readonly SummaryRow[], municipality: string, metric: SummaryRow["metric"], series?: string): BandPoint[] {
  return rows
    .filter((r) => r.municipality === municipality && r.metric === metric)
    .sort((a, b) => a.year - b.year)
    .map(({year, p5, p25, p50, p75, p95}) => ({year, p5, p25, p50, p75, p95, ...(series !== undefined ? {series} : {})}));
}

/**
 * The target per year (the "target" metric is the same in every run, so its median is the target).
 *
 * @example
 * targetLine(outcome.rows, "Amersfoort"); // [{year: 2025, value: 135}, …]
 */
export function targetLine(rows: readonly SummaryRow[], municipality: string): YearValue[] {
  return band(rows, municipality, "target").map(({year, p50}) => ({year, value: p50}));
}

/**
 * The municipalities in a summary, in the engine's order, without the region.
 *
 * @example
 * municipalityNames(outcome.rows); // ["Amersfoort", "Baarn", …]
 */
export function municipalityNames(rows: readonly SummaryRow[]): string[] {
  return [...new Set(rows.map((r) => r.municipality))].filter((m) => m !== REGION);
}

/**
 * The summary row of one year, municipality and metric; an error if the engine did not produce it.
 *
 * @example
 * cell(outcome.rows, 2030, "regio", "placed").p50;
 */
export function cell(rows: readonly SummaryRow[], year: number, municipality: string, metric: SummaryRow["metric"]): SummaryRow {
  const row = rows.find((r) => r.year === year && r.municipality === municipality && r.metric === metric);
  if (!row) throw new Error(`no ${metric} for ${municipality} in ${year} in the summary`);
  return row;
}

/**
 * The probability row of one year and municipality.
 *
 * @example
 * probability(outcome.probabilities, 2030, "Baarn").pExceedCap;
 */
export function probability(rows: readonly ProbabilityRow[], year: number, municipality: string): ProbabilityRow {
  const row = rows.find((r) => r.year === year && r.municipality === municipality);
  if (!row) throw new Error(`no probabilities for ${municipality} in ${year}`);
  return row;
}

/**
 * The years in a summary, ascending.
 *
 * @example
 * years(outcome.rows); // [2025, 2026, 2027, 2028, 2029, 2030]
 */
export function years(rows: readonly SummaryRow[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** The columns of the engine's summary table (and of `npm run simulate`'s CSV), in order. */
export const SUMMARY_COLUMNS = ["scenario", "year", "municipality", "metric", "mean", "p5", "p25", "p50", "p75", "p95"] as const;

/**
 * A download of summary rows whose CSV is the engine's own (`toCsv`), byte for byte what the command line writes.
 *
 * @example
 * downloadButtons(summaryDownload("overzicht", outcome.rows, engine.toCsv));
 */
export function summaryDownload(
  name: string,
  rows: readonly SummaryRow[],
  toCsv: (rows: readonly object[], columns?: readonly string[]) => string
): {name: string; sheet: string; header: string[]; rows: (string | number)[][]; csv: string} {
  return {
    name,
    sheet: "samenvatting",
    header: [...SUMMARY_COLUMNS],
    rows: rows.map((r) => SUMMARY_COLUMNS.map((c) => r[c])),
    csv: toCsv(rows, SUMMARY_COLUMNS)
  };
}
