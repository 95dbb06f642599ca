// The Overview page (src/index.md): the agreed scenario's bands for the region and per municipality, and a table of
// medians and probabilities for one year. Rendered from one simulation; choosing a year never re-runs it.
import type {SimulationOutcome} from "../engine.js";
import {fanChart, fanLegend} from "../fan.js";
import {figure} from "../figure.js";
import {downloadButtons} from "../download.js";
import {formatNumber, formatPercent} from "../format.js";
import {slugify} from "../municipalities.js";
import {simulationEstimates, whereComputed} from "../provenance.js";
import {band, cell, municipalityNames, probability, summaryDownload, targetLine, years} from "../summary.js";
import {dataTable} from "../table.js";
import {bandText, columnWidth, placeLabel, type ViewContext} from "./context.js";
import {passes, warnClass, warnRule, WARN_MISS_TARGET, WARN_OVER_CAP} from "./warn.js";

/** The reader's choices on the Overview page (all in the address). */
export interface OverviewSettings {
  readonly year: number;
}

/**
 * The status line: how many runs, which seed, how long, and the command that gives the same numbers.
 *
 * @example
 * overviewStatus(outcome).textContent; // "10.000 doorrekeningen met startgetal 1, …"
 */
export function overviewStatus(outcome: SimulationOutcome): HTMLElement {
  const p = document.createElement("p");
  p.className = "fs-status";
  p.innerHTML = "";
  p.append(
    `${formatNumber(outcome.runs)} doorrekeningen met startgetal ${outcome.seed}, ${whereComputed(outcome)}. Dezelfde cijfers geeft `,
    Object.assign(document.createElement("code"), {textContent: `npm run simulate -- --scenario ${outcome.a.id} --runs ${outcome.runs} --seed ${outcome.seed}`}),
    "."
  );
  return p;
}


/**
 * The download of every number of the scenario.
 *
 * @example
 * display(overviewDownload(ctx, outcome));
 */
export function overviewDownload(ctx: ViewContext, outcome: SimulationOutcome): HTMLElement {
  const {dutch, machine} = summaryDownload(`fairshare-${outcome.a.id}-runs${outcome.runs}-seed${outcome.seed}`, outcome.rows, ctx.engine, {[outcome.a.id]: outcome.a.name});
  const root = document.createElement("div");
  root.append(downloadButtons(dutch, "Alle cijfers van dit scenario"), downloadButtons(machine, "Voor programma's (zoals npm run simulate)"));
  return root;
}

/**
 * The region's placements and share of vacancies, side by side.
 *
 * @example
 * display(overviewRegion(ctx, outcome));
 */
export function overviewRegion(ctx: ViewContext, outcome: SimulationOutcome): HTMLElement {
  const {REGION, REGIONAL_SHARE} = ctx.engine;
  const estimates = simulationEstimates(ctx.datasets, outcome.a.key);
  const w = columnWidth(ctx.width, 2);
  const names = {[outcome.a.id]: outcome.a.name};
  const rows = (metric: string): typeof outcome.rows => outcome.rows.filter((r) => r.municipality === REGION && r.metric === metric);
  const placed = summaryDownload("regio-plaatsingen", [...rows("placed"), ...rows("target")], ctx.engine, names);
  const share = summaryDownload("regio-aandeel", rows("share"), ctx.engine, names);
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-2";
  grid.append(
    figure({
      title: "Plaatsingen per jaar in de regio",
      guide: `De lijn is de mediaan van ${formatNumber(outcome.runs)} doorrekeningen, de banden bevatten de middelste 50% en 90% van de uitkomsten; de oranje stippellijn is het ingroeipad.`,
      legend: fanLegend({target: true}),
      chart: fanChart(band(outcome.rows, REGION, "placed"), {yLabel: "plaatsingen per jaar", target: targetLine(outcome.rows, REGION), baseline: "fit", width: w, ariaLabel: "Waaier van het aantal plaatsingen per jaar in de regio"}),
      estimates,
      download: placed.dutch,
      machine: placed.machine
    }),
    figure({
      title: "Aandeel van de vrijkomende sociale huurwoningen in de regio",
      guide: `Welk deel van alle vrijkomende sociale huurwoningen in de regio naar urgenten gaat; de afspraak is ongeveer ${formatPercent(REGIONAL_SHARE)}.`,
      legend: fanLegend({target: true}),
      chart: fanChart(band(outcome.rows, REGION, "share"), {yLabel: "aandeel van vrijkomende woningen (%)", percent: true, target: years(outcome.rows).map((year) => ({year, value: REGIONAL_SHARE})), width: w, ariaLabel: "Waaier van het aandeel van de vrijkomende woningen in de regio"}),
      estimates,
      download: share.dutch,
      machine: share.machine
    })
  );
  return grid;
}

