// The back-test of the vacancy forecasts, drawn from the JSON of src/data/backtest.json.ts: coverage of the 50% and
// 90% bands per hold-out, the PIT histogram, each held-out year against its forecast band, and (rolling origin,
// leave one year out) coverage, bias and CRPS per municipality with a sentence saying whether forecasts lean.
// Usage on a page:
//   import {backtestView} from "./components/views/backtest.js";
//   const backtest = FileAttachment("data/backtest.json").json();
//   display(backtestView(await backtest, {model: "gamma-poisson"}));
import * as Plot from "@observablehq/plot";
import {figure} from "../figure.js";
import {formatNumber, formatPercent, tickFormat} from "../format.js";
import {palette} from "../palette.js";
import {dataTable} from "../table.js";
import type {Forecast, Scores} from "../../../simulations/recalibration/backtest.ts";

export type Holdout = number | "alle";

/** One row of the hold-out summary. */
export interface HoldoutSummary {
  readonly model: string;
  readonly holdout: Holdout;
  readonly n: number;
  readonly coverage50: number;
  readonly coverage90: number;
  readonly pit: readonly number[];
}

/** Scores of one scheme (rolling origin or leave one year out) of one model. */
export interface SchemeSummary {
  readonly model: string;
  readonly scheme: "rolling" | "loyo";
  readonly all: Scores;
  readonly lean: {readonly lean: string; readonly text: string};
  readonly municipalities: readonly (Scores & {readonly municipality: string})[];
}

/** The JSON of src/data/backtest.json.ts. */
export interface BacktestData {
  readonly seed: number;
  readonly bins: number;
  readonly window: number;
  readonly series: {readonly from: number; readonly to: number};
  readonly estimate: boolean;
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  readonly models: readonly {readonly id: string; readonly label: string}[];
  readonly forecasts: readonly Forecast[];
  readonly summary: readonly HoldoutSummary[];
  readonly schemes?: readonly SchemeSummary[];
}

export interface ViewOptions {
  readonly model?: string;
  readonly holdout?: Holdout;
  readonly width?: number;
}

/** Dutch label of a hold-out: 1 → "laatste jaar", 3 → "laatste 3 jaar", "alle" → "alle samen". */
export function holdoutLabel(holdout: Holdout): string {
  if (holdout === "alle") return "alle samen";
  return holdout === 1 ? "laatste jaar" : `laatste ${holdout} jaar`;
}

/** The narrowest back-test chart: wider than the widest margins (130px) plus room for the data. */
const MIN_CHART_WIDTH = 320;

function summaryOf(data: BacktestData, model: string): readonly HoldoutSummary[] {
  const rows = data.summary.filter((s) => s.model === model);
  if (rows.length === 0) throw new Error(`backtest: unknown model "${model}" (known: ${data.models.map((m) => m.id).join(", ")})`);
  return rows;
}

/**
 * Coverage of the 50% and 90% bands per hold-out, against the nominal 50% and 90% (dashed lines).
 *
 * @example
 * backtestCoverageChart(data, {model: "gamma-poisson"});
 */
