// The allocation-key page (src/verdeelsleutels.md): every key of the scenario files and the reader's own mix side
// by side, per municipality: target per ramp period and target as a share of expected vacancies. No simulation:
// the engine's key and ramp functions give these directly.
import * as Plot from "@observablehq/plot";
import type {ModelInputs, Scenario} from "../../lib/engine-browser.ts";
import type {ScenarioSet} from "../engine.js";
import {legend, rangeLegendItem} from "../fan.js";
import {figure} from "../figure.js";
import {formatNumber, formatPercent, tickFormat} from "../format.js";
import {BASES, BASIS_LABELS, describeKey, fixedNames, keyRows, type Basis, type KeyRow, type KeyWeights} from "../keys.js";
import {palette, scenarioColor} from "../palette.js";
import {estimatedDatasets} from "../provenance.js";
import {codecs, field} from "../state.js";
import {dataTable} from "../table.js";
import {bandText, type ViewContext} from "./context.js";
import type {InputsLike} from "./inputs-like.js";
import {outsideBand, warnClass} from "./warn.js";

/** The id of the reader's own mix among the keys. */
export const OWN_MIX = "eigen-mix";

/** The weights of the reader's mix, in percent per basis. */
export type Mix = Readonly<Record<Basis, number>>;

/** A key on the page: the file it comes from (or the own mix), its words and weights. */
export interface PageKey {
  readonly id: string;
  readonly label: string;
  readonly key: KeyWeights;
}

/** The scenario files with a key no earlier file has, the agreed one first. */
function keyFiles(scenarios: ScenarioSet): string[] {
  const seen = new Set<string>();
  return scenarios.ids.filter((id) => {
    const text = JSON.stringify(scenarios.scenarios[id]!.key);
    return !seen.has(text) && Boolean(seen.add(text));
  });
}

/**
 * The page's state: the mix's four weights and the key shown in detail.
 *
 * @example
 * const state = urlState(allocationSpec(scenarios));
 */
export function allocationSpec(scenarios: ScenarioSet) {
  const weight = (): ReturnType<typeof field<number>> => field(codecs.integer(0, 100), 25, "replace");
  return {
    inhabitants: weight(),
    households: weight(),
    socialStock: weight(),
    vacancies: weight(),
    key: field(codecs.oneOf([...keyFiles(scenarios), OWN_MIX]), "agreed")
  };
}

/**
 * The page's inputs: four sliders for the mix, and the choice of the key shown in detail.
 *
 * @example
 * const inputs = allocationInputs(Inputs, scenarios);
 */
export function allocationInputs(Inputs: InputsLike, scenarios: ScenarioSet) {
  const slider = (basis: Basis) => Inputs.range([0, 100], {step: 5, label: BASIS_LABELS[basis]});
  return {
    mix: {inhabitants: slider("inhabitants"), households: slider("households"), socialStock: slider("socialStock"), vacancies: slider("vacancies")},
    detail: {key: Inputs.radio([...keyFiles(scenarios), OWN_MIX], {label: "Verdeelsleutel", format: (id) => (id === OWN_MIX ? "eigen mix" : describeKey(scenarios.scenarios[id]!.key))})}
  };
}

/**
 * The keys of the scenario files, and the own mix when one weight is above 0 (weights scaled to add up to 1).
 *
 * @example
 * pageKeys(scenarios, {inhabitants: 50, households: 0, socialStock: 50, vacancies: 0}).at(-1)?.label; // "eigen mix: 50% inwoners + 50% sociale huurvoorraad"
 */
export function pageKeys(scenarios: ScenarioSet, mix: Mix): PageKey[] {
  const files = keyFiles(scenarios).map((id) => ({id, label: describeKey(scenarios.scenarios[id]!.key), key: scenarios.scenarios[id]!.key}));
  const total = BASES.reduce((sum, b) => sum + mix[b], 0);
  if (total <= 0) return files;
  const key = Object.fromEntries(BASES.filter((b) => mix[b] > 0).map((b) => [b, mix[b] / total])) as KeyWeights;
  return [...files, {id: OWN_MIX, label: `eigen mix: ${describeKey(key)}`, key}];
}

/**
 * A warning when the mix has no weight (an empty element otherwise).
 *
 * @example
 * display(mixWarning({inhabitants: 0, households: 0, socialStock: 0, vacancies: 0}));
 */
