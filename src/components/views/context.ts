// What every view needs besides its results: the engine's facts (region, agreed band, defaults), the datasets, the
// page width, and the build's data and engine versions (for printouts). Views are functions of these and return
// DOM nodes; pages keep prose, inputs and `display`.
import type * as EngineModule from "../../lib/engine-browser.ts";
import type {Datasets} from "../../../loaders/types.ts";
import {formatPercent} from "../format.js";

/** The engine module as views use it (src/lib/engine-browser.ts without the worker pool's extras). */
export type Engine = Omit<typeof EngineModule, EngineModule.EngineExtras>;

/** Which data and engine a build shows (src/data/version.json.ts). */
export interface Versions {
  readonly data: string;
  readonly engine: string;
}

export interface ViewContext {
  readonly engine: Engine;
  readonly datasets: Datasets;
  /** Width of the page's main column in pixels (Framework's `width`). */
  readonly width: number;
  readonly versions?: Versions;
}

/**
 * A municipality's name as the pages show it: the region's total gets its label.
 *
 * @example
 * placeLabel(ctx, "regio"); // "Regio (totaal)"
 */
export function placeLabel(ctx: ViewContext, municipality: string): string {
  return municipality === ctx.engine.REGION ? ctx.engine.REGION_LABEL : municipality;
}

/**
 * "in de regio" or "in Baarn", for titles.
 *
 * @example
 * placeIn(ctx, "Baarn"); // "in Baarn"
 */
export function placeIn(ctx: ViewContext, municipality: string): string {
  return municipality === ctx.engine.REGION ? "in de regio" : `in ${municipality}`;
}

/**
 * The agreed band in words, e.g. "7% tot 18%".
 *
 * @example
 * bandText(ctx); // "7% tot 18%"
 */
export function bandText(ctx: ViewContext): string {
  const [lo, hi] = ctx.engine.SHARE_BAND;
  return `${formatPercent(lo, 0)} tot ${formatPercent(hi, 0)}`;
}

/**
 * The municipalities in the agreement, sorted the Dutch way.
 *
 * @example
 * memberNames(ctx); // ["Amersfoort", "Baarn", …]
 */
export function memberNames(ctx: ViewContext): string[] {
  return ctx.datasets.municipalities
    .filter((m) => m.inAgreement)
    .map((m) => m.name)
    .sort((a, b) => a.localeCompare(b, "nl"));
}

/**
 * The width of one of `columns` charts side by side in the page, never below 300 px and never wider than the page
 * (a chart wider than its column is scaled down, and its text with it).
 *
 * @example
 * columnWidth(1000, 2); // 492
 */
export function columnWidth(width: number, columns: number, gap = 16): number {
  const usable = Math.max(300, width);
  return width / columns - gap >= 300 ? Math.floor(width / columns - gap) : Math.floor(usable);
}

/**
 * A line of text that appears only on paper: the settings, the date, and the data and engine versions.
 *
 * @example
 * display(printHeader(ctx, "Scenario's: Afgesproken, Direct; 10.000 doorrekeningen, startgetal 1"));
 */
export function printHeader(ctx: Pick<ViewContext, "versions">, settings: string, date = new Date()): HTMLElement {
  const root = document.createElement("p");
  root.className = "fs-print-only fs-print-header";
  const day = date.toLocaleDateString("nl-NL", {day: "numeric", month: "long", year: "numeric"});
  const versions = ctx.versions ? ` · gegevens ${ctx.versions.data} · rekenmodel ${ctx.versions.engine}` : "";
  root.textContent = `Afgedrukt op ${day}${versions}. ${settings}`;
  return root;
}
