// The validated datasets, as the build's loader (src/data/datasets.json.ts) emitted them from data/ (packed: see
// packed-json.ts).
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../../loaders/types.ts";
import {unpackedJson} from "./packed-json.js";

let datasets: Promise<Datasets> | undefined;

/**
 * The datasets of this build (fetched once per page).
 *
 * @example
 * const {municipalities} = await getDatasets();
 */
export function getDatasets(): Promise<Datasets> {
  datasets ??= unpackedJson<Datasets>(FileAttachment("../data/datasets.json"));
  return datasets;
}
