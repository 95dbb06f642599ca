// Fan charts: nested P5-P95 and P25-P75 bands (areaY), the median as a line, the agreed target and range on top.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent, tickFormat} from "./format.js";
import {palette} from "./palette.js";

/** The narrowest chart drawn, whatever width a page asks for. */
export const MIN_WIDTH = 160;

/** One year of a quantile band. `series` names the scenario when several are drawn side by side. */
export interface BandPoint {
  readonly year: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly series?: string;
}

/** A reference value per year, e.g. the ramp path's target; `series` puts it in that scenario's panel. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
  readonly series?: string;
}

export interface FanOptions {
  /** Y-axis label with its unit, in Dutch, e.g. "plaatsingen per jaar". */
  readonly yLabel: string;
  /** Values are shares (0.095) shown as percentages. */
  readonly percent?: boolean;
  /** The agreed target per year (drawn as a dashed step line). */
  readonly target?: readonly YearValue[];
  /** An agreed range of values, e.g. the agreement's SHARE_BAND for the share of vacancies. */
  readonly range?: readonly [number, number];
  readonly color?: string;
  /** Colours per series when `points` carry several series (side by side, one panel each). */
  readonly seriesColors?: Readonly<Record<string, string>>;
  readonly width?: number;
  readonly height?: number;
  /** Fixed y domain, so small multiples can share a scale. */
  readonly yDomain?: readonly [number, number];
  /** Accessible description of the chart (Dutch). */
  readonly ariaLabel?: string;
  /** Show a zero line (for differences). */
  readonly zero?: boolean;
  /** Start a count axis at zero (default) or fit it to the data ("fit", when the band would be a hairline at 0-scale). */
  readonly baseline?: "zero" | "fit";
}

/**
 * Decimals a percentage axis needs to tell its ticks apart: one when the domain spans less than 4 points.
 *
 * @example
 * percentDigits(0.085, 0.105); // 1
 * percentDigits(0, 0.2); // 0
 */
export function percentDigits(lo: number, hi: number): number {
  return hi - lo < 0.04 ? 1 : 0;
}

/**
 * Whole-number ticks for a count axis between `lo` and `hi`, about `count` of them, with a step of 1, 2 or 5 × 10^k
 * and never less than 1: a count axis never shows half-steps (which a whole-number format would print twice).
 *
 * @example
 * integerTicks(-2, 1); // [-2, -1, 0, 1]
 * integerTicks(200, 240); // [200, 210, 220, 230, 240]
 */
export function integerTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  const step = integerStep(lo, hi, count);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(Math.round(t));
  return ticks;
}

