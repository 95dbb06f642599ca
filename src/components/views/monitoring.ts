// The Monitoring page's logic: from the JSON of its data loaders (src/data/monitoring.json.ts, calibration.json.ts)
// to the rows of its tables and charts. The page holds prose, inputs and `display` only.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../format.js";
import {palette} from "../palette.js";
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

/** One row of src/data/monitoring-realisation.json.ts (simulations/recalibration/realisation.ts). */
export interface RealisationRowJson {
  readonly year: number;
  readonly code: string;
  readonly name: string;
  readonly placed: number | null;
  readonly target: number;
  readonly forecast: Band;
  readonly inBand: boolean | null;
}

/**
 * Realised placements of a year as a share of the target, against the band forecast before the year.
 *
 * @example
 * realisationChart(rows.filter((r) => r.code !== "regio"), 2025, width);
 */
export function realisationChart(rows: readonly RealisationRowJson[], year: number, width: number): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 40 + rows.length * 28,
    marginLeft: 100,
    x: {label: "percentage van het doel", tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    y: {label: null, domain: rows.map((r) => r.name)},
    marks: [
      Plot.ruleX([1], {stroke: palette.target, strokeDasharray: "4,3"}),
      Plot.ruleY(rows, {y: "name", x1: (r: RealisationRowJson) => r.forecast.p5 / r.target, x2: (r: RealisationRowJson) => r.forecast.p95 / r.target, stroke: palette.outcome, strokeOpacity: 0.35, strokeWidth: 12}),
      Plot.dot(rows.filter((r) => r.placed !== null), {y: "name", x: (r: RealisationRowJson) => r.placed! / r.target, r: 5, fill: (r: RealisationRowJson) => (r.inBand ? "black" : palette.target)}),
      Plot.tip(rows, Plot.pointerY({y: "name", x: (r: RealisationRowJson) => (r.placed ?? r.forecast.p50) / r.target, title: (r: RealisationRowJson) =>
        `${r.name} ${year}: gerealiseerd ${r.placed === null ? "–" : formatNumber(r.placed)}, doel ${formatNumber(r.target)}, voorspeld P5-P95 ${formatNumber(r.forecast.p5)}-${formatNumber(r.forecast.p95)}`}))
    ],
    ariaLabel: `Plaatsingen per gemeente in ${year} als percentage van het doel, met de vooraf voorspelde band`
  });
}

/**
 * One count's expectation per municipality before and after the recalibration, relative to before: the bands for
 * one year (P5-P95) before (light) and after (dark), the new mean (tick) and the realised values (dots).
 *
 * @example
 * beliefChart(beliefRows(preview).filter((r) => r.what === "inflow"), width);
 */
export function beliefChart(rows: readonly BeliefRow[], width: number): SVGSVGElement | HTMLElement {
  type Dot = BeliefRow & {o: {year: number; value: number}};
  return Plot.plot({
    width,
    height: 70 + rows.length * 24,
    marginLeft: 100,
    caption: rows[0]?.label ?? "",
    x: {label: "percentage van de verwachting vóór herijking", tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    y: {label: null, domain: rows.map((r) => r.name)},
    marks: [
      Plot.ruleX([1], {stroke: palette.muted}),
      Plot.ruleY(rows, {y: "name", x1: (r: BeliefRow) => r.prior.p5 / r.prior.mean, x2: (r: BeliefRow) => r.prior.p95 / r.prior.mean, stroke: palette.muted, strokeOpacity: 0.35, strokeWidth: 12}),
      Plot.ruleY(rows, {y: "name", x1: (r: BeliefRow) => r.posterior.p5 / r.prior.mean, x2: (r: BeliefRow) => r.posterior.p95 / r.prior.mean, stroke: palette.outcome, strokeOpacity: 0.7, strokeWidth: 5}),
      Plot.tickX(rows, {y: "name", x: (r: BeliefRow) => r.posterior.mean / r.prior.mean, stroke: palette.outcome, strokeWidth: 2}),
      Plot.dot(rows.flatMap((r) => r.observed.map((o): Dot => ({...r, o}))), {y: "name", x: (d: Dot) => d.o.value / d.prior.mean, fill: "black", r: 3.5}),
      Plot.tip(rows, Plot.pointerY({y: "name", x: (r: BeliefRow) => r.posterior.mean / r.prior.mean, title: (r: BeliefRow) =>
        `${r.name}, ${r.label}\nvóór: ${formatNumber(r.prior.mean, 1)} (P5-P95 ${formatNumber(r.prior.p5)}-${formatNumber(r.prior.p95)}; gedeelde aanname telt als ${formatNumber(r.priorStrength, 1)} jaar; φ ${formatNumber(r.dispersion, 2)})\ngerealiseerd: ${r.observed.map((o) => `${o.year}: ${formatNumber(o.value)}`).join(", ")}\nna: ${formatNumber(r.posterior.mean, 1)} (P5-P95 ${formatNumber(r.posterior.p5)}-${formatNumber(r.posterior.p95)})`}))
    ],
    ariaLabel: `${rows[0]?.label ?? ""}: verwachting per gemeente voor en na de herijking`
  });
}

/**
 * The calibrated forecast of one column (a municipality's name or "regio"): P5-P95 band and median per year.
 *
 * @example
 * forecastChart(latest.forecast, "regio", width);
 */
export function forecastChart(forecast: ForecastJson, column: string, width: number): SVGSVGElement | HTMLElement {
  const rows = forecastPlaced(forecast).filter((r) => r.municipality === column);
  return Plot.plot({
    width,
    height: 260,
    x: {label: "jaar", tickFormat: (d: number) => String(d), ticks: rows.map((r) => r.year)},
    y: {label: "plaatsingen", grid: true, zero: true},
    marks: [
      Plot.areaY(rows, {x: "year", y1: "p5", y2: "p95", fill: palette.outcome, fillOpacity: 0.25}),
      Plot.lineY(rows, {x: "year", y: "p50", stroke: palette.outcome, strokeWidth: 2}),
      Plot.tip(rows, Plot.pointerX({x: "year", y: "p50", title: (r: SummaryRow) => `${r.year}: P5 ${formatNumber(r.p5)}, P50 ${formatNumber(r.p50)}, P95 ${formatNumber(r.p95)}`}))
    ],
    ariaLabel: `Voorspelde plaatsingen (${column}) vanaf de herijking`
  });
}
