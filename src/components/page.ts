// What every page loads first, in parallel: the engine (its facts and functions), the datasets, the validated
// scenario files, the build's versions, the build's outcome the page shows first, and, when the page simulates,
// the worker pool.
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../../loaders/types.ts";
import {getDatasets} from "./data.js";
import {afterFirstChart} from "./run.js";
import {getEnginePool, getScenarios, loadEngine, type Engine, type EnginePool, type ScenarioSet, type SimulationOutcome} from "./engine.js";
import type {Comparison} from "./views/compare.js";
import type {Versions, ViewContext} from "./views/context.js";
import {unpackedJson} from "./packed-json.js";

export interface PageBasics {
  readonly engine: Engine;
  readonly datasets: Datasets;
  readonly scenarios: ScenarioSet;
  readonly versions: Versions;
  /** A view context for a page width (Framework's reactive `width`). */
  context(width: number): ViewContext;
}

let versions: Promise<Versions> | undefined;
let overview: Promise<SimulationOutcome> | undefined;
let comparison: Promise<Comparison> | undefined;

/**
 * The agreed scenario with the default runs and seed, simulated at build time (src/data/overview.json.ts): the
 * Overview, every municipality's page, the agreed side of Prognoses.
 *
 * @example
 * const run = ready(await getOverview());
 */
export function getOverview(): Promise<SimulationOutcome> {
  overview ??= unpackedJson<SimulationOutcome>(FileAttachment("../data/overview.json"));
  return overview;
}

/**
 * The comparison page's default view (agreed against immediate fair share, default runs and seed), simulated at
 * build time (src/data/comparison.json.ts).
 *
 * @example
 * tracker.known(await getDefaultComparison(), label, key);
 */
export function getDefaultComparison(): Promise<Comparison> {
  comparison ??= unpackedJson<Comparison>(FileAttachment("../data/comparison.json"));
  return comparison;
}

/**
 * The basics of a page that does not simulate.
 *
 * @example
 * const {engine, datasets, context} = await pageBasics();
 */
export async function pageBasics(): Promise<PageBasics> {
  versions ??= FileAttachment("../data/version.json").json() as Promise<Versions>;
  const [engine, datasets, scenarios, v] = await Promise.all([loadEngine(), getDatasets(), getScenarios(), versions]);
  return {engine, datasets, scenarios, versions: v, context: (width) => ({engine, datasets, width, versions: v})};
}

/**
 * The basics and the engine pool. A page shows its default view from the build's outcomes (getOverview,
 * getDefaultComparison); the pool starts once that first chart is on screen (its workers would compete for the
 * machine's cores with the page's loading), or earlier when the reader changes a model input and `pool()` is asked.
 *
 * @example
 * const {pool} = await simulatingPage();
 * const outcome = await (await pool()).simulate({a: scenarios.scenarios.agreed});
 */
export async function simulatingPage(): Promise<PageBasics & {pool(): Promise<EnginePool>}> {
  void afterFirstChart().then(() => getEnginePool());
  const basics = await pageBasics();
  return {...basics, pool: getEnginePool};
}
