// The Prognoses page (src/prognoses.md): the reader moves the assumptions behind the bands, sees the outcome next
// to the agreed assumptions', ranks the assumptions by their effect (tornado), and reads how well the vacancy
// forecasts held up in a back-test. Model inputs are the assumptions; municipality, year and outcome are views.
import * as Plot from "@observablehq/plot";
import type {Scenario} from "../../lib/engine-browser.ts";
import type {EnginePool, SimulationOutcome} from "../engine.js";
import {fanChart, fanLegend, legend} from "../fan.js";
import {figure} from "../figure.js";
import {formatNumber, formatPercent, formatProbability} from "../format.js";
import {palette} from "../palette.js";
import {simulationEstimates, whereComputed} from "../provenance.js";
import {ASSUMPTIONS, OUTCOMES, scenarioWith, tornadoRows, type Assumption, type Settings, type Variant} from "../sensitivity.js";
import {codecs, field} from "../state.js";
import {band, summaryDownload, targetLine} from "../summary.js";
import {columnWidth, memberNames, placeIn, placeLabel, type Engine, type ViewContext} from "./context.js";
import type {InputsLike} from "./inputs-like.js";
import {PROGNOSES, PROGNOSIS_WORDS, yearsOf} from "./prose.js";

/** Runs per tornado bar (fewer than a page's default: 13 simulations, and only their medians are read). */
export const TORNADO_RUNS = 5000;

const DISPERSIONS = ["series", "poisson"] as const;

/** How many years the vacancy series holds (the upper end of the window input). */
export function vacancyYears(ctx: ViewContext): number {
  return new Set(ctx.datasets.vacancies.map((v) => v.year)).size;
}

/**
 * The page's state: the six assumptions (defaults: the agreed scenario's), where to look, and the back-test model.
 *
 * @example
 * const state = urlState(prognosesSpec(ctx, agreed));
 */
export function prognosesSpec(ctx: ViewContext, agreed: Scenario) {
  const {engine} = ctx;
  return {
    prognosis: field(codecs.oneOf(PROGNOSES), agreed.prognosis),
    inflowDispersion: field(codecs.number(0, 0.5), agreed.inflowDispersion, "replace"),
    vacancyFactor: field(codecs.number(0.7, 1.3), 1, "replace"),
    vacancyDispersion: field(codecs.oneOf(DISPERSIONS), agreed.vacancyDispersion),
    vacancyWindow: field(codecs.integer(2, vacancyYears(ctx)), Math.min(agreed.vacancyWindow, vacancyYears(ctx)), "replace"),
    returnShareFactor: field(codecs.number(0.5, 1.5), 1, "replace"),
    municipality: field(codecs.oneOf([engine.REGION, ...memberNames(ctx)]), engine.REGION),
    year: field(codecs.integer(engine.FIRST_YEAR, engine.LAST_YEAR), engine.LAST_YEAR),
    outcome: field(codecs.oneOf(OUTCOMES.map((o) => o.id)), "share_p50"),
    model: field(codecs.text, "gamma-poisson")
  };
}

/**
 * The page's inputs: the assumptions (model), where to look (view), and the back-test model.
 *
 * @example
 * const inputs = prognosesInputs(Inputs, ctx, backtest.models);
 */
