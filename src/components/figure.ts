// The frame of every chart: a Dutch title, a one-line reading guide, the chart, its legend, the "schatting" badge
// when the figure rests on estimated data, and the download of the summary behind it.
import {downloadButtons, type DownloadTable} from "./download.js";

export interface FigureSpec {
  /** Dutch title of the chart. */
  readonly title: string;
  /** One line that says how to read the chart. */
  readonly guide: string;
  readonly chart: Node;
  readonly legend?: Node;
  /** Labels of the estimated datasets the figure rests on; a badge "schatting" appears when non-empty. */
  readonly estimates?: readonly string[];
  /** The summary behind the chart, downloadable as Excel and Dutch-Excel CSV. */
  readonly download?: DownloadTable | (() => DownloadTable);
  /** The same numbers as a program reads them (the engine's CSV), offered after the Dutch download. */
  readonly machine?: DownloadTable;
}

/**
 * A badge "schatting" whose tooltip names the estimated datasets.
 *
 * @example
 * estimateBadge(["Vrijkomende sociale huurwoningen"]);
 */
export function estimateBadge(labels: readonly string[]): HTMLElement {
  const badge = document.createElement("span");
  badge.className = "fs-badge";
  badge.textContent = "schatting";
  badge.title = `Deze uitkomst rust op geschatte gegevens: ${labels.join("; ")}. Zie Methode en bronnen.`;
  badge.setAttribute("aria-label", badge.title);
  return badge;
}

/**
 * A titled chart with its reading guide, legend, estimate badge and downloads.
 *
 * @example
 * display(figure({title: "Plaatsingen in de regio", guide: "De donkere band ...", chart}));
 */
export function figure(spec: FigureSpec): HTMLElement {
  const root = document.createElement("figure");
  root.className = "fs-figure";
  const title = document.createElement("h3");
  title.textContent = spec.title;
  if (spec.estimates && spec.estimates.length > 0) title.append(estimateBadge(spec.estimates));
  const guide = document.createElement("p");
  guide.className = "fs-guide";
  guide.textContent = spec.guide;
  root.append(title, guide);
  if (spec.legend) root.append(spec.legend);
  root.append(spec.chart);
  if (spec.download) root.append(downloadButtons(spec.download, "Download cijfers"));
  if (spec.machine) root.append(downloadButtons(spec.machine, "Voor programma's (zoals npm run simulate)"));
  return root;
}