export function backtestCoverageChart(data: BacktestData, {model = "gamma-poisson", width = 640}: ViewOptions = {}): SVGSVGElement | HTMLElement {
  const rows = summaryOf(data, model);
  const points = rows.flatMap((s) => [
    {holdout: holdoutLabel(s.holdout), band: "50%-band (P25-P75)", nominal: 0.5, coverage: s.coverage50, n: s.n},
    {holdout: holdoutLabel(s.holdout), band: "90%-band (P5-P95)", nominal: 0.9, coverage: s.coverage90, n: s.n}
  ]);
  const colors: Record<string, string> = {"50%-band (P25-P75)": palette.second, "90%-band (P5-P95)": palette.outcome};
  return Plot.plot({
    // Never narrower than the margins (Framework's width is 0 for a moment before layout).
    width: Math.max(MIN_CHART_WIDTH, width),
    height: 270,
    marginLeft: 50,
    marginBottom: 45,
    // On two lines ("laatste" over "2 jaar"): on a phone the four labels ran into each other on one.
    x: {label: "weggelaten jaren", domain: rows.map((s) => holdoutLabel(s.holdout)), tickFormat: (d: string) => d.replace(" ", "\n")},
    y: {label: "aandeel binnen de band", domain: [0, 1], tickFormat: tickFormat.percent, grid: true},
    color: {domain: Object.keys(colors), range: Object.values(colors), legend: true},
    marks: [
      Plot.ruleY([0.5, 0.9], {stroke: (d) => (d === 0.5 ? palette.second : palette.outcome), strokeDasharray: "4,3"}),
      // Side by side within each hold-out: the 50% band left, the 90% band right (dx must be a constant); each label
      // on the outer side of its own dot, so two equal coverages never print on top of each other ("88%88%").
      ...([[0.5, -7, "end"], [0.9, 7, "start"]] as const).flatMap(([nominal, dx, textAnchor]) => {
        const own = points.filter((d) => d.nominal === nominal);
        return [
          Plot.dot(own, {x: "holdout", y: "coverage", fill: "band", r: 6, dx}),
          Plot.text(own, {x: "holdout", y: "coverage", text: (d) => formatPercent(d.coverage, 0), dx: dx + Math.sign(dx) * 9, textAnchor, fontSize: 10})
        ];
      }),
      Plot.tip(points, Plot.pointer({x: "holdout", y: "coverage", title: (d) => `${d.band}, ${d.holdout}: ${formatPercent(d.coverage, 0)} van ${formatNumber(d.n)} waarden (bedoeld: ${formatPercent(d.nominal, 0)})`}))
    ],
    ariaLabel: "Dekking van de 50%- en 90%-banden per aantal weggelaten jaren"
  });
}

/**
 * The PIT histogram (randomised PIT for counts): flat when the forecasts are calibrated; a U shape means bands
 * too narrow, a hump bands too wide, a slope a forecast that is too high or too low.
 *
 * @example
 * pitHistogramChart(data, {model: "gamma-poisson", holdout: "alle"});
 */
export function pitHistogramChart(data: BacktestData, {model = "gamma-poisson", holdout = "alle", width = 640}: ViewOptions = {}): SVGSVGElement | HTMLElement {
  const row = summaryOf(data, model).find((s) => s.holdout === holdout);
  if (!row) throw new Error(`backtest: no summary for hold-out ${holdout}`);
  const bins = row.pit.map((count, i) => ({x1: i / row.pit.length, x2: (i + 1) / row.pit.length, count}));
  const flat = row.n / row.pit.length;
  return Plot.plot({
    // Never narrower than the margins (Framework's width is 0 for a moment before layout).
    width: Math.max(MIN_CHART_WIDTH, width),
    height: 220,
    marginLeft: 50,
    x: {label: "PIT (plaats van de waarneming in de voorspelde verdeling)", domain: [0, 1], tickFormat: (d) => formatNumber(d, 1)},
    // What the dashed line means is said in the axis label: written on the line, it ran over the bars above it.
    y: {label: "aantal waarden (stippellijn: vlak = goed gekalibreerd)", grid: true},
    marks: [
      Plot.rectY(bins, {x1: "x1", x2: "x2", y: "count", fill: palette.outcome, fillOpacity: 0.7, inset: 1}),
      Plot.ruleY([flat], {stroke: palette.muted, strokeDasharray: "4,3"}),
      Plot.ruleY([0])
    ],
    ariaLabel: `PIT-histogram, ${holdoutLabel(holdout)}, ${formatNumber(row.n)} waarden`
  });
}

/**
 * Each held-out year against its forecast: the P5-P95 and P25-P75 bands as bars relative to the forecast mean,
 * the realised value as a dot (red when outside the 90% band). One row per municipality and year.
 *
 * @example
 * backtestForecastChart(data, {model: "gamma-poisson", holdout: 3});
 */
