// What every page loads first, in parallel: the engine (its facts and functions), the datasets, the validated
// scenario files, the build's versions and, when the page simulates, the worker pool.
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../../loaders/types.ts";
import {getDatasets} from "./data.js";
import {getEnginePool, getScenarios, loadEngine, type Engine, type EnginePool, type ScenarioSet} from "./engine.js";
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
 * The basics and the engine pool, started together (the pool's workers load while the page loads the rest).
 *
 * @example
 * const {pool, scenarios, engine} = await simulatingPage();
 */
export async function simulatingPage(): Promise<PageBasics & {readonly pool: EnginePool}> {
  const [basics, pool] = await Promise.all([pageBasics(), getEnginePool()]);
  return {...basics, pool};
}
