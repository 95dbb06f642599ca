// The Method page (src/methode.md): the status of every dataset and its sources, from the datasets themselves.
import {formatNumber} from "../format.js";
import {datasetStatuses, STATUS_LABELS, type DatasetStatus} from "../provenance.js";
import {dataTable} from "../table.js";
import type {ScenarioSet} from "../engine.js";
import type {ViewContext} from "./context.js";

/** Why a default scenario uses its placement reading, in one Dutch clause. */
const PLACEMENT_WHY: Readonly<Record<string, string>> = {
  obligation: "de lezing ‘huisvesten is de plicht, de taakstelling zegt waar’, omdat de afspraak de werkelijkheid en instroom = uitstroom boven de prognoses stelt: niemand wacht zolang een gemeente in de regio nog capaciteit heeft (passende vrijkomende woningen, binnen een eventueel plafond)",
  ceiling: "de strikte lezing ‘taakstelling als plafond’: de pool wordt alleen binnen de taakstellingen geplaatst en wie daar niet in past wacht, ook als elders woningen vrij zijn; dit scenario is er om te laten zien wat die lezing zou betekenen"
};

/**
 * Per placement reading one sentence: which default scenarios use it, and why (one sentence per scenario repeated
 * the same reason for all but one of them).
 *
 * @example
 * placementList(scenarios).textContent; // "Afgesproken ingroeipad, Direct fair share, …: de lezing ‘huisvesten is de plicht …’"
 */
export function placementList(scenarios: ScenarioSet): HTMLElement {
  const byReading = new Map<string, string[]>();
  for (const id of scenarios.ids) {
    const s = scenarios.scenarios[id];
    if (!s) continue;
    let names = byReading.get(s.placement);
    if (names === undefined) byReading.set(s.placement, (names = []));
    names.push(s.name);
  }
  const ul = document.createElement("ul");
  for (const [reading, names] of byReading) {
    const li = document.createElement("li");
    const who = document.createElement("strong");
    who.textContent = names.join(", ");
    li.append(who, `: ${PLACEMENT_WHY[reading] ?? reading}.`);
    ul.append(li);
  }
  return ul;
}

/**
 * Per dataset: file, status and how many values are published, derived or estimated. An estimate is not a
 * warning: it gets the estimate colour of the "schatting" badge, not the warning colour.
 *
 * @example
 * display(statusTable(ctx));
 */
export function statusTable(ctx: ViewContext): HTMLElement {
  return dataTable<DatasetStatus>({
    name: "gegevens-status",
    columns: [
      {header: "gegevens", key: "dataset", value: (d) => d.label},
      {header: "bestand", key: "file", value: (d) => `data/${d.file}`},
      {header: "status", key: "status", value: (d) => STATUS_LABELS[d.status], className: (d) => (d.status === "estimate" ? "fs-estimate" : undefined)},
      {header: "gepubliceerd", key: "published", value: (d) => d.counts.published, format: "count"},
      {header: "afgeleid", key: "derived", value: (d) => d.counts.derived, format: "count"},
      {header: "geschat", key: "estimate", value: (d) => d.counts.estimate, format: "count"}
    ],
    rows: datasetStatuses(ctx.datasets)
  });
}

/**
 * Per dataset a folding list of its sources and (at most 12) notes on its estimates.
 *
 * @example
 * display(sourceList(ctx));
 */
export function sourceList(ctx: ViewContext): HTMLElement {
  const root = document.createElement("div");
  const el = (tag: string, text?: string): HTMLElement => Object.assign(document.createElement(tag), text === undefined ? {} : {textContent: text});
  const list = (items: readonly string[]): HTMLElement => {
    const ul = el("ul");
    ul.append(...items.map((s) => el("li", s)));
    return ul;
  };
  for (const d of datasetStatuses(ctx.datasets)) {
    const details = el("details");
    const summary = el("summary");
    summary.append(el("strong", d.label), ` · ${STATUS_LABELS[d.status]} · `, el("code", `data/${d.file}`));
    details.append(summary, el("p", "Bronnen:"), list(d.sources));
    if (d.notes.length > 0) {
      const more = d.notes.length > 12 ? [`… en ${formatNumber(d.notes.length - 12)} meer in data/${d.file}`] : [];
      details.append(el("p", `Toelichting bij schattingen (${formatNumber(d.notes.length)}):`), list([...d.notes.slice(0, 12), ...more]));
    }
    root.append(details);
  }
  return root;
}