export function prognosesInputs(Inputs: InputsLike, ctx: ViewContext, models: readonly {id: string; label: string}[]) {
  const label = Object.fromEntries(models.map((m) => [m.id, m.label]));
  return {
    assumptions: {
      prognosis: Inputs.radio(PROGNOSES, {label: "Prognosevariant instroom", format: (v) => PROGNOSIS_WORDS[v]}),
      inflowDispersion: Inputs.range([0, 0.5], {label: "Extra spreiding instroom (φ)", step: 0.05}),
      vacancyFactor: Inputs.range([0.7, 1.3], {label: "Niveau vrijkomende woningen (× data)", step: 0.05}),
      vacancyDispersion: Inputs.radio(DISPERSIONS, {label: "Spreiding vrijkomende woningen", format: (v) => (v === "series" ? "uit de reeks" : "Poisson")}),
      vacancyWindow: Inputs.range([2, vacancyYears(ctx)], {label: "Jaren uit de reeks", step: 1}),
      returnShareFactor: Inputs.range([0.5, 1.5], {label: "Terugkeeraandeel (× data)", step: 0.05})
    },
    where: {
      municipality: Inputs.select([ctx.engine.REGION, ...memberNames(ctx)], {label: "Gemeente", format: (m) => placeLabel(ctx, m)}),
      year: Inputs.select(yearsOf(ctx.engine), {label: "Jaar (voor de tornado)", format: String}),
      outcome: Inputs.select(OUTCOMES.map((o) => o.id), {label: "Uitkomst (voor de tornado)", format: (id) => OUTCOMES.find((o) => o.id === id)?.label ?? id})
    },
    model: {model: Inputs.radio(models.map((m) => m.id), {label: "Voorspelmodel", format: (id) => label[id] ?? id})}
  };
}

/** The data-level part of the assumptions (what the engine pool takes as `assumptions`). */
function dataChanges(s: Settings): {vacancyFactor: number; returnShareFactor: number} {
  return {vacancyFactor: s.vacancyFactor, returnShareFactor: s.returnShareFactor};
}

/** The summary metrics the tornado reads (see OUTCOMES): its workers make only these rows, and no flows. */
const TORNADO_TABLES = {metrics: ["backlog", "placed", "share"], flows: false} as const;

/**
 * Whether the reader's settings are the agreed scenario's own (scenario fields and data as they are): then the
 * build's simulation of the agreed scenario (default runs and seed) is the reader's too.
 *
 * @example
 * isAgreed(agreed, settings); // true when the page opens
 */
export function isAgreed(agreed: Scenario, s: Settings): boolean {
  if (s.vacancyFactor !== 1 || s.returnShareFactor !== 1) return false;
  const mine = scenarioWith(agreed, s);
  return (["prognosis", "inflowDispersion", "vacancyDispersion", "vacancyWindow"] as const).every((k) => mine[k] === agreed[k]);
}

/**
 * An outcome of the agreed scenario as the outcome of the reader's settings when they are the agreed ones
 * (`isAgreed`): the same numbers (the engine's draws do not depend on a scenario's id or name), labelled with the
 * reader's scenario id, as a simulation of `scenarioWith(agreed, s)` would label them.
 */
function relabelled(outcome: SimulationOutcome, agreed: Scenario, s: Settings): SimulationOutcome {
  const a = scenarioWith(agreed, s) as unknown as Scenario;
  const label = <T extends {scenario: string}>(rows: readonly T[] | undefined): T[] | undefined => rows?.map((r) => ({...r, scenario: a.id}));
  return {...outcome, a, rows: label(outcome.rows)!, probabilities: label(outcome.probabilities)!, ...(outcome.flows ? {flows: label(outcome.flows)!} : {})};
}

/**
 * The pair of simulateAssumptions without simulating, when the settings are the agreed ones (both sides are then
 * the build's outcome, `base`); undefined when the reader's side must be simulated. A page shows a known pair at
 * once, without a busy state first.
 *
 * @example
 * const known = agreedAssumptions(agreed, settings, await getOverview()); // defined at the agreed settings
 */
export function agreedAssumptions(agreed: Scenario, s: Settings, base: SimulationOutcome): {base: SimulationOutcome; changed: SimulationOutcome} | undefined {
  return isAgreed(agreed, s) ? {base, changed: relabelled(base, agreed, s)} : undefined;
}

/**
 * The agreed scenario and the reader's, on the same runs and seed. The agreed scenario's outcome is the build's
 * (`base`, the Overview's default simulation: the same scenario, runs and seed); the reader's is simulated unless
 * the settings are the agreed ones.
 *
 * @example
 * const {base, changed} = await simulateAssumptions(pool, engine, agreed, settings, await getOverview());
 */