export function mixWarning(mix: Mix): HTMLElement {
  const p = document.createElement("p");
  if (BASES.every((b) => mix[b] <= 0)) {
    p.className = "fs-warn";
    p.textContent = "Geef minstens één sleutel een gewicht groter dan 0 om een eigen mix te zien.";
  } else p.hidden = true;
  return p;
}

/**
 * One dot per key and municipality on a common axis; the keys sit on their own line within a municipality's row,
 * so equal values (a small municipality often gets the same target under every key) never hide each other.
 */
function dotChart(ctx: ViewContext, keys: readonly PageKey[], rows: readonly KeyRow[], value: (r: KeyRow) => number, label: string, percent: boolean, range?: readonly [number, number]): SVGSVGElement | HTMLElement {
  const others = rows.filter((r) => !r.fixed);
  const municipalities = [...new Set(others.map((r) => r.municipality))];
  const colors = keys.map((_, i) => scenarioColor(i));
  const step = Math.min(7, 26 / Math.max(1, keys.length));
  return Plot.plot({
    width: Math.max(300, ctx.width),
    height: 50 + 40 * municipalities.length,
    marginLeft: 96,
    x: {label, grid: true, tickFormat: percent ? tickFormat.percent : tickFormat.count, zero: true},
    y: {label: null, domain: municipalities},
    color: {domain: keys.map((k) => k.label), range: colors},
    symbol: {domain: keys.map((k) => k.label), legend: true},
    marks: [
      ...(range ? [Plot.rectX([range], {x1: (d: readonly number[]) => d[0], x2: (d: readonly number[]) => d[1], fill: palette.range, fillOpacity: 0.08}), Plot.ruleX(range, {stroke: palette.range, strokeDasharray: "2,3"})] : []),
      Plot.ruleY(others, Plot.groupY({x1: "min", x2: "max"}, {y: "municipality", x: value, stroke: "#aaa"})),
      ...keys.map((k, i) =>
        Plot.dot(others.filter((r) => r.key === k.label), {x: value, y: "municipality", dy: (i - (keys.length - 1) / 2) * step, fill: () => k.label, symbol: () => k.label, r: 4.5, stroke: "white", strokeWidth: 0.5, tip: true, title: (r: KeyRow) => `${r.municipality}, ${k.label}: ${percent ? formatPercent(value(r)) : formatNumber(value(r))}`})
      )
    ]
  });
}

/** The rows of every key, with the agreed scenario's ramp. */
export function allKeyRows(ctx: ViewContext, inputs: ModelInputs, agreed: Scenario, keys: readonly PageKey[]): KeyRow[] {
  return keys.flatMap((k) => keyRows(ctx.engine, inputs, agreed, k.key, k.label));
}

/**
 * The two dot charts: target per key in the last ramp period, and that target as a share of expected vacancies.
 *
 * @example
 * display(keyCharts(ctx, inputs, agreed, keys));
 */
export function keyCharts(ctx: ViewContext, inputs: ModelInputs, agreed: Scenario, keys: readonly PageKey[]): HTMLElement {
  const rows = allKeyRows(ctx, inputs, agreed, keys);
  const others = rows.filter((r) => !r.fixed);
  const fixed = fixedNames(rows);
  const periods = agreed.ramp.map((p) => `${p.from}-${p.to}`);
  const last = periods.at(-1)!;
  const lastPeriod = agreed.ramp.at(-1)!;
  const usedBases = [...new Set(keys.flatMap((k) => BASES.filter((b) => (k.key[b] ?? 0) > 0)))];
  const estimates = estimatedDatasets(ctx.datasets, ["vacancies", ...usedBases]);
  const band = ctx.engine.SHARE_BAND;
  const root = document.createElement("div");
  root.append(
    figure({
      title: `Doel per jaar in ${last} per verdeelsleutel${fixed ? ` (de gemeenten naast ${fixed})` : ""}`,
      guide: `Elke stip is het doel dat een sleutel een gemeente geeft (plaatsingen per jaar${"others" in lastPeriod ? `, van de ${formatNumber(lastPeriod.others)} voor de ${fixed ? `gemeenten naast ${fixed}` : "gemeenten"} samen` : ""}); hoe verder de stippen uit elkaar liggen, hoe meer de keuze van de sleutel voor die gemeente uitmaakt. Per gemeente staat elke sleutel op een eigen hoogte.`,
      chart: dotChart(ctx, keys, rows, (r) => r.targets[last]!, "plaatsingen per jaar (doel)", false),
      estimates,
      download: {name: `doel-per-sleutel-${last}`, dutch: true, formats: [undefined, undefined, undefined, "percent", ...periods.map(() => "count" as const)], header: ["verdeelsleutel", "gemeente", "gemeentecode", "aandeel van de zeven", ...periods.map((p) => `doel per jaar ${p}`)], rows: others.map((r) => [r.key, r.municipality, r.code, r.share, ...periods.map((p) => r.targets[p]!)])}
    }),
    figure({
      title: `Doel als aandeel van de verwachte vrijkomende sociale huurwoningen, ${last}`,
      guide: `Het doel gedeeld door het verwachte aantal vrijkomende sociale huurwoningen per jaar; de groene band is de afgesproken bandbreedte van ${bandText(ctx)}.`,
      legend: legend([rangeLegendItem(band)]),
      chart: dotChart(ctx, keys, rows, (r) => r.vacancyShares[last]!, "aandeel van vrijkomende woningen (%)", true, band),
      estimates,
      download: {name: `aandeel-per-sleutel-${last}`, dutch: true, formats: [undefined, undefined, undefined, "decimal", ...periods.map(() => "percent" as const)], header: ["verdeelsleutel", "gemeente", "gemeentecode", "verwacht vrijkomend per jaar (schatting)", ...periods.map((p) => `aandeel vrijkomend ${p}`)], rows: others.map((r) => [r.key, r.municipality, r.code, r.expectedVacancies, ...periods.map((p) => r.vacancyShares[p]!)])}
    })
  );
  return root;
}