/**
 * Small multiples per municipality: placements against each one's target, and shares against the agreed band.
 *
 * @example
 * display(overviewMunicipalities(ctx, outcome));
 */
export function overviewMunicipalities(ctx: ViewContext, outcome: SimulationOutcome): HTMLElement {
  const {REGION, SHARE_BAND} = ctx.engine;
  const names = municipalityNames(outcome.rows, REGION);
  const estimates = simulationEstimates(ctx.datasets, outcome.a.key);
  // Two columns on a phone, four on a screen; a panel never narrower than 170 px (its text stays at Plot's 10 px).
  const columns = Math.max(1, Math.min(4, Math.floor((ctx.width + 16) / 186)));
  const small = Math.floor((ctx.width - (columns - 1) * 16) / columns);
  const shareMax = Math.max(SHARE_BAND[1] + 0.02, ...names.flatMap((m) => band(outcome.rows, m, "share").map((p) => p.p95)));
  const panel = (metric: "placed" | "share", m: string): HTMLElement => {
    const root = document.createElement("div");
    const title = document.createElement("div");
    title.className = "fs-small-title";
    const link = document.createElement("a");
    link.href = `./gemeente/${slugify(m)}`;
    link.textContent = m;
    title.append(link);
    root.append(
      title,
      fanChart(band(outcome.rows, m, metric), {
        yLabel: metric === "share" ? "aandeel (%)" : "plaatsingen",
        percent: metric === "share",
        ...(metric === "placed" ? {target: targetLine(outcome.rows, m)} : {range: SHARE_BAND, yDomain: [0, shareMax] as const}),
        width: small,
        height: 170,
        ariaLabel: `${m}: ${metric === "share" ? "aandeel van de vrijkomende woningen" : "plaatsingen per jaar"}`
      })
    );
    return root;
  };
  const grid = (metric: "placed" | "share"): HTMLElement => {
    const root = document.createElement("div");
    root.className = "fs-small-multiples";
    root.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    root.append(...names.map((m) => panel(metric, m)));
    return root;
  };
  const scenarioNames = {[outcome.a.id]: outcome.a.name};
  const of = (metrics: readonly string[]): typeof outcome.rows => outcome.rows.filter((r) => r.municipality !== REGION && metrics.includes(r.metric));
  const placed = summaryDownload("gemeenten-plaatsingen", of(["placed", "target"]), ctx.engine, scenarioNames);
  const share = summaryDownload("gemeenten-aandeel", of(["share"]), ctx.engine, scenarioNames);
  const root = document.createElement("div");
  root.append(
    figure({
      title: "Plaatsingen per jaar, per gemeente",
      guide: "Elke gemeente heeft een eigen schaal (Amersfoort is veel groter); de oranje stippellijn is het doel dat het ingroeipad en de verdeelsleutel (sociale huurvoorraad) aan de gemeente geven.",
      legend: fanLegend({target: true}),
      chart: grid("placed"),
      estimates,
      download: placed.dutch,
      machine: placed.machine
    }),
    figure({
      title: "Aandeel van de vrijkomende sociale huurwoningen, per gemeente",
      guide: `Alle gemeenten op dezelfde schaal; de groene stippellijnen markeren de afgesproken bandbreedte van ${bandText(ctx)}.`,
      legend: fanLegend({range: SHARE_BAND}),
      chart: grid("share"),
      estimates,
      download: share.dutch,
      machine: share.machine
    })
  );
  return root;
}

/**
 * Medians and probabilities per municipality for one year.
 *
 * @example
 * display(overviewTable(ctx, outcome, {year: 2027}));
 */