export async function simulateAssumptions(pool: () => Promise<Pick<EnginePool, "simulate">>, engine: Engine, agreed: Scenario, s: Settings, base: SimulationOutcome): Promise<{base: SimulationOutcome; changed: SimulationOutcome}> {
  const known = agreedAssumptions(agreed, s, base);
  if (known) return known;
  const changed = await (await pool()).simulate({a: scenarioWith(agreed, s) as Scenario, assumptions: dataChanges(s), runs: engine.DEFAULT_RUNS, seed: engine.DEFAULT_SEED, tables: {flows: false}}, "prognoses-current");
  return {base, changed};
}

/** The tornado's simulations: each assumption low and high, and the centre, all on the same draws. */
export interface Tornado {
  readonly variants: readonly (Variant & {assumption: Assumption})[];
  readonly outcomes: readonly SimulationOutcome[];
  readonly centre: SimulationOutcome;
  readonly elapsedMs: number;
}

/**
 * Runs the tornado's 13 simulations (TORNADO_RUNS runs each).
 *
 * @example
 * const tornado = await simulateTornado(pool, engine, agreed, settings, 6);
 */
export async function simulateTornado(pool: Pick<EnginePool, "simulate">, engine: Engine, agreed: Scenario, s: Settings, years: number): Promise<Tornado> {
  const start = performance.now();
  const variants = ASSUMPTIONS.flatMap((a) => a.variants(s, {vacancyYears: years}).map((v) => ({assumption: a, ...v})));
  // Each of the 13 on one worker, side by side (no ranges to send and merge), making only the rows it reads. A
  // variant that is the reader's own setting (φ = 0, vacancies spread as in the series: the defaults) is the centre:
  // the same request on the same draws, so it is simulated once.
  const asked = [{settings: s, channel: "tornado-centre"}, ...variants.map((v, i) => ({settings: v.settings, channel: `tornado-${i}`}))].map(({settings, channel}) => ({
    request: {a: scenarioWith(agreed, settings) as Scenario, assumptions: dataChanges(settings), runs: TORNADO_RUNS, seed: engine.DEFAULT_SEED, split: false, tables: TORNADO_TABLES},
    channel
  }));
  const simulated = new Map<string, Promise<SimulationOutcome>>();
  const outcome = ({request, channel}: (typeof asked)[number]): Promise<SimulationOutcome> => {
    const key = JSON.stringify([request.a, request.assumptions]);
    let found = simulated.get(key);
    if (found === undefined) simulated.set(key, (found = pool.simulate(request, channel)));
    return found;
  };
  // The costliest first (overdispersed inflow takes about three times as long): each request goes to the worker with
  // the least work queued, so the long one starts at once and the others fill in beside it.
  for (const q of [...asked].sort((x, y) => engine.runCost(y.request.a) - engine.runCost(x.request.a))) void outcome(q);
  const [centre, ...outcomes] = await Promise.all(asked.map(outcome));
  return {variants, outcomes, centre: centre!, elapsedMs: performance.now() - start};
}

/** Where the reader looks. */
export interface Where {
  readonly municipality: string;
  readonly year: number;
  readonly outcome: string;
}

/**
 * The status line and the command (with a scenario file to save) that reproduce the reader's numbers.
 *
 * @example
 * display(reproduceNote(files.agreed, settings, changed));
 */