export function backtestForecastChart(data: BacktestData, {model = "gamma-poisson", holdout = 3, width = 640}: ViewOptions = {}): SVGSVGElement | HTMLElement {
  const names = new Map(data.municipalities.map((m) => [m.code, m.name]));
  const rows = data.forecasts
    .filter((f) => f.model === model && f.holdout === holdout)
    .map((f) => ({
      ...f,
      label: `${names.get(f.municipality) ?? f.municipality} ${f.year}`,
      r5: f.p5 / f.mean - 1,
      r25: f.p25 / f.mean - 1,
      r75: f.p75 / f.mean - 1,
      r95: f.p95 / f.mean - 1,
      ro: f.observed / f.mean - 1,
      outside: f.observed < f.p5 || f.observed > f.p95
    }));
  return Plot.plot({
    // Never narrower than the margins (Framework's width is 0 for a moment before layout).
    width: Math.max(MIN_CHART_WIDTH, width),
    height: 24 + rows.length * 16,
    marginLeft: 130,
    x: {label: "afwijking van de voorspelde verwachting", tickFormat: (d) => formatPercent(d, 0), grid: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.ruleX([0], {stroke: palette.muted}),
      Plot.ruleY(rows, {y: "label", x1: "r5", x2: "r95", stroke: palette.outcome, strokeOpacity: 0.35, strokeWidth: 8}),
      Plot.ruleY(rows, {y: "label", x1: "r25", x2: "r75", stroke: palette.outcome, strokeOpacity: 0.8, strokeWidth: 8}),
      Plot.dot(rows, {y: "label", x: "ro", fill: (d) => (d.outside ? palette.target : "black"), r: 3.5}),
      Plot.tip(rows, Plot.pointerY({y: "label", x: "ro", title: (d) =>
        `${d.label}: gerealiseerd ${formatNumber(d.observed)}; voorspeld ${formatNumber(d.mean, 1)} (P5-P95 ${formatNumber(d.p5)}-${formatNumber(d.p95)}, P25-P75 ${formatNumber(d.p25)}-${formatNumber(d.p75)}), getraind t/m ${d.trainedThrough}`}))
    ],
    ariaLabel: `Weggelaten jaren tegen hun voorspelde banden (${holdoutLabel(holdout)})`
  });
}

function details(summary: string, content: Node): HTMLDetailsElement {
  const root = document.createElement("details");
  const title = document.createElement("summary");
  title.textContent = summary;
  root.append(title, content);
  return root;
}

/**
 * The whole back-test for one model: coverage chart, PIT histogram, forecasts against bands and a table, each in
 * the shared figure frame with downloads.
 *
 * @example
 * display(backtestView(await FileAttachment("data/backtest.json").json(), {model: "series-fit"}));
 */
export function backtestView(data: BacktestData, {model = "gamma-poisson", holdout = 3, width = 640}: ViewOptions = {}): HTMLElement {
  const label = data.models.find((m) => m.id === model)?.label ?? model;
  const estimates = data.estimate ? ["Vrijkomende sociale huurwoningen (reeks " + data.series.from + "-" + data.series.to + ")"] : [];
  const root = document.createElement("div");
  root.className = "fs-backtest";
  const summary = summaryOf(data, model);
  root.append(
    figure({
      title: `Dekking van de banden: ${label}`,
      guide: `Laat de laatste 1, 2 of 3 jaar van de reeks vrijkomende woningen weg, voorspel ze uit de jaren ervoor en tel hoe vaak de werkelijke waarde binnen de band valt. Een goede 90%-band vangt ongeveer 90%, een 50%-band ongeveer 50%. Met ${formatNumber(data.municipalities.length)} gemeenten zijn het weinig waarden: lees verschillen van 10 procentpunt niet als bewijs.`,
      chart: backtestCoverageChart(data, {model, width}),
      estimates,
      download: {
        name: `backtest-dekking-${model}`,
        header: ["model", "weggelaten_jaren", "aantal", "dekking_50", "dekking_90"],
        rows: summary.map((s) => [model, String(s.holdout), s.n, s.coverage50, s.coverage90])
      }
    }),
    figure({
      title: "PIT-histogram (alle weggelaten jaren samen)",
      guide: "Waar valt elke werkelijke waarde in de voorspelde verdeling? Bij goede voorspellingen zijn alle staven ongeveer even hoog (stippellijn). Hoge staven links: de voorspelling was te hoog; rechts: te laag; aan beide randen: banden te smal.",
      chart: pitHistogramChart(data, {model, holdout: "alle", width}),
      estimates,
      download: {
        name: `backtest-pit-${model}`,
        header: ["model", "weggelaten_jaren", "bak_van", "bak_tot", "aantal"],
        rows: summary.flatMap((s) => s.pit.map((count, i) => [model, String(s.holdout), i / s.pit.length, (i + 1) / s.pit.length, count]))
      }
    }),
    figure({
      title: `Werkelijk tegen voorspeld (${holdoutLabel(holdout)} weggelaten)`,
      guide: "Elke rij is een weggelaten jaar van een gemeente. De lichte balk is de 90%-band, de donkere de 50%-band, beide ten opzichte van de voorspelde verwachting; de stip is de werkelijke waarde (oranjerood: buiten de 90%-band).",
      chart: backtestForecastChart(data, {model, holdout, width}),
      estimates
    }),
    details(`Alle voorspellingen (${data.forecasts.filter((f) => f.model === model).length})`, dataTable({
      name: `backtest-voorspellingen-${model}`,
      caption: `Alle voorspellingen van het model ${label}`,
      columns: [
        {header: "gemeente", key: "municipality", value: (f) => data.municipalities.find((m) => m.code === f.municipality)?.name ?? f.municipality},
        {header: "jaar", key: "year", value: (f) => String(f.year)},
        {header: "weggelaten jaren", key: "holdout", value: (f) => f.holdout, format: "count"},
        {header: "werkelijk", key: "observed", value: (f) => f.observed, format: "count"},
        {header: "verwachting", key: "mean", value: (f) => f.mean, format: "decimal"},
        {header: "P5", key: "p5", value: (f) => f.p5, format: "count"},
        {header: "P25", key: "p25", value: (f) => f.p25, format: "count"},
        {header: "P75", key: "p75", value: (f) => f.p75, format: "count"},
        {header: "P95", key: "p95", value: (f) => f.p95, format: "count"},
        {header: "PIT", key: "pit", value: (f) => f.pit, format: "decimal", className: (f) => (f.observed < f.p5 || f.observed > f.p95 ? "fs-warn" : undefined)}
      ],
      rows: data.forecasts.filter((f) => f.model === model)
    }))
  );
  return root;
}