export function overviewTable(ctx: ViewContext, outcome: SimulationOutcome, settings: OverviewSettings): HTMLElement {
  const {REGION} = ctx.engine;
  const {year} = settings;
  const capShare = outcome.probabilities[0]?.capShare ?? ctx.engine.DEFAULT_CAP_SHARE;
  const rows = [...municipalityNames(outcome.rows, REGION), REGION].map((m) => ({
    municipality: m,
    target: cell(outcome.rows, year, m, "target").p50,
    placed: cell(outcome.rows, year, m, "placed"),
    share: cell(outcome.rows, year, m, "share"),
    backlog: cell(outcome.rows, year, m, "backlog"),
    p: probability(outcome.probabilities, year, m)
  }));
  type Row = (typeof rows)[number];
  return dataTable<Row>({
    status: "schatting",
    name: `mediaan-en-kansen-${outcome.a.id}-${year}`,
    caption: `${year}: mediaan van ${formatNumber(outcome.runs)} doorrekeningen; kans = aandeel van de doorrekeningen.`,
    rows,
    emphasise: (d) => d.municipality === REGION,
    columns: [
      {header: "gemeente", key: "municipality", value: (d) => placeLabel(ctx, d.municipality)},
      {header: "doel", key: "target", value: (d) => d.target, format: "count"},
      {header: "plaatsingen (mediaan)", key: "placed_p50", value: (d) => d.placed.p50, format: "count"},
      {header: "P5", key: "placed_p5", value: (d) => d.placed.p5, format: "count"},
      {header: "P95", key: "placed_p95", value: (d) => d.placed.p95, format: "count"},
      {header: "aandeel (mediaan)", key: "share_p50", value: (d) => d.share.p50, format: "percent"},
      {header: `kans aandeel > ${formatPercent(capShare, 0)}`, key: "p_exceed_cap", value: (d) => d.p.pExceedCap, format: "probability", className: (d) => warnClass(passes(d.p.pExceedCap, WARN_OVER_CAP))},
      {header: "kans doel niet gehaald", key: "p_miss_target", value: (d) => d.p.pMissTarget, format: "probability", className: (d) => warnClass(passes(d.p.pMissTarget, WARN_MISS_TARGET))},
      {header: "wachtenden eind jaar (mediaan)", key: "backlog_p50", value: (d) => d.backlog.p50, format: "count"}
    ]
  });
}

/**
 * What the busy label says while the page simulates.
 *
 * @example
 * runLabel(engine); // "10.000 doorrekeningen"
 */
export function runLabel(engine: {readonly DEFAULT_RUNS: number}, runs = engine.DEFAULT_RUNS): string {
  return `${formatNumber(runs)} doorrekeningen`;
}

/**
 * The page's settings in words, for a printout.
 *
 * @example
 * settingsText(engine, {year: 2027}); // "Afgesproken scenario, 10.000 doorrekeningen, startgetal 1; tabel: 2027."
 */
export function settingsText(engine: {readonly DEFAULT_RUNS: number; readonly DEFAULT_SEED: number}, settings: OverviewSettings): string {
  return `Afgesproken scenario, ${formatNumber(engine.DEFAULT_RUNS)} doorrekeningen, startgetal ${engine.DEFAULT_SEED}; tabel: ${settings.year}.`;
}

/**
 * The reading notes under the table: what the probabilities mean and what red means.
 *
 * @example
 * display(overviewNotes(ctx, outcome));
 */
export function overviewNotes(ctx: ViewContext, outcome: SimulationOutcome | undefined): HTMLElement {
  const cap = formatPercent(outcome?.probabilities[0]?.capShare ?? ctx.engine.DEFAULT_CAP_SHARE, 0);
  const p = document.createElement("p");
  p.className = "fs-guide";
  p.textContent =
    `Kans aandeel > ${cap}: het deel van de doorrekeningen waarin de gemeente meer dan ${cap} van haar vrijkomende sociale huurwoningen aan urgenten geeft (de bovengrens van de afgesproken bandbreedte; dit scenario kent geen hard plafond). ` +
    "Kans doel niet gehaald: het deel waarin de gemeente minder plaatst dan het doel, al is het maar één plaatsing. Die kans kan flink zijn terwijl de mediaan gelijk is aan het doel: de meeste doorrekeningen halen het doel precies, en elke doorrekening met een paar te weinig telt mee. Hoeveel er dan ontbreekt, ziet u aan P5 (1 op de 20 doorrekeningen komt lager uit). " +
    warnRule();
  return p;
}