// "Amersfoort heeft een vast aantal …" for the municipalities the ramp fixes; nothing when it fixes none.
function fixedSentence(rows: readonly KeyRow[]): string {
  const names = fixedNames(rows);
  if (!names) return "";
  return `${names} ${names.includes(" en ") ? "hebben" : "heeft"} een vast aantal in het ingroeipad; de sleutel verdeelt het totaal van de andere gemeenten. `;
}

/**
 * The detail table of one key: the bases it divides by, share, targets and shares of vacancies per period.
 *
 * @example
 * display(keyTable(ctx, inputs, agreed, keys, "agreed"));
 */
export function keyTable(ctx: ViewContext, inputs: ModelInputs, agreed: Scenario, keys: readonly PageKey[], id: string): HTMLElement {
  const chosen = keys.find((k) => k.id === id) ?? keys[0]!;
  const detail = keyRows(ctx.engine, inputs, agreed, chosen.key, chosen.label);
  const byCode = new Map(ctx.datasets.municipalities.map((m) => [m.code, m]));
  const periods = agreed.ramp.map((p) => `${p.from}-${p.to}`);
  const figureOf = (r: KeyRow, b: Exclude<Basis, "vacancies">) => byCode.get(r.code)![b];
  const bases = BASES.filter((b): b is Exclude<Basis, "vacancies"> => (chosen.key[b] ?? 0) > 0 && b !== "vacancies");
  return dataTable<KeyRow>({
    status: "schatting",
    name: `verdeelsleutel-${chosen.id}`,
    caption: `Sleutel: ${chosen.label}. ${fixedSentence(detail)}Oranjerood: buiten de afgesproken bandbreedte van ${bandText(ctx)}; cursief: een geschat cijfer.`,
    rows: detail,
    columns: [
      {header: "gemeente", key: "municipality", value: (r) => r.municipality},
      ...bases.map((b) => ({header: `${BASIS_LABELS[b]}${figureOf(detail[0]!, b).status === "estimate" ? " (schatting)" : ""}`, key: b, value: (r: KeyRow) => figureOf(r, b).value, format: "count" as const, className: (r: KeyRow) => (figureOf(r, b).status === "estimate" ? "fs-estimate" : undefined)})),
      {header: "aandeel van de zeven", key: "share", value: (r) => (r.fixed ? null : r.share), format: "percent"},
      ...periods.map((p) => ({header: `doel per jaar ${p}`, key: `target_${p}`, value: (r: KeyRow) => r.targets[p] ?? null, format: "count" as const})),
      {header: "verwacht vrijkomend per jaar", key: "expected_vacancies", value: (r) => r.expectedVacancies, format: "count"},
      ...periods.map((p) => ({header: `aandeel vrijkomend ${p}`, key: `vacancy_share_${p}`, value: (r: KeyRow) => r.vacancyShares[p] ?? null, format: "percent" as const, className: (r: KeyRow) => warnClass(outsideBand(r.vacancyShares[p]!, ctx.engine.SHARE_BAND))}))
    ]
  });
}
