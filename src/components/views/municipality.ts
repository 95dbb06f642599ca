// The page of one municipality (src/gemeente/[gemeente].md): its figures, the agreed scenario's bands, its vacancy
// series, its inflow prognosis and its target under every key. One simulation (the Overview's), no inputs.
import * as Plot from "@observablehq/plot";
import type {ModelInputs, Scenario} from "../../lib/engine-browser.ts";
import type {Municipality} from "../../../loaders/types.ts";
import type {SimulationOutcome} from "../engine.js";
import {fanChart, fanLegend} from "../fan.js";
import {estimateBadge, figure} from "../figure.js";
import {formatNumber, formatPercent, tickFormat} from "../format.js";
import {describeKey, fixedNames, keyRows} from "../keys.js";
import {slugify} from "../municipalities.js";
import {palette, scenarioColor} from "../palette.js";
import {simulationEstimates, STATUS_LABELS, whereComputed} from "../provenance.js";
import {band, cell, probability, summaryDownload, targetLine, years} from "../summary.js";
import {dataTable} from "../table.js";
import {bandText, columnWidth, type ViewContext} from "./context.js";
import {outsideBand, passes, warnClass, WARN_MISS_TARGET, WARN_OVER_CAP} from "./warn.js";

/** What the views of one municipality share. */
export interface MunicipalityBasis {
  readonly municipality: Municipality;
  readonly agreed: Scenario;
  /** The engine's inputs for the agreed scenario (expected vacancies, key bases). */
  readonly inputs: ModelInputs;
  /** The default scenarios, for the key table. */
  readonly scenarios: readonly Scenario[];
}

/**
 * The municipality of a route, or a Dutch error naming the route and the data file.
 *
 * @example
 * findMunicipality(ctx, "baarn").name; // "Baarn"
 */
export function findMunicipality(ctx: ViewContext, slug: string): Municipality {
  const found = ctx.datasets.municipalities.find((m) => m.inAgreement && slugify(m.name) === slug);
  if (!found) throw new Error(`Geen gemeente "${slug}" in de afspraak (data/municipalities.csv).`);
  return found;
}

/**
 * The four key figures as cards, then a paragraph with the expected vacancies and the agreed targets.
 *
 * @example
 * display(municipalityIntro(ctx, basis));
 */
export function municipalityIntro(ctx: ViewContext, b: MunicipalityBasis): HTMLElement {
  const m = b.municipality;
  const index = b.inputs.municipalities.findIndex((x) => x.code === m.code);
  const root = document.createElement("div");
  root.className = "fs-municipality";
  const cards = document.createElement("div");
  cards.className = "grid grid-cols-4";
  for (const [label, f] of [["inwoners", m.inhabitants], ["huishoudens", m.households], ["woningen", m.dwellings], ["sociale huurvoorraad (corporatiebezit)", m.socialStock]] as const) {
    const card = document.createElement("div");
    card.className = "card";
    const guide = document.createElement("div");
    guide.className = "fs-guide";
    guide.append(`${f.year}`, f.status === "estimate" ? " " : ` · ${STATUS_LABELS[f.status]}`);
    if (f.status === "estimate") guide.append(estimateBadge([label]));
    card.append(Object.assign(document.createElement("h2"), {textContent: label}), Object.assign(document.createElement("span"), {className: "big", textContent: formatNumber(f.value)}), guide);
    cards.append(card);
  }
  const targets = b.agreed.ramp.map((p) => `${formatNumber(ctx.engine.yearTargets(p, b.agreed.key, b.inputs.basis, b.inputs.municipalities)[index]!)} per jaar in ${p.from}-${p.to}`).join(" en ");
  const p = document.createElement("p");
  p.append(
    `${m.name} (CBS-code ${m.code}, provincie ${m.province}) doet mee aan de fair share-afspraak. Naar verwachting komen er per jaar ongeveer `,
    Object.assign(document.createElement("strong"), {textContent: formatNumber(b.inputs.vacancies.mean[index]!)}),
    ` sociale huurwoningen vrij (gemiddelde van de laatste ${b.agreed.vacancyWindow} jaar in de reeks hieronder). Het afgesproken scenario geeft ${m.name} een doel van ${targets}.`
  );
  root.append(cards, p);
  return root;
}

/**
 * The status line of the simulation.
 *
 * @example
 * display(municipalityStatus(outcome));
 */
