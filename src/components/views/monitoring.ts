// The Monitoring page's logic: from the JSON of its data loaders (src/data/monitoring.json.ts, calibration.json.ts)
// to the rows of its tables and charts. The page holds prose, inputs and `display` only.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../format.js";
import {palette} from "../palette.js";
import {dataTable, type TableColumn} from "../table.js";
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
  readonly status?: string | null;
  readonly target: number;
  readonly gap?: number | null;
  readonly forecast: Band;
  /** "prior" (no recalibration yet) or the version of the recalibration the forecast used. */
  readonly forecastBasis?: string;
  readonly inBand: boolean | null;
}

/** The JSON of src/data/monitoring-realisation.json.ts. */
export interface RealisationJson {
  readonly scenario: {readonly id: string; readonly name: string};
  readonly runs: number;
  readonly seed: number;
  readonly rows: readonly RealisationRowJson[];
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

// The tables below fit the page's main column at 1280 px (about 700 px beside the table of contents) without
// sideways scrolling: a column that says the same in every row moves into the caption, a figure's key is one column,
// and the recalibration is one table per count.

/** The Dutch label of a monitoring status ("–" when none was recorded). */
const statusLabel = (status: string | null | undefined): string | null => (status == null ? null : STATUS_LABELS[status] ?? status);

/** The one value every row shares, or undefined when they differ (or there are no rows). */
function shared<T>(rows: readonly T[], value: (row: T) => string | null): string | null | undefined {
  const values = new Set(rows.map(value));
  return rows.length > 0 && values.size === 1 ? [...values][0]! : undefined;
}

/**
 * Realisation of a year against the target and the band forecast before the year, per municipality and the region.
 * Which forecast it was (with or without recalibration) and the status go into the caption when every row shares them.
 *
 * @example
 * display(realisationTable(realisation, 2025));
 */
export function realisationTable(realisation: RealisationJson, year: number): HTMLElement {
  const rows = realisation.rows.filter((r) => r.year === year);
  const basisLabel = (r: RealisationRowJson): string => (r.forecastBasis === undefined || r.forecastBasis === "prior" ? "zonder herijking" : `herijking ${r.forecastBasis}`);
  const basis = shared(rows, basisLabel);
  const status = shared(rows, (r) => statusLabel(r.status));
  const notes = [...(basis !== undefined ? [`voorspeld ${basis}`] : []), ...(typeof status === "string" ? [`status van alle cijfers: ${status}`] : [])];
  const columns: TableColumn<RealisationRowJson>[] = [
    {header: "gemeente", key: "municipality", value: (r) => (r.code === "regio" ? "Regio" : r.name)},
    {header: "doel", key: "target", value: (r) => r.target, format: "count"},
    {header: "gerealiseerd", key: "placed", value: (r) => r.placed, format: "count"},
    {header: "verschil met doel", key: "gap", value: (r) => r.gap ?? null, format: "signed", className: (r) => (r.gap != null && r.gap < 0 ? "fs-warn" : undefined)},
    {header: "voorspeld P5", key: "p5", value: (r) => r.forecast.p5, format: "count"},
    {header: "voorspeld P50", key: "p50", value: (r) => r.forecast.p50, format: "count"},
    {header: "voorspeld P95", key: "p95", value: (r) => r.forecast.p95, format: "count"},
    {header: "binnen de band", key: "in_band", value: (r) => (r.inBand === null ? null : r.inBand ? "ja" : "nee"), className: (r) => (r.inBand === false ? "fs-warn" : undefined)},
    ...(basis === undefined ? [{header: "voorspeld met", key: "forecast_basis", value: basisLabel}] : []),
    ...(status === undefined ? [{header: "status", key: "status", value: (r: RealisationRowJson) => statusLabel(r.status)}] : [])
  ];
  return dataTable({
    name: `realisatie-tegen-afspraak-${year}`,
    caption: `Realisatie ${year} tegen het doel (${realisation.scenario.name}) en de vooraf voorspelde band (${formatNumber(realisation.runs)} doorrekeningen, startgetal ${realisation.seed}${notes.map((n) => `; ${n}`).join("")})`,
    columns,
    rows,
    emphasise: (r) => r.code === "regio"
  });
}

/**
 * The realised totals of a year per municipality (placements and vacancies where the home is; inflow, returners and
 * backlog by municipality of origin), with shares outside the agreed band marked.
 *
 * @example
 * display(realisedTable(monitoring, 2025, [0.07, 0.18]));
 */
export function realisedTable(monitoring: MonitoringJson, year: number, band: readonly [number, number]): HTMLElement {
  return dataTable<RealisedRow>({
    name: `gerealiseerd-${year}`,
    caption: `Gerealiseerd in ${year} (actuele waarden, na correcties). Plaatsingen en vrijgekomen woningen per gemeente van de woning; instroom, terugkeer en wachtenden per herkomstgemeente.`,
    columns: [
      {header: "gemeente", key: "municipality", value: (r) => r.name},
      {header: "vrijgekomen woningen", key: "vacancies", value: (r) => r.vacancies, format: "count"},
      {header: "plaatsingen", key: "placements", value: (r) => r.placements, format: "count"},
      {header: "deel van vrijgekomen woningen", key: "share", value: (r) => r.share, format: "percent", className: (r) => (r.share !== null && r.name !== "Regio" && (r.share < band[0] || r.share > band[1]) ? "fs-warn" : undefined)},
      {header: "instroom", key: "inflow", value: (r) => r.inflow, format: "count"},
      {header: "terug naar herkomst", key: "returners", value: (r) => r.returners, format: "count"},
      {header: "wachtenden eind jaar", key: "backlog", value: (r) => r.backlog, format: "count"}
    ],
    rows: realisedRows(monitoring, year),
    emphasise: (r) => r.name === "Regio"
  });
}

type TrailEntry = MonitoringJson["trail"][number];

/**
 * Rows of the monitoring trail: one column names the figure (municipality, year, count and group), then its value,
 * when and why it was recorded, whether it counts, its status and its source with file and line (the folder, when
 * every row's file is in the same one, in the caption).
 *
 * @example
 * display(trailTable(monitoring, correctedTrail(monitoring), {name: "correcties", caption: "…"}));
 */
export function trailTable(monitoring: MonitoringJson, rows: readonly TrailEntry[], options: {readonly name: string; readonly caption?: string}): HTMLElement {
  const nameOf = (code: string): string => (code === "regio" ? "Regio" : monitoring.municipalities.find((m) => m.code === code)?.name ?? code);
  const groupOf = (id: string): string => monitoring.groups.find((g) => g.id === id)?.name ?? id;
  // A file's folder, shared by every row, goes into the caption: a path like "data/monitoring/2025.csv," would be the
  // widest word of the table.
  const folderOf = (file: string): string => file.slice(0, file.lastIndexOf("/") + 1);
  const folder = shared(rows, (r) => folderOf(r.file));
  const fileOf = (file: string): string => (folder ? file.slice(folder.length) : file);
  const caption = [options.caption, folder ? `bestanden in ${folder}` : undefined].filter(Boolean).join("; ");
  return dataTable<TrailEntry>({
    name: options.name,
    ...(caption ? {caption} : {}),
    columns: [
      {header: "cijfer", key: "figure", value: (r) => `${nameOf(r.municipality)} ${r.year}: ${METRIC_LABELS[r.metric] ?? r.metric}${r.group === "all" ? "" : ` (${groupOf(r.group).toLowerCase()})`}`},
      {header: "waarde", key: "value", value: (r) => r.value, format: "count"},
      {header: "vastgelegd op", key: "recorded_on", value: (r) => r.recordedOn},
      {header: "telt mee", key: "current", value: (r) => (r.current ? "ja" : "nee, gecorrigeerd"), className: (r) => (r.current ? undefined : "fs-muted")},
      {header: "reden", key: "reason", value: (r) => r.reason || "–"},
      {header: "status", key: "status", value: (r) => statusLabel(r.status)},
      {header: "bron", key: "source", value: (r) => `${r.source} (${fileOf(r.file)}, regel ${r.line})`}
    ],
    rows
  });
}

/**
 * The recalibration's expectation per year before and after, one table per count: vacancies per municipality of the
 * home, inflow (with the backlog the forecast starts from) per municipality of origin.
 *
 * @example
 * display(html`<div>${calibrationTables(preview)}</div>`);
 */
export function calibrationTables(preview: PreviewJson): HTMLElement[] {
  type Municipality = PreviewJson["municipalities"][number];
  const last = (t: TraceJson): number | null => t.observed.at(-1)?.value ?? null;
  const traceColumns = (what: "vacancies" | "inflow"): TableColumn<Municipality>[] => [
    {header: "gemeente", key: "municipality", value: (m) => m.name},
    {header: "verwachting vóór", key: `${what}_prior`, value: (m) => m[what].prior.mean, format: "decimal"},
    {header: "aanname telt als (jaren)", key: `${what}_prior_years`, value: (m) => m[what].priorStrength, format: "decimal"},
    {header: `gerealiseerd ${preview.year}`, key: `${what}_realised`, value: (m) => last(m[what]), format: "count"},
    {header: "verwachting na", key: `${what}_posterior`, value: (m) => m[what].posterior.mean, format: "decimal"}
  ];
  return [
    dataTable<Municipality>({
      name: `herijking-${preview.year}-woningen`,
      caption: `Vrijgekomen sociale huurwoningen per jaar: verwachting vóór en na de herijking op ${preview.year}, per gemeente van de woning`,
      columns: traceColumns("vacancies"),
      rows: preview.municipalities
    }),
    dataTable<Municipality>({
      name: `herijking-${preview.year}-instroom`,
      caption: `Urgente instroom per jaar: verwachting vóór en na de herijking op ${preview.year}, per herkomstgemeente; de prognose loopt vanaf ${preview.calibration.startYear} en start bij de wachtenden eind ${preview.year}`,
      columns: [...traceColumns("inflow"), {header: `wachtenden eind ${preview.year}`, key: "backlog", value: (m) => m.backlog, format: "count"}],
      rows: preview.municipalities
    })
  ];
}


/**
 * The realised figures of a year split by group, where the group is known (null when none is).
 *
 * @example
 * const table = groupTable(monitoring, 2025);
 * if (table) display(table);
 */
export function groupTable(monitoring: MonitoringJson, year: number): HTMLElement | null {
  const rows = monitoring.current.filter((r) => r.year === year && r.group !== "all");
  if (rows.length === 0) return null;
  const nameOf = (code: string): string => monitoring.municipalities.find((m) => m.code === code)?.name ?? code;
  return dataTable<TrailRow>({
    name: `gerealiseerd-per-groep-${year}`,
    caption: "Uitsplitsing naar groep, waar bekend (de rest van het totaal heeft geen bekende groep)",
    columns: [
      {header: "gemeente", key: "municipality", value: (r) => nameOf(r.municipality)},
      {header: "cijfer", key: "metric", value: (r) => METRIC_LABELS[r.metric] ?? r.metric},
      {header: "groep", key: "group", value: (r) => monitoring.groups.find((g) => g.id === r.group)?.name ?? r.group},
      {header: "aantal", key: "value", value: (r) => r.value, format: "count"}
    ],
    rows
  });
}

/**
 * The return share per group (inflow = outflow) before and after learning from realised returners.
 *
 * @example
 * display(returnShareTable(preview, monitoring.groups));
 */
export function returnShareTable(preview: PreviewJson, groups: MonitoringJson["groups"]): HTMLElement {
  return dataTable<ReturnType<typeof returnShareRows>[number]>({
    name: `terugkeeraandeel-${preview.year}`,
    caption: `Terugkeeraandeel per groep (instroom = uitstroom): de aanname telt als ${formatNumber(preview.returnPriorPeople)} personen; gerealiseerde terugkeerders per groep verschuiven haar`,
    columns: [
      {header: "groep", key: "group", value: (r) => r.name},
      {header: "aanname", key: "before", value: (r) => r.before, format: "percent"},
      {header: "teruggekeerd", key: "returners", value: (r) => r.returners, format: "count"},
      {header: "instroom", key: "inflow", value: (r) => r.inflow, format: "count"},
      {header: "na herijking", key: "after", value: (r) => r.after, format: "percent"}
    ],
    rows: returnShareRows(preview, groups)
  });
}
