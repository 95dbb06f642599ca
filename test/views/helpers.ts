// What the view tests share: a DOM (jsdom, as Plot's own tests render), the real engine and data, a pool that runs
// the engine in this process the way the browser's workers do, and golden files of rendered views.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {loadDatasets} from "../../loaders/datasets.ts";
import {ROOT} from "../../scripts/build.ts";
import {adjustDatasets} from "../../simulations/model/assumptions.ts";
import {defaultScenarios, scenarioFiles} from "../../simulations/index.ts";
import * as engine from "../../src/lib/engine-browser.ts";
import type {ScenarioSet, SimulationOutcome, SimulationRequest} from "../../src/components/engine.ts";
import type {ViewContext} from "../../src/components/views/context.ts";

/** Installs a jsdom document as the global one (views and Plot draw into `document`). */
export function installDom(): JSDOM {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {url: "https://fairshare.test/"});
  const g = globalThis as Record<string, unknown>;
  for (const name of ["document", "window", "navigator", "HTMLElement", "SVGElement", "Node", "Event", "getComputedStyle"]) {
    Object.defineProperty(g, name, {value: (dom.window as unknown as Record<string, unknown>)[name], configurable: true, writable: true});
  }
  return dom;
}

export const datasets = loadDatasets(join(ROOT, "data"));

/** The scenario set as src/data/scenarios.json.ts emits it. */
export const scenarios: ScenarioSet = {
  ids: Object.keys(scenarioFiles),
  files: scenarioFiles,
  scenarios: Object.fromEntries(defaultScenarios().map((s) => [s.id, s]))
};

/** A view context of a given width, with fixed versions (so golden files do not change with the code). */
export function context(width = 640): ViewContext {
  return {engine, datasets, width, versions: {data: "test", engine: "test"}};
}

/**
 * A pool that simulates in this process with the engine's chunked runner, exactly as a worker does, and counts
 * its jobs. Elapsed times are reported as 0, so rendered views are the same on every run.
 */
export class LocalPool {
  jobs = 0;
  async simulate(request: SimulationRequest): Promise<SimulationOutcome> {
    this.jobs += 1;
    const runs = request.runs ?? engine.DEFAULT_RUNS;
    const seed = request.seed ?? engine.DEFAULT_SEED;
    const data = request.assumptions ? adjustDatasets(datasets, request.assumptions) : datasets;
    const summaries = engine.simulateSummaries({
      a: {inputs: engine.prepareInputs(data, request.a), scenario: request.a},
      b: request.b && {inputs: engine.prepareInputs(data, request.b), scenario: request.b},
      runs,
      firstRun: 0,
      seed
    });
    const merged = engine.mergeJobSummaries([summaries]);
    return {
      a: request.a,
      ...(request.b ? {b: request.b} : {}),
      rows: engine.summaryRows(merged.a),
      probabilities: engine.probabilityRows(merged.a),
      flows: engine.flowRows(merged.a),
      ...(merged.b ? {rowsB: engine.summaryRows(merged.b), probabilitiesB: engine.probabilityRows(merged.b)} : {}),
      ...(merged.paired ? {paired: engine.summaryRows(merged.paired)} : {}),
      runs,
      seed,
      elapsedMs: 0,
      workerMs: 0,
      mergeMs: 0,
      workers: 1
    };
  }
}

const GOLDEN = join(ROOT, "test", "views", "golden");

/** Pretty-prints markup one element per line, so a golden file's diff points at the element that changed. */
function pretty(html: string): string {
  return html.replace(/></g, ">\n<") + "\n";
}

/**
 * Compares rendered markup with test/views/golden/<name>.html. A missing golden file is written (and the check
 * passes); a differing one is left alone and the new markup goes to <name>-changed.html beside it, to compare and
 * copy over if the change is meant.
 */
export function matchGolden(name: string, node: Element): {ok: boolean; path: string} {
  mkdirSync(GOLDEN, {recursive: true});
  const path = join(GOLDEN, `${name}.html`);
  const changed = join(GOLDEN, `${name}-changed.html`);
  const actual = pretty(node.outerHTML);
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    return {ok: true, path};
  }
  if (readFileSync(path, "utf8") === actual) {
    rmSync(changed, {force: true});
    return {ok: true, path};
  }
  writeFileSync(changed, actual);
  return {ok: false, path: changed};
}
