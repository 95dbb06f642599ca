// Where the figures come from: per dataset, how many values are published, derived or estimated, and the sources.
// Read from the datasets JSON (data/ via loaders/), never copied by hand.
import type {Datasets, Provenance, Status} from "../../loaders/types.ts";
import {formatDuration} from "./format.js";

/** The provenance summary of one dataset. */
export interface DatasetStatus {
  readonly id: string;
  /** Dutch name of the dataset for the UI. */
  readonly label: string;
  /** The CSV file in data/ it comes from. */
  readonly file: string;
  readonly counts: Readonly<Record<Status, number>>;
  /** The dataset's overall status: "estimate" if any value is estimated, else "derived" if any is, else published. */
  readonly status: Status;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}

/** Dutch labels of the statuses. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  published: "gepubliceerd",
  derived: "afgeleid",
  estimate: "schatting"
};

function summarise(id: string, label: string, file: string, values: readonly Provenance[]): DatasetStatus {
  const counts: Record<Status, number> = {published: 0, derived: 0, estimate: 0};
  const sources = new Set<string>();
  const notes = new Set<string>();
  for (const value of values) {
    counts[value.status] += 1;
    if (value.source) sources.add(value.source);
    if (value.note) notes.add(value.note);
  }
  const status: Status = counts.estimate > 0 ? "estimate" : counts.derived > 0 ? "derived" : "published";
  return {id, label, file, counts, status, sources: [...sources], notes: [...notes]};
}

/**
 * The provenance of every dataset the engine uses.
 *
 * @example
 * datasetStatuses(datasets).filter((d) => d.status === "estimate").map((d) => d.label);
 */
export function datasetStatuses(datasets: Datasets): DatasetStatus[] {
  const m = datasets.municipalities;
  return [
    summarise("inhabitants", "Inwoners", "municipal-figures.csv", m.map((d) => d.inhabitants)),
    summarise("households", "Huishoudens", "municipal-figures.csv", m.map((d) => d.households)),
    summarise("dwellings", "Woningvoorraad", "municipal-figures.csv", m.map((d) => d.dwellings)),
    summarise("socialStock", "Sociale huurvoorraad (corporatiebezit)", "municipal-figures.csv", m.map((d) => d.socialStock)),
    summarise("vacancies", "Vrijkomende sociale huurwoningen", "vacancies.csv", datasets.vacancies),
    summarise("returnShare", "Aandeel dat terugkeert naar herkomstgemeente", "groups.csv", datasets.groups.map((g) => g.returnShare)),
    summarise("prognosis", "Prognose benodigde plaatsingen (Companen)", "prognosis.csv", datasets.prognosis)
  ];
}

/**
 * The labels of the datasets, among `ids`, that contain at least one estimated value.
 *
 * @example
 * estimatedDatasets(datasets, ["vacancies", "prognosis"]); // ["Vrijkomende sociale huurwoningen", ...]
 */
export function estimatedDatasets(datasets: Datasets, ids?: readonly string[]): string[] {
  return datasetStatuses(datasets)
    .filter((d) => d.status === "estimate" && (ids === undefined || ids.includes(d.id)))
    .map((d) => d.label);
}

/** The key weights of a scenario, as far as provenance is concerned. */
export interface KeyLike {
  readonly inhabitants?: number | undefined;
  readonly households?: number | undefined;
  readonly socialStock?: number | undefined;
  readonly vacancies?: number | undefined;
}

/**
 * The estimated datasets a simulation rests on: always the vacancies, the prognosis and the return shares, plus
 * whatever the allocation key divides by.
 *
 * @example
 * simulationEstimates(datasets, {socialStock: 1}); // ["Sociale huurvoorraad (corporatiebezit)", …]
 */
export function simulationEstimates(datasets: Datasets, key: KeyLike): string[] {
  const ids = ["vacancies", "prognosis", "returnShare"];
  for (const basis of ["inhabitants", "households", "socialStock"] as const) if ((key[basis] ?? 0) > 0) ids.push(basis);
  return estimatedDatasets(datasets, ids);
}

/**
 * Where and how fast an outcome was computed, in words.
 *
 * @example
 * whereComputed({atBuild: true, elapsedMs: 0}); // "berekend bij het bouwen van deze site, met dezelfde rekenkern als in uw browser"
 */
export function whereComputed(outcome: {readonly atBuild?: boolean; readonly elapsedMs: number}): string {
  return outcome.atBuild ? "berekend bij het bouwen van deze site, met dezelfde rekenkern als in uw browser" : `in uw browser berekend in ${formatDuration(outcome.elapsedMs)}`;
}