export function reproduceNote(agreedFile: unknown, s: Settings, changed: SimulationOutcome): HTMLElement {
  const root = document.createElement("div");
  const status = document.createElement("p");
  status.className = "fs-status";
  status.textContent = `${formatNumber(changed.runs)} doorrekeningen met startgetal ${changed.seed}, ${whereComputed(changed)}. Dezelfde trekkingen als het afgesproken scenario, zodat verschillen door de aannames komen.`;
  const {$schema: _schema, ...fields} = scenarioWith(agreedFile, s);
  const file = new Blob([JSON.stringify(fields, null, 2) + "\n"], {type: "application/json"});
  const flags = [s.vacancyFactor !== 1 ? ` --vacancy-factor ${s.vacancyFactor}` : "", s.returnShareFactor !== 1 ? ` --return-share-factor ${s.returnShareFactor}` : ""].join("");
  const note = document.createElement("p");
  note.className = "fs-status";
  const link = Object.assign(document.createElement("a"), {download: "aannames.json", href: URL.createObjectURL(file), textContent: "het scenariobestand met uw aannames"});
  note.append("Zelf narekenen: bewaar ", link, " en draai ", Object.assign(document.createElement("code"), {textContent: `npm run simulate -- --scenario aannames.json${flags} --runs ${changed.runs} --seed ${changed.seed} --out aannames.csv`}), ".");
  root.append(status, note);
  return root;
}

/**
 * Placements and backlog under the agreed assumptions and the reader's, side by side.
 *
 * @example
 * display(assumptionFigures(ctx, pair, where));
 */
export function assumptionFigures(ctx: ViewContext, pair: {base: SimulationOutcome; changed: SimulationOutcome}, where: Pick<Where, "municipality">): HTMLElement {
  const {base, changed} = pair;
  const m = where.municipality;
  const label = placeIn(ctx, m);
  const estimates = simulationEstimates(ctx.datasets, base.a.key);
  const w = columnWidth(ctx.width, 2);
  const series = {"afgesproken aannames": palette.muted, "uw aannames": palette.outcome};
  const pairOf = (metric: "placed" | "backlog") => [...band(base.rows, m, metric, "afgesproken aannames"), ...band(changed.rows, m, metric, "uw aannames")];
  const names = {[base.a.id]: "afgesproken aannames", [changed.a.id]: "uw aannames"};
  const download = (metric: string) => summaryDownload(`prognoses-${metric === "placed" ? "plaatsingen" : "wachtenden"}-${m}`, [...base.rows, ...changed.rows].filter((r) => r.municipality === m && r.metric === metric), ctx.engine, names);
  const placed = download("placed");
  const backlog = download("backlog");
  const target = [...targetLine(base.rows, m).map((t) => ({...t, series: "afgesproken aannames"})), ...targetLine(changed.rows, m).map((t) => ({...t, series: "uw aannames"}))];
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-2";
  grid.append(
    figure({
      title: `Plaatsingen per jaar ${label}`,
      guide: "Links de aannames uit data/ en het afgesproken scenario, rechts uw aannames; zelfde schaal, zelfde trekkingen.",
      legend: fanLegend({target: true}),
      chart: fanChart(pairOf("placed"), {yLabel: "plaatsingen per jaar", seriesColors: series, target, width: w, baseline: m === ctx.engine.REGION ? "fit" : "zero", ariaLabel: `Plaatsingen ${label} onder twee sets aannames`}),
      estimates,
      download: placed.dutch,
      machine: placed.machine
    }),
    figure({
      title: `Wachtenden aan het eind van het jaar ${label}`,
      guide: "Wie in een jaar niet geplaatst kan worden, schuift door; een stijgende band betekent een groeiende wachtrij.",
      legend: fanLegend({}),
      chart: fanChart(pairOf("backlog"), {yLabel: "wachtenden aan het eind van het jaar", seriesColors: series, width: w, ariaLabel: `Wachtenden ${label} onder twee sets aannames`}),
      estimates,
      download: backlog.dutch,
      machine: backlog.machine
    })
  );
  return grid;
}

/**
 * The tornado: per assumption, bars from the reader's outcome to the outcome with that assumption low or high,
 * the assumption that matters most on top. Never wider than the page (text stays at 10 px on a phone).
 *
 * @example
 * display(tornadoFigure(ctx, tornado, {municipality: "regio", year: 2030, outcome: "share_p50"}));
 */