export function municipalityStatus(outcome: SimulationOutcome): HTMLElement {
  const p = document.createElement("p");
  p.className = "fs-status";
  p.textContent = `${formatNumber(outcome.runs)} doorrekeningen met startgetal ${outcome.seed} (${whereComputed(outcome)}), dezelfde als op de pagina Overzicht.`;
  return p;
}

/**
 * Four fans: placements against the target, share against the band, backlog and inflow.
 *
 * @example
 * display(municipalityFans(ctx, basis, outcome));
 */
export function municipalityFans(ctx: ViewContext, b: MunicipalityBasis, outcome: SimulationOutcome): HTMLElement {
  const name = b.municipality.name;
  const slug = slugify(name);
  const estimates = simulationEstimates(ctx.datasets, b.agreed.key);
  const w = columnWidth(ctx.width, 2);
  const names = {[outcome.a.id]: outcome.a.name};
  const of = (...metrics: string[]): typeof outcome.rows => outcome.rows.filter((r) => r.municipality === name && metrics.includes(r.metric));
  const fan = (title: string, guide: string, metrics: string[], legendOptions: Parameters<typeof fanLegend>[0], chart: Node, file: string): HTMLElement => {
    const d = summaryDownload(`${slug}-${file}`, of(...metrics), ctx.engine, names);
    return figure({title, guide, legend: fanLegend(legendOptions), chart, estimates, download: d.dutch, machine: d.machine});
  };
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-2";
  grid.append(
    fan(`Plaatsingen per jaar in ${name}`, "Lijn = mediaan, banden = middelste 50% en 90% van de doorrekeningen; oranje stippellijn = het doel uit ingroeipad en verdeelsleutel.", ["placed", "target"], {target: true},
      fanChart(band(outcome.rows, name, "placed"), {yLabel: "plaatsingen per jaar", target: targetLine(outcome.rows, name), width: w, height: 240, ariaLabel: `Waaier van de plaatsingen in ${name}`}), "plaatsingen"),
    fan(`Aandeel van de vrijkomende sociale huurwoningen in ${name}`, `Welk deel van de vrijkomende sociale huurwoningen naar urgenten gaat; groen = de afgesproken bandbreedte van ${bandText(ctx)}.`, ["share"], {range: ctx.engine.SHARE_BAND},
      fanChart(band(outcome.rows, name, "share"), {yLabel: "aandeel van vrijkomende woningen (%)", percent: true, range: ctx.engine.SHARE_BAND, width: w, height: 240, ariaLabel: `Waaier van het aandeel van de vrijkomende woningen in ${name}`}), "aandeel"),
    fan(`Wachtenden met herkomst ${name}`, "Mensen met deze herkomstgemeente die aan het eind van het jaar nog niet geplaatst zijn en naar het volgende jaar doorschuiven.", ["backlog"], {},
      fanChart(band(outcome.rows, name, "backlog"), {yLabel: "wachtenden aan het eind van het jaar", width: w, height: 240, ariaLabel: `Waaier van de wachtenden met herkomst ${name}`}), "wachtenden"),
    fan(`Nieuwe urgenten met herkomst ${name}`, "De instroom per jaar volgens de prognose (midden), met de toevalsspreiding; dit is de vraag, de plaatsingen hierboven zijn het aanbod.", ["inflow"], {},
      fanChart(band(outcome.rows, name, "inflow"), {yLabel: "nieuwe urgenten per jaar", width: w, height: 240, ariaLabel: `Waaier van de instroom met herkomst ${name}`}), "instroom")
  );
  return grid;
}

/**
 * Medians and probabilities per year.
 *
 * @example
 * display(municipalityTable(ctx, basis, outcome));
 */
