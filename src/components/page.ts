// What every page loads first, in parallel: the engine (its facts and functions), the datasets, the validated
// scenario files, the build's versions and, when the page simulates, the worker pool.
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../../loaders/types.ts";
import {getDatasets} from "./data.js";
import {getEnginePool, getScenarios, loadEngine, type Engine, type EnginePool, type ScenarioSet, type SimulationOutcome} from "./engine.js";
import type {Comparison} from "./views/compare.js";
import type {Versions, ViewContext} from "./views/context.js";

export interface PageBasics {
  readonly engine: Engine;
  readonly datasets: Datasets;
  readonly scenarios: ScenarioSet;
  readonly versions: Versions;
  /** A view context for a page width (Framework's reactive `width`). */
  context(width: number): ViewContext;
}

let versions: Promise<Versions> | undefined;
let defaults: Promise<Defaults> | undefined;

/** The outcomes of the default views, simulated at build time (src/data/defaults.json.ts). */
export interface Defaults {
  /** The agreed scenario, default runs and seed (Overview, every municipality). */
  readonly overview: SimulationOutcome;
  /** Agreed against immediate fair share, default runs and seed (the comparison page's default). */
  readonly compare: Comparison;
}

/**
 * The default views' outcomes.
 *
 * @example
 * const {overview} = await getDefaults();
 */
export function getDefaults(): Promise<Defaults> {
  defaults ??= FileAttachment("../data/defaults.json").json() as Promise<Defaults>;
  return defaults;
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
 * The basics, the default views' outcomes, and the engine pool. The pool starts now but is not waited for: a page
 * shows its default view from the build's outcomes while its workers load, and asks `pool()` only when the reader
 * changes a model input.
 *
 * @example
 * const {pool, defaults} = await simulatingPage();
 * const outcome = await (await pool()).simulate({a: scenarios.scenarios.agreed});
 */
export async function simulatingPage(): Promise<PageBasics & {readonly defaults: Defaults; pool(): Promise<EnginePool>}> {
  void getEnginePool();
  const [basics, d] = await Promise.all([pageBasics(), getDefaults()]);
  return {...basics, defaults: d, pool: getEnginePool};
}