export function tornadoFigure(ctx: ViewContext, t: Tornado, where: Where): HTMLElement {
  const outcome = OUTCOMES.find((o) => o.id === where.outcome) ?? OUTCOMES[0]!;
  const rows = tornadoRows(t.variants, t.outcomes, t.centre, outcome, where);
  const fmt = outcome.format === "probability" ? formatProbability : outcome.format === "percent" ? (v: number) => formatPercent(v, 1) : (v: number) => formatNumber(v);
  const order = rows.map((r) => r.assumption);
  const values = rows.flatMap((r) => [r.low, r.high, r.centre]);
  const pad = Math.max((Math.max(...values) - Math.min(...values)) * 0.22, outcome.format === "count" ? 2 : 0.02);
  const bars = rows.flatMap((r) => [
    {assumption: r.assumption, side: "laag", setting: r.lowSetting, value: r.low, centre: r.centre},
    {assumption: r.assumption, side: "hoog", setting: r.highSetting, value: r.high, centre: r.centre}
  ]);
  type Bar = (typeof bars)[number];
  // A label sits beyond both bars of its row on its side: at its own bar's end it ran over the other bar, when that
  // one reached further the same way ("6 jaar: 9,6%" over the 3-year bar).
  const reach = (d: Bar, right: boolean): number => {
    const ends = bars.filter((b) => b.assumption === d.assumption).map((b) => b.value);
    return right ? Math.max(d.centre, ...ends) : Math.min(d.centre, ...ends);
  };
  const narrow = ctx.width < 640;
  const width = Math.max(300, ctx.width);
  const centre = rows[0]?.centre ?? 0;
  return figure({
    title: `${outcome.label} ${placeIn(ctx, where.municipality)} in ${where.year}: gevoeligheid per aanname`,
    guide: `Elke balk loopt van de uitkomst met uw aannames (verticale lijn: ${fmt(centre)}) naar de uitkomst als één aanname naar zijn lage (blauw) of hoge (oranje) waarde gaat; bovenaan staat de aanname die het meest uitmaakt. ${formatNumber(TORNADO_RUNS)} doorrekeningen per balk, zelfde trekkingen.`,
    legend: legend([{label: "lage waarde van de aanname", kind: "band", color: palette.outcome, opacity: 0.85}, {label: "hoge waarde van de aanname", kind: "band", color: palette.second, opacity: 0.85}]),
    chart: Plot.plot({
      width,
      height: 60 + (narrow ? 60 : 52) * order.length,
      marginLeft: narrow ? 110 : 220,
      marginRight: narrow ? 56 : 120,
      style: {fontSize: "10px"},
      x: {label: outcome.axis, grid: true, domain: [Math.min(...values) - pad, Math.max(...values) + pad], ticks: narrow ? 3 : 6, tickFormat: outcome.format === "count" ? (d: number) => formatNumber(d) : (d: number) => formatPercent(d, 0)},
      y: {label: null, domain: order, axis: null},
      marks: [
        // On a phone the labels wrap within the left margin (at 11 ems "vrijkomende woningen" ran past it, cut off).
        Plot.axisY({lineWidth: narrow ? 9 : 30, fontSize: 10}),
        Plot.barX(bars, {y: "assumption", x1: "centre", x2: "value", fill: (d: Bar) => (d.side === "laag" ? palette.outcome : palette.second), fillOpacity: 0.85, insetTop: 6, insetBottom: 6}),
        // Low settings above the bar, high settings below, so short bars do not stack their labels; on a phone the
        // label is the value only (the setting is in the tooltip and the download).
        ...["laag", "hoog"].flatMap((side) => [true, false].map((right) => Plot.text(bars.filter((d) => d.side === side && d.value >= d.centre === right), {y: "assumption", x: (d: Bar) => reach(d, right), text: (d: Bar) => (narrow ? fmt(d.value) : `${d.setting}: ${fmt(d.value)}`), title: (d: Bar) => `${d.setting}: ${fmt(d.value)}`, textAnchor: right ? "start" : "end", dx: right ? 4 : -4, dy: side === "laag" ? -10 : 10, fontSize: 10}))),
        Plot.ruleX([centre], {stroke: "currentColor", strokeWidth: 1.5})
      ]
    }),
    estimates: simulationEstimates(ctx.datasets, t.centre.a.key),
    download: {name: `tornado-${where.outcome}-${where.municipality}-${where.year}`, dutch: true, formats: [undefined, undefined, outcome.format === "count" ? "decimal" : outcome.format, outcome.format === "count" ? "decimal" : outcome.format, undefined, outcome.format === "count" ? "decimal" : outcome.format, outcome.format === "count" ? "decimal" : outcome.format], header: ["aanname", "lage instelling", "uitkomst laag", "uitkomst bij uw instellingen", "hoge instelling", "uitkomst hoog", "verschil hoog − laag"], rows: rows.map((r) => [r.assumption, r.lowSetting, r.low, r.centre, r.highSetting, r.high, r.range])}
  });
}

