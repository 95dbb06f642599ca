// The Monitoring page's logic: from the JSON of its data loaders (src/data/monitoring.json.ts, calibration.json.ts)
// to the rows of its tables and charts. The page holds prose, inputs and `display` only.
import type {TrailRow, EntryContext} from "./monitoring-entry.ts";
import type {GammaBelief} from "../../../simulations/model/calibration.ts";
import type {SummaryRow} from "../../../simulations/summary/rows.ts";

/** Dutch labels of the monitoring statuses. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {final: "definitief", provisional: "voorlopig", estimate: "geschat", example: "VOORBEELD"};

/** Dutch labels of the monitoring metrics. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  vacancies: "vrijgekomen woningen",
  placements: "plaatsingen",
  inflow: "instroom",
  backlog: "wachtenden eind jaar",
  returners: "teruggekeerd naar herkomst"
};

/** The JSON of src/data/monitoring.json.ts. */
export interface MonitoringJson {
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  readonly groups: readonly {readonly id: string; readonly name: string}[];
  readonly years: readonly number[];
  readonly statuses: readonly string[];
  readonly current: readonly TrailRow[];
  readonly trail: readonly (TrailRow & {readonly current: boolean; readonly revision: number})[];
  readonly files: readonly {readonly name: string; readonly text: string}[];
}

interface Band {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

interface TraceJson {
  readonly priorStrength: number;
  readonly dispersion: number;
  readonly prior: Band;
  readonly posterior: Band;
  readonly posteriorBelief: GammaBelief;
  readonly observed: readonly {readonly year: number; readonly value: number}[];
}

/** The `preview` of src/data/calibration.json.ts (when the latest year is complete). */
export interface PreviewJson {
  readonly year: number;
  readonly statuses: readonly string[];
  readonly dispersion: number;
  readonly trend: {readonly mean: number; readonly sd: number};
  readonly inflowRegionalCv: number | null;
  readonly returnPriorPeople: number;
  readonly returnShares: readonly {readonly group: string; readonly prior: {shape1: number; shape2: number}; readonly posterior: {shape1: number; shape2: number}; readonly returners: number; readonly inflow: number}[];
  readonly calibration: {readonly startYear: number};
  readonly municipalities: readonly {readonly code: string; readonly name: string; readonly backlog: number; readonly vacancies: TraceJson; readonly inflow: TraceJson}[];
}

/** The `latest.forecast` of src/data/calibration.json.ts. */
export interface ForecastJson {
  readonly scenario: {readonly id: string; readonly name: string};
  readonly runs: number;
  readonly seed: number;
  readonly command: string;
  readonly rows: readonly SummaryRow[];
}

/** A key of a figure: year, municipality, metric, group. */
export const rowKey = (r: Pick<TrailRow, "year" | "municipality" | "metric" | "group">): string => `${r.year}|${r.municipality}|${r.metric}|${r.group}`;

export interface RealisedRow {
  readonly name: string;
  readonly vacancies: number | null;
  readonly placements: number | null;
  readonly share: number | null;
  readonly inflow: number | null;
  readonly returners: number | null;
  readonly backlog: number | null;
}

/**
 * The realised totals of a year per municipality, and the region (null where a municipality misses a figure).
 *
 * @example
 * realisedRows(monitoring, 2025).at(-1).name; // "Regio"
 */
export function realisedRows(monitoring: MonitoringJson, year: number): RealisedRow[] {
  const value = (code: string, metric: string) =>
    monitoring.current.find((r) => r.year === year && r.municipality === code && r.metric === metric && r.group === "all")?.value ?? null;
  const rows: RealisedRow[] = monitoring.municipalities.map((m) => {
    const vacancies = value(m.code, "vacancies");
    const placements = value(m.code, "placements");
    return {
      name: m.name, vacancies, placements,
      share: vacancies && placements !== null ? placements / vacancies : null,
      inflow: value(m.code, "inflow"), returners: value(m.code, "returners"), backlog: value(m.code, "backlog")
    };
  });
  const sum = (k: "vacancies" | "placements" | "inflow" | "returners" | "backlog") =>
    rows.some((r) => r[k] === null) ? null : rows.reduce((a, r) => a + r[k]!, 0);
  const vacancies = sum("vacancies");
  const placements = sum("placements");
  return [...rows, {
    name: "Regio", vacancies, placements,
    share: vacancies && placements !== null ? placements / vacancies : null,
    inflow: sum("inflow"), returners: sum("returners"), backlog: sum("backlog")
  }];
}

/**
 * Every version of every corrected figure, in reading order (the earlier rows stay, marked as corrected).
 *
 * @example
 * correctedTrail(monitoring).filter((r) => !r.current); // the rows a correction replaced
 */
export function correctedTrail(monitoring: MonitoringJson): MonitoringJson["trail"] {
  const corrected = new Set(monitoring.trail.filter((r) => r.revision > 0).map(rowKey));
  return monitoring.trail.filter((r) => corrected.has(rowKey(r)));
}

export interface BeliefRow extends TraceJson {
  readonly name: string;
  readonly what: "vacancies" | "inflow";
  readonly label: string;
}

/**
 * The before/after rows of the recalibration preview, per municipality and count.
 *
 * @example
 * beliefRows(preview).filter((r) => r.what === "inflow");
 */
export function beliefRows(preview: PreviewJson): BeliefRow[] {
  return preview.municipalities.flatMap((m) => (["vacancies", "inflow"] as const).map((what) => ({
    ...m[what],
    name: m.name,
    what,
    label: what === "vacancies" ? "vrijgekomen woningen per jaar" : "urgente instroom per jaar (herkomst)"
  })));
}

/**
 * The return shares before and after learning from realised returners, as shares.
 *
 * @example
 * returnShareRows(preview, groups)[0]; // {name: "Uitstroom maatschappelijke opvang", before: 0.8, after: 0.78, …}
 */
export function returnShareRows(preview: PreviewJson, groups: MonitoringJson["groups"]) {
  const mean = (b: {shape1: number; shape2: number}) => b.shape1 / (b.shape1 + b.shape2);
  return preview.returnShares.map((s) => ({
    name: groups.find((g) => g.id === s.group)?.name ?? s.group,
    before: mean(s.prior),
    returners: s.inflow > 0 ? s.returners : null,
    inflow: s.inflow > 0 ? s.inflow : null,
    after: mean(s.posterior)
  }));
}

/**
 * The calibrated forecast's placements per municipality and year (P5, P50, P95), for the band chart.
 *
 * @example
 * forecastPlaced(latest.forecast).filter((r) => r.municipality === "regio");
 */
export function forecastPlaced(forecast: ForecastJson): SummaryRow[] {
  return forecast.rows.filter((r) => r.metric === "placed");
}

/**
 * What the entry form checks against: the municipalities, groups, files and trail as they are now.
 *
 * @example
 * entryContext(monitoring, new Date().toISOString().slice(0, 10));
 */
export function entryContext(monitoring: MonitoringJson, today: string): EntryContext {
  return {municipalities: monitoring.municipalities, groups: monitoring.groups, today, files: monitoring.files, trail: monitoring.trail};
}