/** The tick step integerTicks uses: 1, 2 or 5 × 10^k nearest to (hi − lo) / count, at least 1. */
function integerStep(lo: number, hi: number, count: number): number {
  const raw = Math.max(Math.abs(hi - lo) / count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/**
 * A fan chart of quantile bands over the years. Yearly values are drawn as straight segments between dots (one dot
 * per year, for the median and the target), the bands likewise: no smoothing suggests values between the years.
 *
 * @example
 * fanChart([{year: 2025, p5: 200, p25: 215, p50: 224, p75: 232, p95: 245}], {yLabel: "plaatsingen per jaar"});
 */
export function fanChart(points: readonly BandPoint[], options: FanOptions): SVGSVGElement | HTMLElement {
  const {percent = false, color = palette.outcome} = options;
  const series = [...new Set(points.map((p) => p.series).filter((s): s is string => s !== undefined))];
  const faceted = series.length > 1;
  const fill = (p: BandPoint): string =>
    faceted && p.series !== undefined ? options.seriesColors?.[p.series] ?? color : color;
  const data = points as BandPoint[];
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const format = percent ? (v: number) => formatPercent(v, 1) : (v: number) => formatNumber(v);
  const marks: Plot.Markish[] = [];
  if (options.range) {
    const [lo, hi] = options.range;
    marks.push(
      Plot.rectY([{lo, hi}], {
        x1: years[0]! - 0.4,
        x2: years[years.length - 1]! + 0.4,
        y1: "lo",
        y2: "hi",
        fill: palette.range,
        fillOpacity: 0.07
      }),
      Plot.ruleY([lo, hi], {stroke: palette.range, strokeDasharray: "2,3", strokeWidth: 1.2}),
      Plot.text([lo, hi], {
        y: (d: number) => d,
        x: years[years.length - 1]! + 0.4,
        text: (d: number) => formatPercent(d, 0),
        textAnchor: "end",
        dy: -5,
        fill: palette.range,
        fontSize: 10
      })
    );
  }
  if (options.zero) marks.push(Plot.ruleY([0], {stroke: palette.muted}));
  marks.push(
    Plot.areaY(data, {x: "year", y1: "p5", y2: "p95", fill, fillOpacity: 0.18, curve: "linear"}),
    Plot.areaY(data, {x: "year", y1: "p25", y2: "p75", fill, fillOpacity: 0.38, curve: "linear"})
  );
  // The target goes under the median: where they coincide (often, a median on target) the median stays visible,
  // and the hollow diamond around the median's dot still shows the target is there.
  if (options.target && options.target.length > 0) {
    const target = options.target as YearValue[];
    const fx = faceted && target.some((t) => t.series !== undefined) ? {fx: "series"} : {};
    marks.push(
      Plot.lineY(target, {x: "year", y: "value", z: faceted ? "series" : undefined, stroke: palette.target, strokeWidth: 1.5, strokeDasharray: "6,4", curve: "linear", ...fx}),
      Plot.dot(target, {x: "year", y: "value", stroke: palette.target, fill: "white", symbol: "diamond", r: 4.5, strokeWidth: 1.5, ...fx})
    );
  }
  marks.push(
    Plot.lineY(data, {x: "year", y: "p50", stroke: fill, strokeWidth: 2, curve: "linear"}),
    Plot.dot(data, {x: "year", y: "p50", fill, r: 2.5})
  );
  marks.push(
    Plot.tip(
      data,
      Plot.pointerX({
        x: "year",
        y: "p50",
        ...(faceted ? {fx: "series"} : {}),
        title: (p: BandPoint) =>
          [
            `${p.series ? `${p.series}, ` : ""}${p.year}`,
            `mediaan ${format(p.p50)}`,
            `50%-band ${format(p.p25)} – ${format(p.p75)}`,
            `90%-band ${format(p.p5)} – ${format(p.p95)}`
          ].join("\n")
      })
    )
  );
  const yDomain = options.yDomain ? [...options.yDomain] : undefined;
  // Framework's `width` is 0 for a moment before layout; a chart is never narrower than this.
  const width = Math.max(MIN_WIDTH, options.width ?? 640);
  // Every year has a tick; narrow charts (small multiples) label only the first and the last year, so the labels do
  // not run into each other and the span reads at a glance.
  const panelWidth = faceted ? width / series.length : width;
  const sparse = panelWidth < 360 && years.length > 3;
  const yearLabel = (d: number): string =>
    !sparse || d === years[0] || d === years[years.length - 1] ? tickFormat.year(d) : "";
  const values = points.flatMap((p) => [p.p5, p.p95]).concat((options.target ?? []).map((t) => t.value));
  const lo = yDomain ? yDomain[0]! : Math.min(...values, ...(options.range ?? []));
  const hi = yDomain ? yDomain[1]! : Math.max(...values, ...(options.range ?? []));
  const digits = percentDigits(lo, hi);
  // Counts get whole-number ticks only (the axis includes zero unless fitted or fixed).
  const countZero = !yDomain && !percent && !options.zero && options.baseline !== "fit";
  // Without a fixed domain the axis is rounded out to whole steps here (instead of Plot's `nice`, whose step could
  // differ from these ticks).
  const height = options.height ?? 280;
  const tickCount = Math.max(3, Math.round(height / 50));
  let countDomain: [number, number] | undefined;
  if (!percent && !yDomain) {
    const a = countZero ? Math.min(0, lo) : lo;
    const b = countZero ? Math.max(0, hi) : hi;
    const step = integerStep(a, b, tickCount);
    countDomain = [Math.floor(a / step) * step, Math.max(Math.ceil(b / step) * step, Math.floor(a / step) * step + step)];
  }
  const yTicks = percent ? undefined : integerTicks(...(countDomain ?? [lo, hi]), tickCount);
  return Plot.plot({
    width,
    height,
    marginLeft: percent ? 48 : 52,
    marginRight: 16,
    ariaLabel: options.ariaLabel,
    ...(faceted ? {fx: {label: null, domain: series, padding: 0.12}} : {}),
    facet: faceted ? {data, x: "series"} : undefined,
    x: {
      label: "jaar",
      tickFormat: yearLabel,
      ticks: years,
      domain: [years[0]! - 0.4, years[years.length - 1]! + 0.4],
      labelAnchor: "right"
    },
    y: {
      label: options.yLabel,
      grid: true,
      nice: percent,
      zero: percent ? false : countZero,
      ...(yTicks ? {ticks: yTicks} : {}),
      tickFormat: percent ? (d: number) => formatPercent(d, digits) : tickFormat.count,
      ...(yDomain ? {domain: yDomain} : countDomain ? {domain: countDomain} : {})
    },
    marks
  });
}

/** An entry of a chart legend drawn in HTML. */
export interface LegendItem {
  readonly label: string;
  /** "band" (filled box at an opacity), "line" (solid), "dash" (dashed line). */
  readonly kind: "band" | "line" | "dash";
  readonly color: string;
  readonly opacity?: number;
}

/**
 * The standard legend of a fan chart: the two bands, the median, and optionally the target and the range.
 *
 * @example
 * display(fanLegend({target: true, range: engine.SHARE_BAND}));
 */
export function fanLegend(options: {target?: boolean; range?: readonly [number, number]; color?: string} = {}): HTMLElement {
  return legend(fanLegendItems(options));
}

/**
 * The entries of a fan chart's legend (bands, median, target, range), for legends that add their own.
 *
 * @example
 * fanLegendItems({target: true}).slice(3); // the target's entry only
 */
export function fanLegendItems(options: {target?: boolean; range?: readonly [number, number]; color?: string} = {}): LegendItem[] {
  const color = options.color ?? palette.outcome;
  const items: LegendItem[] = [
    {label: "90% van de uitkomsten (P5–P95)", kind: "band", color, opacity: 0.18},
    {label: "50% van de uitkomsten (P25–P75)", kind: "band", color, opacity: 0.45},
    {label: "mediaan (P50)", kind: "line", color}
  ];
  if (options.target) items.push({label: "afspraak (ingroeipad)", kind: "dash", color: palette.target});
  if (options.range) items.push(rangeLegendItem(options.range));
  return items;
}

/**
 * The legend entry of the agreed band ("afgesproken bandbreedte 7–18%"), from the band itself.
 *
 * @example
 * rangeLegendItem(engine.SHARE_BAND).label; // "afgesproken bandbreedte 7–18%"
 */
export function rangeLegendItem(range: readonly [number, number]): LegendItem {
  return {label: `afgesproken bandbreedte ${formatPercent(range[0], 0).replace("%", "")}–${formatPercent(range[1], 0)}`, kind: "dash", color: palette.range};
}

/**
 * An HTML legend.
 *
 * @example
 * legend([{label: "mediaan", kind: "line", color: "#0072b2"}]);
 */
export function legend(items: readonly LegendItem[]): HTMLElement {
  const root = document.createElement("div");
  root.className = "fs-legend";
  for (const item of items) {
    const entry = document.createElement("span");
    const swatch = document.createElement("i");
    if (item.kind === "band") {
      swatch.style.background = item.color;
      swatch.style.opacity = String(item.opacity ?? 0.3);
    } else {
      swatch.style.height = "0";
      swatch.style.borderTop = `2px ${item.kind === "dash" ? "dashed" : "solid"} ${item.color}`;
    }
    entry.append(swatch, document.createTextNode(item.label));
    root.append(entry);
  }
  return root;
}