export function municipalityTable(ctx: ViewContext, b: MunicipalityBasis, outcome: SimulationOutcome): HTMLElement {
  const name = b.municipality.name;
  const c = (y: number, metric: "target" | "placed" | "vacancies" | "share" | "backlog") => cell(outcome.rows, y, name, metric);
  const p = (y: number) => probability(outcome.probabilities, y, name);
  const cap = formatPercent(outcome.probabilities[0]?.capShare ?? ctx.engine.DEFAULT_CAP_SHARE, 0);
  return dataTable<number>({
    status: "schatting",
    name: `${slugify(name)}-per-jaar`,
    caption: `${name}, afgesproken scenario: mediaan en kansen per jaar over ${formatNumber(outcome.runs)} doorrekeningen.`,
    rows: years(outcome.rows),
    columns: [
      {header: "jaar", key: "year", value: (y) => String(y)},
      {header: "doel", key: "target", value: (y) => c(y, "target").p50, format: "count"},
      {header: "plaatsingen (mediaan)", key: "placed_p50", value: (y) => c(y, "placed").p50, format: "count"},
      {header: "P5", key: "placed_p5", value: (y) => c(y, "placed").p5, format: "count"},
      {header: "P95", key: "placed_p95", value: (y) => c(y, "placed").p95, format: "count"},
      {header: "vrijkomend (mediaan)", key: "vacancies_p50", value: (y) => c(y, "vacancies").p50, format: "count"},
      {header: "aandeel (mediaan)", key: "share_p50", value: (y) => c(y, "share").p50, format: "percent"},
      {header: `kans aandeel > ${cap}`, key: "p_exceed_cap", value: (y) => p(y).pExceedCap, format: "probability", className: (y) => warnClass(passes(p(y).pExceedCap, WARN_OVER_CAP))},
      {header: "kans doel niet gehaald", key: "p_miss_target", value: (y) => p(y).pMissTarget, format: "probability", className: (y) => warnClass(passes(p(y).pMissTarget, WARN_MISS_TARGET))},
      {header: "wachtenden (mediaan)", key: "backlog_p50", value: (y) => c(y, "backlog").p50, format: "count"}
    ]
  });
}

/**
 * The vacancy series the model draws from: published values filled, estimates open, the expected level dashed.
 *
 * @example
 * display(vacancySeries(ctx, basis));
 */
export function vacancySeries(ctx: ViewContext, b: MunicipalityBasis): HTMLElement {
  const m = b.municipality;
  const index = b.inputs.municipalities.findIndex((x) => x.code === m.code);
  const series = ctx.datasets.vacancies.filter((v) => v.municipality === m.code).sort((x, y) => x.year - y.year);
  return figure({
    title: `Vrijgekomen sociale huurwoningen per jaar in ${m.name}`,
    guide: "De reeks uit data/vacancies.csv waaruit het model verwachting en spreiding haalt; open rondjes zijn schattingen, gevulde gepubliceerde cijfers. Stippellijn: het verwachte aantal per jaar.",
    chart: Plot.plot({
      width: Math.max(300, Math.min(ctx.width, 640)),
      height: 220,
      x: {label: "jaar", tickFormat: tickFormat.year, ticks: series.map((v) => v.year)},
      y: {label: "vrijgekomen woningen per jaar", grid: true, zero: true, tickFormat: tickFormat.count},
      marks: [
        Plot.ruleY([b.inputs.vacancies.mean[index]!], {stroke: palette.muted, strokeDasharray: "4,3"}),
        Plot.lineY(series, {x: "year", y: "vacancies", stroke: palette.outcome}),
        Plot.dot(series, {x: "year", y: "vacancies", stroke: palette.outcome, fill: (v) => (v.status === "estimate" ? "white" : palette.outcome), r: 4, tip: true, title: (v) => `${v.year}: ${formatNumber(v.vacancies)} (${STATUS_LABELS[v.status as keyof typeof STATUS_LABELS]})\n${v.source}`})
      ]
    }),
    estimates: series.some((v) => v.status === "estimate") ? ["Vrijkomende sociale huurwoningen"] : [],
    download: {name: `${slugify(m.name)}-vrijkomend`, dutch: true, header: ["gemeentecode", "jaar", "vrijgekomen woningen", "status", "bron"], rows: series.map((v) => [v.municipality, v.year, v.vacancies, STATUS_LABELS[v.status as keyof typeof STATUS_LABELS] ?? v.status, v.source ?? ""])}
  });
}

const VARIANT: Readonly<Record<string, string>> = {low: "laag", central: "midden", high: "hoog"};

/**
 * The inflow prognosis per group, year and variant (stacked bars), and the return shares.
 *
 * @example
 * display(prognosisBars(ctx, basis));
 */
