// Who houses whose residents: the engine's origin × host flows as a heat-map table for the region (Overview page)
// and, for one municipality, a short summary of what it does for the others and they for it (municipality pages).
import type {FlowRow, SimulationOutcome, SummaryRow} from "../engine.js";
import {downloadButtons, type DownloadTable} from "../download.js";
import {formatNumber, formatSigned} from "../format.js";
import type {ViewContext} from "./context.js";

/** The reader's choice on the heat-map: one year, or the whole period ("2025-2030"). */
export interface FlowSettings {
  readonly period: string;
}

/** The flow matrix of one period: origins as rows, hosts as columns, in the engine's order. */
export interface FlowMatrix {
  readonly period: string;
  readonly names: readonly string[];
  /** cells[o][h]: people of names[o] housed in names[h]. */
  readonly cells: readonly (readonly FlowRow[])[];
  /** The largest mean off the diagonal and on it (the colour scales). */
  readonly maxAway: number;
  readonly maxHome: number;
}

/**
 * The periods a reader can choose, as the flows name them: the whole period first (the default), then each year.
 *
 * @example
 * flowPeriodChoices(engine); // ["2025-2030", "2025", …, "2030"]
 */
export function flowPeriodChoices(engine: {readonly FIRST_YEAR: number; readonly LAST_YEAR: number}): string[] {
  const years = Array.from({length: engine.LAST_YEAR - engine.FIRST_YEAR + 1}, (_, i) => String(engine.FIRST_YEAR + i));
  return [`${engine.FIRST_YEAR}-${engine.LAST_YEAR}`, ...years];
}

/**
 * The periods the flows cover: each year, then the whole period.
 *
 * @example
 * flowPeriods(outcome.flows); // ["2025", …, "2030", "2025-2030"]
 */
export function flowPeriods(flows: readonly FlowRow[]): string[] {
  return [...new Set(flows.map((f) => f.period))];
}

/**
 * The matrix of one period.
 *
 * @example
 * flowMatrix(outcome.flows, "2025-2030").cells[0][1].mean; // residents of the first municipality housed in the second
 */
export function flowMatrix(flows: readonly FlowRow[], period: string): FlowMatrix {
  const rows = flows.filter((f) => f.period === period);
  if (rows.length === 0) throw new Error(`Geen stromen voor de periode ${period}.`);
  const names = [...new Set(rows.map((f) => f.origin))];
  const cells = names.map((o) => names.map((h) => rows.find((f) => f.origin === o && f.host === h)!));
  const away = rows.filter((f) => f.origin !== f.host).map((f) => f.mean);
  const home = rows.filter((f) => f.origin === f.host).map((f) => f.mean);
  return {period, names, cells, maxAway: Math.max(0, ...away), maxHome: Math.max(0, ...home)};
}

/** A mean in Dutch: whole numbers from 10 up, one decimal below (a mean of 0,4 people a year is not 0). */
const mean = (value: number): string => formatNumber(value, Math.abs(value) < 10 && value !== Math.round(value) ? 1 : 0);
/** A P5-P95 band in Dutch. */
const range = (f: {readonly p5: number; readonly p95: number}): string => `${formatNumber(f.p5)}–${formatNumber(f.p95)}`;

/**
 * The cell's words: who, where, mean and band (the cell's tooltip and the screen reader's text).
 *
 * @example
 * flowTitle(row); // "Inwoners van Baarn gehuisvest in Soest, 2025-2030: gemiddeld 3,2 (P5–P95: 0–8)"
 */
export function flowTitle(f: FlowRow): string {
  const where = f.origin === f.host ? `thuis gehuisvest in ${f.host}` : `gehuisvest in ${f.host}`;
  return `Inwoners van ${f.origin} ${where}, ${f.period}: gemiddeld ${mean(f.mean)} (P5–P95: ${range(f)})`;
}

/**
 * The download behind the heat-map: one row per origin and host, raw numbers, Dutch headers.
 *
 * @example
 * flowDownload(outcome.flows, outcome.a.id).header; // ["periode", "herkomstgemeente", "gehuisvest in", …]
 */
export function flowDownload(flows: readonly FlowRow[], id: string): DownloadTable {
  return {
    name: `stromen-${id}`,
    header: ["periode", "herkomstgemeente", "gehuisvest in", "thuis gehuisvest", "gemiddeld", "P5", "P25", "mediaan", "P75", "P95", "status"],
    rows: flows.map((f) => [f.period, f.origin, f.host, f.origin === f.host ? "ja" : "nee", f.mean, f.p5, f.p25, f.p50, f.p75, f.p95, "schatting"]),
    formats: [undefined, undefined, undefined, undefined, "decimal", "count", "count", "count", "count", "count", undefined],
    dutch: true
  };
}

