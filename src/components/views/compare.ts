// The comparison page (src/vergelijken.md): scenarios chosen from the files or composed from their validated parts,
// simulated pairwise on common random numbers against the first (A). The simulation depends only on the model
// inputs (scenarios, runs, seed); municipality, metric and year are views of its outcome.
import type {Scenario, SummaryRow} from "../../lib/engine-browser.ts";
import type {EnginePool, ScenarioSet, SimulationOutcome} from "../engine.js";
import {downloadButtons} from "../download.js";
import {fanChart, fanLegend, fanLegendItems, legend} from "../fan.js";
import {figure} from "../figure.js";
import {formatNumber, formatPercent} from "../format.js";
import {describeKey} from "../keys.js";
import {palette, scenarioColor} from "../palette.js";
import {simulationEstimates, whereComputed} from "../provenance.js";
import {codecs, field} from "../state.js";
import {band, cell, METRIC_LABELS, municipalityNames, probability, summaryDownload, targetLine} from "../summary.js";
import {dataTable} from "../table.js";
import {memberNames, placeIn, placeLabel, type Engine, type ViewContext} from "./context.js";
import type {InputsLike} from "./inputs-like.js";
import {PROGNOSES, PROGNOSIS_WORDS, yearsOf} from "./prose.js";
import {passes, warnClass, warnRule, WARN_MISS_TARGET, WARN_OVER_CAP} from "./warn.js";

/** The id of the scenario the reader composes. */
export const OWN = "eigen";

/**
 * The outcomes the page can show, one row each: a metric of the engine's summary, its unit, and whether it is a
 * share. A new metric of the engine appears on the page by a row here.
 */
export const METRIC_CHOICES: readonly {readonly metric: SummaryRow["metric"]; readonly percent: boolean}[] = [
  {metric: "placed", percent: false},
  {metric: "share", percent: true},
  {metric: "backlog", percent: false},
  {metric: "gap", percent: false},
  {metric: "shareSuitable", percent: true},
  {metric: "suitable", percent: false},
  {metric: "placedForOthers", percent: false},
  {metric: "ownHousedElsewhere", percent: false},
  {metric: "netContribution", percent: false},
  {metric: "balance", percent: false}
];

/** Cap choices: none, two stricter ones, and the top of the agreed band. */
const caps = (engine: Engine): (number | null)[] => [null, 0.12, 0.15, engine.SHARE_BAND[1]];
/** Run choices: a quick look, the default, and a precise one. */
const runChoices = (engine: Engine): number[] => [...new Set([1000, engine.DEFAULT_RUNS, 50_000])];