/** Dutch name of a back-test scheme. */
export function schemeLabel(scheme: "rolling" | "loyo"): string {
  return scheme === "rolling" ? "voortschrijdend startjaar" : "één jaar weglaten";
}

/**
 * The scores of one model and scheme, or undefined when the data has none.
 *
 * @example
 * schemeOf(data, "gamma-poisson", "rolling")?.lean.text;
 */
export function schemeOf(data: BacktestData, model: string, scheme: "rolling" | "loyo"): SchemeSummary | undefined {
  return data.schemes?.find((s) => s.model === model && s.scheme === scheme);
}

/**
 * Per municipality (and all together): coverage of the 50% and 90% bands, bias and CRPS, for one model and scheme,
 * with the sentence that says whether the forecasts lean as its caption.
 *
 * @example
 * display(schemeTable(data, {model: "gamma-poisson", scheme: "rolling"}));
 */
export function schemeTable(data: BacktestData, {model = "gamma-poisson", scheme = "rolling"}: {model?: string; scheme?: "rolling" | "loyo"} = {}): HTMLElement {
  const s = schemeOf(data, model, scheme);
  if (!s) throw new Error(`backtest: no ${scheme} scores for model "${model}"`);
  const names = new Map(data.municipalities.map((m) => [m.code, m.name]));
  type Row = Scores & {name: string};
  const rows: Row[] = [...s.municipalities.map((m) => ({...m, name: names.get(m.municipality) ?? m.municipality})), {...s.all, name: "alle gemeenten"}];
  return dataTable<Row>({
    name: `terugtoets-${scheme}-${model}`,
    caption: `${schemeLabel(scheme)} (${formatNumber(s.all.n)} voorspellingen). ${s.lean.text}`,
    columns: [
      {header: "gemeente", key: "municipality", value: (r) => r.name},
      {header: "voorspellingen", key: "n", value: (r) => r.n, format: "count"},
      {header: "binnen 50%-band", key: "coverage50", value: (r) => r.coverage50, format: "percent"},
      {header: "binnen 90%-band", key: "coverage90", value: (r) => r.coverage90, format: "percent", className: (r) => (r.coverage90 < 0.8 ? "fs-warn" : undefined)},
      {header: "gemiddelde afwijking", key: "bias", value: (r) => r.bias, format: "signed"},
      {header: "relatieve afwijking", key: "relative_bias", value: (r) => r.relativeBias, format: "percent"},
      {header: "CRPS", key: "crps", value: (r) => r.crps, format: "decimal"}
    ],
    rows,
    emphasise: (r) => r.name === "alle gemeenten"
  });
}
