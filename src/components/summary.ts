// Picking series out of the engine's summary table (one row per scenario, year, municipality and metric).
import type {ProbabilityRow, SummaryRow} from "../lib/engine-browser.ts";
import type {DownloadCell, DownloadTable, NumberFormat} from "./download.js";
import type {BandPoint, YearValue} from "./fan.js";

/** Dutch labels of the engine's metrics, with their unit. */
// Partial: a metric the engine adds later shows under its own name until it gets a row here.
export const METRIC_LABELS: Readonly<Partial<Record<SummaryRow["metric"], string>>> = {
  vacancies: "vrijkomende sociale huurwoningen per jaar",
  inflow: "nieuwe urgenten per jaar (naar herkomst)",
  target: "doel (ingroeipad) per jaar",
  placed: "plaatsingen per jaar",
  share: "aandeel van vrijkomende woningen (%)",
  backlog: "wachtenden aan het eind van het jaar",
  gap: "plaatsingen min doel per jaar",
  suitable: "passende vrijkomende woningen per jaar",
  shareSuitable: "aandeel van passende woningen (%)",
  placedByOrigin: "gehuisveste urgenten per jaar (naar herkomst)",
  placedForOthers: "gehuisvest voor andere gemeenten per jaar",
  ownHousedElsewhere: "eigen inwoners elders gehuisvest per jaar",
  netContribution: "netto bijdrage per jaar",
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
 * The municipalities in a summary, in the engine's order, without the region's total (`region`, the engine's REGION).
 *
 * @example
 * municipalityNames(outcome.rows, engine.REGION); // ["Amersfoort", "Baarn", …]
 */
export function municipalityNames(rows: readonly SummaryRow[], region: string): string[] {
  return [...new Set(rows.map((r) => r.municipality))].filter((m) => m !== region);
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

/** What summaryDownload needs of the engine: its CSV writer, its columns, the region's name and label. */
export interface SummaryFacts {
  toCsv(rows: readonly object[], columns?: readonly string[]): string;
  readonly SUMMARY_COLUMNS: readonly string[];
  readonly REGION: string;
  readonly REGION_LABEL: string;
}

/**
 * The downloads of summary rows: first a table for people (Dutch headers and labels, Dutch Excel; shares as
 * percentages when every row is a share), and the engine's own CSV, byte for byte what `npm run simulate` writes.
 *
 * @example
 * const {dutch, machine} = summaryDownload("overzicht", outcome.rows, engine, {agreed: "Afgesproken ingroeipad"});
 */
export function summaryDownload(
  name: string,
  rows: readonly SummaryRow[],
  facts: SummaryFacts,
  scenarioNames: Readonly<Record<string, string>> = {}
): {dutch: DownloadTable; machine: DownloadTable} {
  const percent = rows.length > 0 && rows.every((r) => r.metric === "share");
  const format: NumberFormat = percent ? "percent" : "decimal";
  const columns = facts.SUMMARY_COLUMNS as readonly (keyof SummaryRow)[];
  // The rows and the CSV are made on the first download, not when a chart is drawn: a page draws many charts and
  // its readers download few of them.
  const lazy = <T,>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const dutchRows = lazy(() =>
    rows.map((r): DownloadCell[] => [
      scenarioNames[r.scenario] ?? r.scenario,
      r.year,
      r.municipality === facts.REGION ? facts.REGION_LABEL : r.municipality,
      METRIC_LABELS[r.metric] ?? r.metric,
      r.mean,
      r.p5,
      r.p25,
      r.p50,
      r.p75,
      r.p95
    ])
  );
  const machineRows = lazy(() => rows.map((r): DownloadCell[] => columns.map((c) => r[c] as string | number)));
  const machineCsv = lazy(() => facts.toCsv(rows, columns));
  return {
    dutch: {
      name,
      sheet: "samenvatting",
      dutch: true,
      header: ["scenario", "jaar", "gemeente", "uitkomst", "gemiddelde", "P5", "P25", "mediaan (P50)", "P75", "P95"],
      formats: [undefined, undefined, undefined, undefined, format, format, format, format, format, format],
      get rows() {
        return dutchRows();
      }
    },
    machine: {
      name: `${name}-opdrachtregel`,
      sheet: "summary",
      header: [...columns],
      get rows() {
        return machineRows();
      },
      get csv() {
        return machineCsv();
      }
    }
  };
}