/** Ids of the scenario files whose `part` differs from every file before them (one choice per distinct ramp or key). */
function distinct(scenarios: ScenarioSet, part: "ramp" | "key"): string[] {
  const seen = new Set<string>();
  return scenarios.ids.filter((id) => {
    const text = JSON.stringify(scenarios.scenarios[id]![part]);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * The page's state: every input, its codec and default (the address holds what differs from these).
 *
 * @example
 * const state = urlState(compareSpec(engine, scenarios, names));
 */
export function compareSpec(engine: Engine, scenarios: ScenarioSet, names: readonly string[]) {
  return {
    files: field(codecs.list(codecs.oneOf(scenarios.ids)), ["agreed", "immediate"]),
    own: field(codecs.boolean, false),
    ramp: field(codecs.oneOf(distinct(scenarios, "ramp")), "agreed"),
    key: field(codecs.oneOf(distinct(scenarios, "key")), "agreed"),
    prognosis: field(codecs.oneOf(PROGNOSES), "range" as (typeof PROGNOSES)[number]),
    cap: field(codecs.oneOf(caps(engine)), null as number | null),
    spillOver: field(codecs.boolean, false),
    runs: field(codecs.oneOf(runChoices(engine)), engine.DEFAULT_RUNS),
    seed: field(codecs.integer(0, 1e9), engine.DEFAULT_SEED, "replace"),
    municipality: field(codecs.oneOf([engine.REGION, ...names]), engine.REGION),
    metric: field(codecs.oneOf(METRIC_CHOICES.map((c) => c.metric)), "placed" as SummaryRow["metric"]),
    year: field(codecs.integer(engine.FIRST_YEAR, engine.LAST_YEAR), 2027)
  };
}

/** A ramp in a few words, for a choice list. */
function rampWords(ramp: Scenario["ramp"]): string {
  return ramp.map((p) => `${p.from}-${p.to} ${"region" in p ? `regio ${p.region}` : "targets" in p ? `per gemeente, samen ${Object.values(p.targets).reduce((a, b) => a + b, 0)}` : `${Object.values(p.fixed).join("+")}/${p.others}`}`).join(", ");
}

/**
 * The page's inputs in three groups: the scenario files with runs and seed, the composition, and the view.
 *
 * @example
 * const inputs = compareInputs(Inputs, ctx, scenarios);
 */
export function compareInputs(Inputs: InputsLike, ctx: ViewContext, scenarios: ScenarioSet) {
  const name = (id: string): string => scenarios.scenarios[id]!.name;
  const {engine} = ctx;
  return {
    model: {
      files: Inputs.checkbox(scenarios.ids, {label: "Scenariobestanden", format: name}),
      runs: Inputs.select(runChoices(engine), {label: "Doorrekeningen", format: (n) => formatNumber(n)}),
      seed: Inputs.number([0, 1e9], {label: "Startgetal (seed)", step: 1})
    },
    own: {
      own: Inputs.toggle({label: "Eigen scenario meenemen"}),
      // A list, not a select: a ramp in words is longer than a select shows (at 1280 px it cut the chosen one off).
      ramp: Inputs.radio(distinct(scenarios, "ramp"), {label: "Ingroeipad", format: (id) => `${name(id)}: ${rampWords(scenarios.scenarios[id]!.ramp)}`}),
      key: Inputs.select(distinct(scenarios, "key"), {label: "Verdeelsleutel", format: (id) => describeKey(scenarios.scenarios[id]!.key)}),
      prognosis: Inputs.radio(PROGNOSES, {label: "Prognose", format: (v) => PROGNOSIS_WORDS[v]}),
      cap: Inputs.select(caps(engine), {label: "Plafond", format: (v) => (v === null ? "geen" : formatPercent(v, 0))}),
      spillOver: Inputs.toggle({label: "Overloop naar gemeenten met ruimte"})
    },
    look: {
      municipality: Inputs.select([engine.REGION, ...memberNames(ctx)], {label: "Gemeente", format: (m) => placeLabel(ctx, m)}),
      metric: Inputs.select(METRIC_CHOICES.map((c) => c.metric), {label: "Uitkomst", format: (m) => METRIC_LABELS[m] ?? m})
    },
    year: {year: Inputs.select(yearsOf(engine), {label: "Jaar", format: String})}
  };
}

/** The composition the reader chose. */
export interface Composition {
  readonly own: boolean;
  readonly ramp: string;
  readonly key: string;
  readonly prognosis: (typeof PROGNOSES)[number];
  readonly cap: number | null;
  readonly spillOver: boolean;
}

/**
 * The composed scenario, built from validated parts (a file's ramp, a file's key) on the agreed scenario, so it
 * needs no validator in the browser. Its description names every part.
 *
 * @example
 * composed(scenarios, {own: true, ramp: "immediate", key: "agreed", prognosis: "high", cap: 0.15, spillOver: false}).description;
 * // "Ingroeipad van Direct fair share (2025-2030 regio 227); sleutel sociale huurvoorraad; prognose hoog; plafond 15%; geen overloop."
 */
export function composed(scenarios: ScenarioSet, c: Composition): Scenario {
  const base = scenarios.scenarios.agreed!;
  const ramp = scenarios.scenarios[c.ramp]!;
  const key = scenarios.scenarios[c.key]!.key;
  return {
    ...base,
    id: OWN,
    name: "Eigen samenstelling",
    description: `Ingroeipad van ${ramp.name} (${rampWords(ramp.ramp)}); sleutel ${describeKey(key)}; prognose ${PROGNOSIS_WORDS[c.prognosis]}; plafond ${c.cap === null ? "geen" : formatPercent(c.cap, 0)}; ${c.spillOver ? "met" : "geen"} overloop.`,
    ramp: ramp.ramp,
    key,
    prognosis: c.prognosis,
    cap: c.cap,
    spillOver: c.spillOver
  };
}

/**
 * The scenarios to compare, in order: the chosen files, then the composition if included.
 *
 * @example
 * chosenScenarios(scenarios, ["agreed", "immediate"], composition).map((s) => s.id); // ["agreed", "immediate"]
 */
export function chosenScenarios(scenarios: ScenarioSet, files: readonly string[], c: Composition): Scenario[] {
  return [...files.map((id) => scenarios.scenarios[id]!), ...(c.own ? [composed(scenarios, c)] : [])];
}

/** A comparison: A against each B, on the same runs and seed. */
export interface Comparison {
  readonly scenarios: readonly Scenario[];
  /** One paired outcome per B (a = the reference). */
  readonly outcomes: readonly SimulationOutcome[];
  readonly runs: number;
  readonly seed: number;
  readonly elapsedMs: number;
  /** Simulated when the site was built (the page's default view). */
  readonly atBuild?: boolean;
}

/**
 * Whether a request is the page's default view, whose outcome the build computed (src/data/comparison.json.ts).
 *
 * @example
 * isDefaultComparison(engine, chosen, {runs: 10_000, seed: 1}); // true for agreed and immediate fair share
 */
export function isDefaultComparison(engine: Engine, chosen: readonly Scenario[], settings: {runs: number; seed: number}): boolean {
  return chosen.map((s) => s.id).join(",") === "agreed,immediate" && settings.runs === engine.DEFAULT_RUNS && settings.seed === engine.DEFAULT_SEED;
}

/**
 * Simulates the comparison: one paired run per B against A.
 *
 * @example
 * const comparison = await simulateComparison(pool, chosen, {runs: 10_000, seed: 1});
 */
export async function simulateComparison(pool: Pick<EnginePool, "simulate">, chosen: readonly Scenario[], settings: {runs: number; seed: number}): Promise<Comparison> {
  const [a, ...bs] = chosen;
  const start = performance.now();
  const outcomes = a === undefined ? [] : await Promise.all(bs.map((b, i) => pool.simulate({a, b, runs: settings.runs, seed: settings.seed}, `vergelijk-${i}`)));
  return {scenarios: chosen, outcomes, runs: settings.runs, seed: settings.seed, elapsedMs: performance.now() - start};
}

/**
 * The warning when fewer than two scenarios are chosen (an empty element otherwise, so it replaces an old warning).
 *
 * @example
 * display(compareWarning(chosen));
 */
export function compareWarning(chosen: readonly Scenario[]): HTMLElement {
  const p = document.createElement("p");
  if (chosen.length < 2) {
    p.className = "fs-warn";
    p.textContent = "Kies minstens twee scenario's (of één scenario en een eigen samenstelling).";
  } else p.hidden = true;
  return p;
}

/** Each scenario's rows and probabilities, A first. */
function series(c: Comparison) {
  const first = c.outcomes[0];
  if (!first) return [];
  return [
    {scenario: c.scenarios[0]!, rows: first.rows, probs: first.probabilities},
    ...c.outcomes.map((o, i) => ({scenario: c.scenarios[i + 1]!, rows: o.rowsB ?? [], probs: o.probabilitiesB ?? []}))
  ];
}

/**
 * The status line: runs, seed, how many comparisons, how long.
 *
 * @example
 * display(compareStatus(comparison));
 */
export function compareStatus(c: Comparison): HTMLElement {
  const p = document.createElement("p");
  p.className = "fs-status";
  const n = c.outcomes.length;
  p.textContent = `${formatNumber(c.runs)} doorrekeningen per scenario met startgetal ${c.seed}; ${n} paarsgewijze vergelijking${n === 1 ? "" : "en"}, ${whereComputed(c)}.`;
  return p;
}

/** The page's view of an outcome. */
export interface CompareLook {
  readonly municipality: string;
  readonly metric: SummaryRow["metric"];
}

/**
 * The fans per scenario and the paired differences with A, for one municipality and metric.
 *
 * @example
 * display(compareFigures(ctx, comparison, {municipality: "regio", metric: "placed"}));
 */
export function compareFigures(ctx: ViewContext, c: Comparison, look: CompareLook): HTMLElement {
  const root = document.createElement("div");
  const all = series(c);
  if (all.length === 0) return root;
  const {municipality, metric} = look;
  const percent = METRIC_CHOICES.find((m) => m.metric === metric)?.percent ?? false;
  const label = METRIC_LABELS[metric] ?? metric;
  const where = placeIn(ctx, municipality);
  const names = Object.fromEntries(c.scenarios.map((s) => [s.id, s.name]));
  const colors = Object.fromEntries(all.map((s, i) => [s.scenario.name, scenarioColor(i)]));
  const estimates = [...new Set(c.scenarios.flatMap((s) => simulationEstimates(ctx.datasets, s.key)))];
  const points = all.flatMap((s) => band(s.rows, municipality, metric, s.scenario.name));
  const lo = Math.min(...points.map((p) => p.p5));
  const hi = Math.max(...points.map((p) => p.p95));
  // The target in every panel where it applies (placements), each scenario its own.
  const target = metric === "placed" ? all.flatMap((s) => targetLine(s.rows, municipality).map((t) => ({...t, series: s.scenario.name}))) : undefined;
  // The agreed 7-18% band is about the share of all lettings, not the share of suitable ones.
  const range = metric === "share" && municipality !== ctx.engine.REGION ? ctx.engine.SHARE_BAND : undefined;
  const fans = summaryDownload(`scenarios-${metric}-${municipality}`, all.flatMap((s) => s.rows.filter((r) => r.municipality === municipality && r.metric === metric)), ctx.engine, names);
  const diffName = (i: number): string => `${c.scenarios[i + 1]!.name} − ${c.scenarios[0]!.name}`;
  const paired = c.outcomes.flatMap((o) => (o.paired ?? []).filter((r) => r.municipality === municipality && r.metric === metric));
  const diffs = summaryDownload(`verschil-${metric}-${municipality}`, paired, ctx.engine, names);
  root.append(
    figure({
      title: `${label[0]!.toUpperCase()}${label.slice(1)} ${where}, per scenario`,
      guide: "Elk paneel is één scenario, op dezelfde schaal; lijn = mediaan, banden = middelste 50% en 90% van de doorrekeningen.",
      legend: legend([...fanLegendItems({target: target !== undefined, ...(range ? {range} : {})}).slice(2), ...all.map((s) => ({label: s.scenario.name, kind: "band" as const, color: colors[s.scenario.name]!, opacity: 0.5}))]),
      chart: fanChart(points, {yLabel: label, percent, seriesColors: colors, width: ctx.width, height: 300, ...(target ? {target} : {}), ...(range ? {range} : {}), yDomain: [lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08], ariaLabel: `Waaiers per scenario van ${label} ${where}`}),
      estimates,
      download: fans.dutch,
      machine: fans.machine
    }),
    figure({
      title: `Verschil met ${c.scenarios[0]!.name}: ${label} ${where}`,
      guide: "Per doorrekening het verschil B − A (zelfde trekkingen); boven de nullijn doet B meer dan A. Ligt de 90%-band helemaal boven of onder nul, dan is het verschil vrijwel zeker.",
      legend: fanLegend({color: palette.difference}),
      chart: fanChart(
        c.outcomes.flatMap((o, i) => band(o.paired ?? [], municipality, metric, diffName(i))),
        {yLabel: `verschil in ${label}`, percent, zero: true, color: palette.difference, seriesColors: Object.fromEntries(c.outcomes.map((_, i) => [diffName(i), palette.difference])), width: ctx.width, height: 260, ariaLabel: `Paarsgewijs verschil met ${c.scenarios[0]!.name}`}
      ),
      estimates,
      download: diffs.dutch,
      machine: diffs.machine
    })
  );
  return root;
}

/**
 * Per municipality and scenario for one year: target, median placements and share, the scenario's cap, the
 * probabilities, and the paired difference with A (median and 90% band in one column, so the table fits the page).
 *
 * @example
 * display(compareTable(ctx, comparison, 2027));
 */
export function compareTable(ctx: ViewContext, c: Comparison, year: number): HTMLElement {
  const all = series(c);
  if (all.length === 0) return document.createElement("div");
  const {REGION} = ctx.engine;
  const rows = [...municipalityNames(all[0]!.rows, REGION), REGION].flatMap((m) =>
    all.map((s, i) => ({
      municipality: m,
      scenario: s.scenario.name,
      target: cell(s.rows, year, m, "target").p50,
      placed: cell(s.rows, year, m, "placed").p50,
      share: cell(s.rows, year, m, "share").p50,
      p: probability(s.probs, year, m),
      diff: i === 0 ? null : cell(c.outcomes[i - 1]!.paired ?? [], year, m, "placed")
    }))
  );
  type Row = (typeof rows)[number];
  const signed = (v: number): string => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));
  return dataTable<Row>({
    status: "schatting",
    name: `vergelijking-${c.scenarios.map((s) => s.id).join("-")}-${year}`,
    caption: `${year}: medianen over ${formatNumber(c.runs)} doorrekeningen; verschil = plaatsingen B − A per doorrekening (mediaan, en tussen haakjes de 90%-band). ${warnRule()}`,
    rows,
    emphasise: (d) => d.municipality === REGION,
    columns: [
      {header: "gemeente", key: "municipality", value: (d) => placeLabel(ctx, d.municipality)},
      {header: "scenario", key: "scenario", value: (d) => d.scenario},
      {header: "doel", key: "target", value: (d) => d.target, format: "count"},
      {header: "plaatsingen (mediaan)", key: "placed_p50", value: (d) => d.placed, format: "count"},
      {header: "aandeel (mediaan)", key: "share_p50", value: (d) => d.share, format: "percent"},
      {header: "plafond", key: "cap_share", value: (d) => d.p.capShare, format: "percent"},
      {header: "kans boven plafond", key: "p_exceed_cap", value: (d) => d.p.pExceedCap, format: "probability", className: (d) => warnClass(passes(d.p.pExceedCap, WARN_OVER_CAP))},
      {header: "kans doel niet gehaald", key: "p_miss_target", value: (d) => d.p.pMissTarget, format: "probability", className: (d) => warnClass(passes(d.p.pMissTarget, WARN_MISS_TARGET))},
      {header: "verschil B − A", key: "diff_placed", value: (d) => (d.diff ? `${signed(d.diff.p50)} (${signed(d.diff.p5)} tot ${signed(d.diff.p95)})` : null)}
    ]
  });
}

/**
 * The download of every number of the comparison.
 *
 * @example
 * display(compareDownload(ctx, comparison));
 */
export function compareDownload(ctx: ViewContext, c: Comparison): HTMLElement {
  const root = document.createElement("div");
  if (c.outcomes.length === 0) return root;
  const rows = [...c.outcomes[0]!.rows, ...c.outcomes.flatMap((o) => [...(o.rowsB ?? []), ...(o.paired ?? [])])];
  const names = Object.fromEntries(c.scenarios.map((s) => [s.id, s.name]));
  const {dutch, machine} = summaryDownload(`vergelijking-${c.scenarios.map((s) => s.id).join("-")}-runs${c.runs}-seed${c.seed}`, rows, ctx.engine, names);
  root.append(downloadButtons(dutch, "Alle cijfers van deze vergelijking"), downloadButtons(machine, "Voor programma's (zoals npm run simulate)"));
  return root;
}

/**
 * The scenarios as a list: name, id and description (the composition's description names its parts).
 *
 * @example
 * display(scenarioList([...Object.values(scenarios.scenarios)]));
 */
export function scenarioList(list: readonly Scenario[]): HTMLElement {
  const ul = document.createElement("ul");
  for (const s of list) {
    const li = document.createElement("li");
    li.append(Object.assign(document.createElement("strong"), {textContent: s.name}), " (", Object.assign(document.createElement("code"), {textContent: s.id}), `): ${s.description}`);
    ul.append(li);
  }
  return ul;
}

/**
 * The comparison's settings in words, for a printout: which scenarios (the composition spelled out), runs, seed,
 * municipality, outcome and year.
 *
 * @example
 * compareSettingsText(ctx, chosen, {runs: 10_000, seed: 1, municipality: "regio", metric: "placed", year: 2027});
 */
export function compareSettingsText(ctx: ViewContext, chosen: readonly Scenario[], s: {runs: number; seed: number; municipality: string; metric: SummaryRow["metric"]; year: number}): string {
  const names = chosen.map((c, i) => `${i === 0 ? "A" : "B"}: ${c.name}${c.id === OWN ? ` (${c.description})` : ""}`).join("; ");
  return `Scenario's: ${names}. ${formatNumber(s.runs)} doorrekeningen, startgetal ${s.seed}; ${placeLabel(ctx, s.municipality)}, ${METRIC_LABELS[s.metric] ?? s.metric}; tabel ${s.year}.`;
}