/** What the back-test JSON holds that the lean needs. */
export interface BacktestData {
  readonly models: readonly {readonly id: string; readonly label: string}[];
  readonly forecasts: readonly {readonly model: string; readonly holdout: number; readonly observed: number; readonly p50: number}[];
}

/**
 * The back-test's lean in words: how often the held-out value fell below the forecast median, and by how much the
 * forecasts missed on average, with the conclusion (too high, too low, or no clear lean).
 *
 * @example
 * backtestLean(backtest, "gamma-poisson").textContent; // "… lag de werkelijke waarde in 19 van de 24 gevallen onder de voorspelde mediaan …"
 */
export function backtestLean(data: BacktestData, model: string): HTMLElement {
  const own = data.forecasts.filter((f) => f.model === model);
  const below = own.filter((f) => f.observed < f.p50).length;
  const above = own.filter((f) => f.observed > f.p50).length;
  const relative = own.reduce((sum, f) => sum + (f.observed - f.p50) / Math.max(1, f.p50), 0) / Math.max(1, own.length);
  const label = data.models.find((m) => m.id === model)?.label ?? model;
  // A lean is stated when clearly more forecasts miss on one side than on the other (two to one).
  const lean = below >= 2 * Math.max(1, above) ? "De voorspellingen vallen dus te hoog uit: het model verwacht meer vrijkomende woningen dan er kwamen." : above >= 2 * Math.max(1, below) ? "De voorspellingen vallen dus te laag uit: er kwamen meer woningen vrij dan het model verwachtte." : "Een duidelijke richting is er niet: de voorspellingen zitten ongeveer even vaak te hoog als te laag.";
  const p = document.createElement("p");
  p.className = "fs-lean";
  p.textContent = `Met ${label} lag de werkelijke waarde in ${formatNumber(below)} van de ${formatNumber(own.length)} voorspellingen onder de voorspelde mediaan en in ${formatNumber(above)} erboven; gemiddeld lag de werkelijkheid ${formatPercent(Math.abs(relative), 1)} ${relative < 0 ? "lager" : "hoger"} dan de mediaan. ${lean}`;
  return p;
}

/**
 * The page's settings in words, for a printout.
 *
 * @example
 * prognosesSettingsText(ctx, settings, where);
 */
export function prognosesSettingsText(ctx: ViewContext, s: Settings, where: Where): string {
  const prognosis = PROGNOSIS_WORDS[s.prognosis];
  const outcome = OUTCOMES.find((o) => o.id === where.outcome)?.label ?? where.outcome;
  return `Aannames: prognose ${prognosis}, φ = ${formatNumber(s.inflowDispersion, 2)}, vrijkomend × ${formatNumber(s.vacancyFactor, 2)}, spreiding ${s.vacancyDispersion === "series" ? "uit de reeks" : "Poisson"}, ${s.vacancyWindow} jaar uit de reeks, terugkeer × ${formatNumber(s.returnShareFactor, 2)}. ${placeLabel(ctx, where.municipality)}; tornado: ${outcome.toLowerCase()} in ${where.year}; ${formatNumber(ctx.engine.DEFAULT_RUNS)} doorrekeningen, startgetal ${ctx.engine.DEFAULT_SEED}.`;
}