export function prognosisBars(ctx: ViewContext, b: MunicipalityBasis): HTMLElement {
  const m = b.municipality;
  const groups = ctx.datasets.groups;
  const groupName = Object.fromEntries(groups.map((g) => [g.id, g.name]));
  const prognosis = ctx.datasets.prognosis.filter((p) => p.origin === m.code);
  const root = figure({
    title: `Benodigde plaatsingen per jaar met herkomst ${m.name}, per groep en prognosevariant`,
    guide: "Gestapeld per groep; per jaar drie kolommen: de varianten L = laag, M = midden en H = hoog van de prognose.",
    chart: Plot.plot({
      width: Math.max(300, Math.min(ctx.width, 760)),
      height: 260,
      marginBottom: 40,
      fx: {label: null, tickFormat: tickFormat.year, padding: 0.15},
      x: {label: null, domain: ["low", "central", "high"], tickFormat: (v: string) => (VARIANT[v] ?? v)[0]!.toUpperCase(), tickSize: 0},
      y: {label: "plaatsingen per jaar", grid: true, tickFormat: tickFormat.count},
      color: {legend: true, domain: groups.map((g) => g.name), range: groups.map((_, i) => scenarioColor(i))},
      marks: [
        Plot.barY(prognosis, {fx: "year", x: "variant", y: "placements", fill: (p) => groupName[p.group], tip: true, title: (p) => `${groupName[p.group]}, ${p.year}, ${VARIANT[p.variant]}: ${formatNumber(p.placements)}`}),
        Plot.ruleY([0])
      ]
    }),
    estimates: prognosis.some((p) => p.status === "estimate") ? ["Prognose benodigde plaatsingen (Companen)"] : [],
    download: {name: `${slugify(m.name)}-prognose`, dutch: true, header: ["groep", "herkomstgemeente", "jaar", "variant", "benodigde plaatsingen", "status"], rows: prognosis.map((p) => [groupName[p.group] ?? p.group, p.origin, p.year, VARIANT[p.variant] ?? p.variant, p.placements, STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status])}
  });
  const note = document.createElement("p");
  note.className = "fs-guide";
  note.textContent = `Aandeel dat terugkeert naar de herkomstgemeente (instroom = uitstroom): ${groups.map((g) => `${g.name.toLowerCase()} ${formatPercent(g.returnShare.value, 0)}`).join("; ")}.`;
  root.append(note);
  return root;
}

/**
 * The municipality's target under each key of the scenario files, per ramp period, and as a share of vacancies.
 *
 * @example
 * display(municipalityKeys(ctx, basis));
 */
export function municipalityKeys(ctx: ViewContext, b: MunicipalityBasis): HTMLElement {
  const m = b.municipality;
  const seen = new Set<string>();
  const keys = b.scenarios.filter((s) => !seen.has(JSON.stringify(s.key)) && seen.add(JSON.stringify(s.key)));
  const byKey = keys.map((s) => keyRows(ctx.engine, b.inputs, b.agreed, s.key, describeKey(s.key)));
  const mine = byKey.map((rows) => rows.find((r) => r.code === m.code)!);
  const periods = b.agreed.ramp.map((p) => `${p.from}-${p.to}`);
  return dataTable({
    status: "schatting",
    name: `${slugify(m.name)}-sleutels`,
    caption: mine[0]?.fixed ? `${m.name} heeft een vast aantal in het ingroeipad; de sleutel verandert het doel niet.` : `Het doel van ${m.name} onder elke sleutel (van het totaal van de gemeenten naast ${fixedNames(byKey[0]!)}). Oranjerood: buiten de afgesproken bandbreedte van ${bandText(ctx)}.`,
    rows: mine,
    columns: [
      {header: "verdeelsleutel", key: "key", value: (r) => r.key},
      {header: "aandeel van de zeven", key: "share", value: (r) => (r.fixed ? null : r.share), format: "percent"},
      ...periods.map((p) => ({header: `doel ${p}`, key: `target_${p}`, value: (r: (typeof mine)[number]) => r.targets[p] ?? null, format: "count" as const})),
      ...periods.map((p) => ({header: `aandeel vrijkomend ${p}`, key: `vacancy_share_${p}`, value: (r: (typeof mine)[number]) => r.vacancyShares[p] ?? null, format: "percent" as const, className: (r: (typeof mine)[number]) => warnClass(outsideBand(r.vacancyShares[p]!, ctx.engine.SHARE_BAND))}))
    ]
  });
}
