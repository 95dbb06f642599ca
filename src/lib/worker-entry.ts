// The engine in a Web Worker (bundled by src/lib/worker.js.ts). Each worker simulates one range of runs and sends
// back the summaries; the page merges the ranges. Summaries of run ranges merge exactly (integer histograms), so
// the numbers do not depend on how many workers there are: they equal the command line's for the same seed.
// The worker imports the page's engine bundle by URL (sent with the datasets), so the browser loads the engine once.
import type * as EngineModule from "./engine-browser.ts";
import type {JobSummaries, ModelInputs, Scenario} from "./engine-browser.ts";
import type {Datasets} from "../../loaders/types.ts";
import {adjustDatasets, type DataAssumptions} from "../../simulations/model/assumptions.ts";

/** A request to a worker: set the datasets once, then simulate ranges of runs. */
export type WorkerRequest =
  | {readonly id: number; readonly type: "init"; readonly engineUrl: string; readonly datasets: Datasets}
  | {
      readonly id: number;
      readonly type: "simulate";
      /** A scenario validated at build time (src/data/scenarios.json.ts), or composed on a page from such parts. */
      readonly a: Scenario;
      /** A second scenario for paired differences b − a on the same runs. */
      readonly b?: Scenario;
      readonly assumptions: DataAssumptions;
      readonly runs: number;
      readonly firstRun: number;
      readonly seed: number;
    };

export type WorkerResponse =
  | {readonly id: number; readonly ok: true; readonly summaries?: JobSummaries; readonly elapsedMs: number}
  | {readonly id: number; readonly ok: false; readonly error: string};

let engine: typeof EngineModule | undefined;
let datasets: Datasets | undefined;
// Preparing inputs is cheap but not free; sliders ask for the same data choices again and again.
const prepared = new Map<string, ModelInputs>();

function inputsFor(engine: typeof EngineModule, scenario: Scenario, assumptions: DataAssumptions): ModelInputs {
  if (!datasets) throw new Error("the worker has no datasets yet");
  const key = JSON.stringify([engine.dataChoices(scenario), assumptions]);
  let inputs = prepared.get(key);
  if (!inputs) {
    inputs = engine.prepareInputs(adjustDatasets(datasets, assumptions), scenario);
    if (prepared.size > 32) prepared.clear();
    prepared.set(key, inputs);
  }
  return inputs;
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  const start = performance.now();
  if (request.type === "init") {
    engine = (await import(request.engineUrl)) as typeof EngineModule;
    datasets = request.datasets;
    prepared.clear();
    return {id: request.id, ok: true, elapsedMs: performance.now() - start};
  }
  if (!engine) throw new Error("the worker has no engine yet");
  const {simulateSummaries} = engine;
  const {a, b} = request;
  const summaries = simulateSummaries({
    a: {inputs: inputsFor(engine, a, request.assumptions), scenario: a},
    b: b && {inputs: inputsFor(engine, b, request.assumptions), scenario: b},
    runs: request.runs,
    firstRun: request.firstRun,
    seed: request.seed
  });
  return {id: request.id, ok: true, summaries, elapsedMs: performance.now() - start};
}

/** Typed arrays inside the summaries move to the page instead of being copied. */
function transferables(summaries: JobSummaries | undefined): ArrayBuffer[] {
  return summaries && engine ? engine.jobSummaryBuffers(summaries) : [];
}

// In a worker `self` is the worker's global scope; the DOM typings call it Window, whose postMessage differs.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
};

// Messages are handled one at a time, in order: the engine import of "init" finishes before any simulation.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(async () => {
    let response: WorkerResponse;
    try {
      response = await handle(event.data);
    } catch (error) {
      response = {id: event.data.id, ok: false, error: error instanceof Error ? error.message : String(error)};
    }
    scope.postMessage(response, response.ok ? transferables(response.summaries) : []);
  });
};