/**
 * The heat-map table of one period: rows are the municipalities of origin, columns the hosts; a cell shows the mean
 * with P5–P95 in small text, its colour deepens with the mean; the diagonal (housed at home) has its own colour scale,
 * since it dwarfs the rest.
 *
 * @example
 * display(flowHeatmap(ctx, outcome, {period: "2025-2030"}));
 */
export function flowHeatmap(ctx: ViewContext, outcome: SimulationOutcome, settings: FlowSettings): HTMLElement {
  const flows = outcome.flows ?? [];
  const root = document.createElement("div");
  root.className = "fs-table-block fs-flows";
  if (flows.length === 0) {
    root.textContent = "Deze doorrekening bevat geen stromen tussen gemeenten.";
    return root;
  }
  const m = flowMatrix(flows, settings.period);
  const {caption, scroller, table} = captionedTable(
    `fs-flows-caption-${m.period}`,
    `${m.period}: gemiddeld aantal gehuisveste urgenten over ${formatNumber(outcome.runs)} doorrekeningen, per herkomstgemeente (rij) en gemeente waar zij gehuisvest worden (kolom); klein: P5–P95. Omrand: thuis gehuisvest.`
  );
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.append("herkomstgemeente ↓", document.createElement("br"), "gehuisvest in →");
  head.append(corner);
  for (const h of m.names) {
    const th = document.createElement("th");
    th.className = "num";
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  m.cells.forEach((row, o) => {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = m.names[o]!;
    tr.append(th);
    for (const f of row) {
      const td = tr.insertCell();
      const home = f.origin === f.host;
      const max = home ? m.maxHome : m.maxAway;
      const level = max > 0 ? f.mean / max : 0;
      td.className = home ? "num fs-flow fs-flow-home" : "num fs-flow";
      // Colour by mean: blue (housed elsewhere) or green (at home); dark cells take white text.
      td.style.background = `rgba(${home ? "26, 133, 84" : "33, 102, 172"}, ${(0.06 + 0.84 * level).toFixed(2)})`;
      if (level > 0.55) td.style.color = "#fff";
      td.title = flowTitle(f);
      const value = document.createElement("span");
      value.textContent = mean(f.mean);
      const band = document.createElement("small");
      band.textContent = range(f);
      td.append(value, document.createElement("br"), band);
    }
  });
  scroller.append(table);
  root.append(caption, scroller, downloadButtons(flowDownload(flows, outcome.a.id), "Download alle stromen"));
  void ctx;
  return root;
}

/** One year of a municipality's flow metrics, as the summary rows give them. */
export interface FlowSummaryRow {
  readonly year: number;
  readonly placedForOthers: SummaryRow;
  readonly ownHousedElsewhere: SummaryRow;
  readonly netContribution: SummaryRow;
  readonly balance: SummaryRow;
}

const FLOW_METRICS = ["placedForOthers", "ownHousedElsewhere", "netContribution", "balance"] as const;

/**
 * A municipality's flow metrics per year (mean and bands over runs).
 *
 * @example
 * flowSummaryRows(outcome.rows, "Baarn")[0].netContribution.mean;
 */
export function flowSummaryRows(rows: readonly SummaryRow[], municipality: string): FlowSummaryRow[] {
  const own = rows.filter((r) => r.municipality === municipality);
  const years = [...new Set(own.filter((r) => r.metric === "balance").map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const of = (metric: (typeof FLOW_METRICS)[number]): SummaryRow => {
      const row = own.find((r) => r.year === year && r.metric === metric);
      if (!row) throw new Error(`Geen ${metric} voor ${municipality} in ${year}.`);
      return row;
    };
    return {year, placedForOthers: of("placedForOthers"), ownHousedElsewhere: of("ownHousedElsewhere"), netContribution: of("netContribution"), balance: of("balance")};
  });
}

/**
 * The whole period in words for one municipality: whose residents it houses most, where its own go most.
 *
 * @example
 * flowSentence(outcome.flows, "Baarn"); // "Over 2025-2030 huisvest Baarn gemiddeld 12 urgenten uit andere gemeenten …"
 */
export function flowSentence(flows: readonly FlowRow[], municipality: string): string {
  const periods = flowPeriods(flows);
  const period = periods[periods.length - 1]!;
  const rows = flows.filter((f) => f.period === period && f.origin !== f.host);
  const hosted = rows.filter((f) => f.host === municipality).sort((a, b) => b.mean - a.mean);
  const away = rows.filter((f) => f.origin === municipality).sort((a, b) => b.mean - a.mean);
  const sum = (list: readonly FlowRow[]): number => list.reduce((s, f) => s + f.mean, 0);
  const most = (list: readonly FlowRow[], side: "origin" | "host"): string =>
    list[0] && list[0].mean > 0 ? ` (de meesten ${side === "origin" ? "uit" : "in"} ${list[0][side]}: ${mean(list[0].mean)})` : "";
  const home = flows.find((f) => f.period === period && f.origin === municipality && f.host === municipality);
  return (
    `Over ${period} huisvest ${municipality} gemiddeld ${mean(sum(hosted))} urgenten uit andere gemeenten${most(hosted, "origin")}, ` +
    `en worden gemiddeld ${mean(sum(away))} van haar eigen urgenten elders gehuisvest${most(away, "host")}` +
    (home ? `; ${mean(home.mean)} worden thuis gehuisvest (P5–P95: ${range(home)}).` : ".")
  );
}

/** The four measures of the summary, with their Dutch names, and whether a value carries its sign. */
const SUMMARY_MEASURES: readonly {readonly metric: (typeof FLOW_METRICS)[number]; readonly label: string; readonly signed: boolean}[] = [
  {metric: "placedForOthers", label: "gehuisvest voor anderen", signed: false},
  {metric: "ownHousedElsewhere", label: "eigen inwoners elders", signed: false},
  {metric: "netContribution", label: "netto bijdrage", signed: true},
  {metric: "balance", label: "saldo t.o.v. doel (cumulatief)", signed: true}
];

/**
 * The municipality page's summary: a sentence for the whole period and a compact table (measures as rows, years as
 * columns) of placed for others, own residents housed elsewhere, net contribution and the cumulative balance against
 * the target, each mean with P5–P95 in small text; its download holds the raw numbers, one row per year and measure.
 *
 * @example
 * display(flowSummary(ctx, outcome, "Baarn"));
 */
export function flowSummary(ctx: ViewContext, outcome: SimulationOutcome, municipality: string): HTMLElement {
  const root = document.createElement("div");
  if (outcome.flows?.length) {
    const p = document.createElement("p");
    p.textContent = flowSentence(outcome.flows, municipality);
    root.append(p);
  }
  const rows = flowSummaryRows(outcome.rows, municipality);
  const block = document.createElement("div");
  block.className = "fs-table-block";
  const {caption, scroller, table} = captionedTable(
    `fs-flow-summary-${municipality.replace(/\W+/g, "-")}`,
    `${municipality}: per jaar gemiddeld over ${formatNumber(outcome.runs)} doorrekeningen, klein: P5–P95. Netto bijdrage = gehuisvest voor anderen min eigen inwoners elders; saldo = plaatsingen min doel, opgeteld sinds ${ctx.engine.FIRST_YEAR}.`
  );
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement("th"), {textContent: "maat"}));
  for (const r of rows) head.append(Object.assign(document.createElement("th"), {textContent: String(r.year), className: "num", scope: "col"}));
  const body = table.createTBody();
  for (const measure of SUMMARY_MEASURES) {
    const tr = body.insertRow();
    tr.append(Object.assign(document.createElement("th"), {textContent: measure.label, scope: "row"}));
    for (const r of rows) {
      const v = r[measure.metric];
      const td = tr.insertCell();
      td.className = "num fs-flow";
      const band = document.createElement("small");
      band.textContent = measure.signed ? `${formatSigned(v.p5)} tot ${formatSigned(v.p95)}` : range(v);
      td.append(Object.assign(document.createElement("span"), {textContent: measure.signed ? formatSigned(v.mean, Math.abs(v.mean) < 10 ? 1 : 0) : mean(v.mean)}), document.createElement("br"), band);
    }
  }
  scroller.append(table);
  const download: DownloadTable = {
    name: `stromen-${outcome.a.id}-${municipality}`,
    header: ["jaar", "gemeente", "maat", "gemiddeld", "P5", "P25", "mediaan", "P75", "P95", "status"],
    rows: SUMMARY_MEASURES.flatMap((m) => rows.map((r) => [r.year, municipality, m.label, r[m.metric].mean, r[m.metric].p5, r[m.metric].p25, r[m.metric].p50, r[m.metric].p75, r[m.metric].p95, "schatting"])),
    formats: [undefined, undefined, undefined, "decimal", "count", "count", "count", "count", "count", undefined],
    dutch: true
  };
  block.append(caption, scroller, downloadButtons(download, "Download tabel"));
  root.append(block);
  return root;
}

/** A caption above a keyboard-focusable sideways-scrolling box holding an empty heat-map table, all labelled by it. */
function captionedTable(id: string, text: string): {caption: HTMLElement; scroller: HTMLElement; table: HTMLTableElement} {
  const caption = document.createElement("p");
  caption.className = "fs-table-caption";
  caption.id = id;
  caption.textContent = text;
  const scroller = document.createElement("div");
  scroller.className = "fs-table-wrap";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-labelledby", id);
  const table = document.createElement("table");
  table.className = "fs-table fs-heatmap";
  table.setAttribute("aria-labelledby", id);
  return {caption, scroller, table};
}
