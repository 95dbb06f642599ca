// The one way pages reach the simulation engine. The engine (src/lib/engine-browser.ts: simulations/ without the
// scenario validator) is bundled at build time by src/lib/engine.js.ts (for the page) and src/lib/worker.js.ts (for
// Web Workers); pages cannot import files outside src/, and a static import of a loader's output does not work, so
// both are loaded here by URL. Scenario files arrive validated from src/data/scenarios.json.ts.
//
// Simulations run in a pool of workers, each on its own range of runs; the page merges the ranges' summaries with
// the engine's own merge, so the numbers are those of the command line for the same scenario, runs and seed.
import {FileAttachment} from "observablehq:stdlib";
import type * as EngineModule from "../lib/engine-browser.ts";
import type {FlowRow, JobSummaries, ProbabilityRow, Scenario, SummaryRow} from "../lib/engine-browser.ts";
import type {Datasets} from "../../loaders/types.ts";
import type {DataAssumptions} from "../../simulations/model/assumptions.ts";
import type {WorkerRequest, WorkerResponse} from "../lib/worker-entry.ts";
import {getDatasets} from "./data.js";

export type Engine = typeof EngineModule;
export type {FlowRow, ProbabilityRow, Scenario, SummaryRow};
export type {DataAssumptions};

let engineUrl: Promise<string> | undefined;
let engine: Promise<Engine> | undefined;

/** The absolute URL of the engine bundle (workers import it too, so the browser loads it once). */
function getEngineUrl(): Promise<string> {
  engineUrl ??= FileAttachment("../lib/engine.js")
    .url()
    .then((url) => new URL(url, document.baseURI).href);
  return engineUrl;
}

/**
 * The engine module in the page (for parsing scenarios, targets, keys and CSV).
 *
 * @example
 * const {defaultScenarios} = await loadEngine();
 */
export function loadEngine(): Promise<Engine> {
  engine ??= getEngineUrl().then((url) => import(url) as Promise<Engine>);
  return engine;
}

/** What to simulate: scenarios validated at build time (getScenarios), or composed on a page from their parts. */
export interface SimulationRequest {
  readonly a: Scenario;
  /** A second scenario, simulated on the same runs, for paired differences b − a. */
  readonly b?: Scenario;
  /** Changes to the data (vacancy level, return share); default: as in data/. */
  readonly assumptions?: DataAssumptions;
  readonly runs?: number;
  readonly seed?: number;
}

/** The tables of a simulation, as the command line writes them. */
export interface SimulationOutcome {
  readonly a: Scenario;
  readonly b?: Scenario;
  /** Summary rows of scenario a (and b, and b − a when asked). */
  readonly rows: SummaryRow[];
  readonly rowsB?: SummaryRow[];
  readonly paired?: SummaryRow[];
  readonly probabilities: ProbabilityRow[];
  readonly probabilitiesB?: ProbabilityRow[];
  /** Who houses whose residents in scenario a: origin × host flows per year and for the whole period. */
  readonly flows?: FlowRow[];
  readonly runs: number;
  readonly seed: number;
  /** Wall-clock milliseconds from request to merged tables. */
  readonly elapsedMs: number;
  /** Milliseconds the slowest worker spent simulating its range (the rest is messaging and merging). */
  readonly workerMs: number;
  /** Milliseconds the page spent merging the ranges and making the tables. */
  readonly mergeMs: number;
  readonly workers: number;
  /** Simulated when the site was built (a page's default view, src/data/defaults.json.ts), not in this browser. */
  readonly atBuild?: boolean;
}

const NO_CHANGE: DataAssumptions = {vacancyFactor: 1, returnShareFactor: 1};

/**
 * A pool of engine workers. `simulate` splits the runs over the workers and merges their summaries; for a channel,
 * only the newest request waits, and a request overtaken by a newer one on its channel never settles (the page
 * cell that asked has been invalidated by then), so dragging a slider does not queue up stale work.
 */
export class EnginePool {
  readonly size: number;
  /** Settles when every worker has loaded the engine and the datasets. */
  readonly ready: Promise<void>;
  private readonly workers: Worker[];
  private readonly replies = new Map<number, {resolve: (r: WorkerResponse) => void}>();
  private nextId = 1;
  private readonly busy = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, {go: () => void; drop: () => void}>();
  private active = 0;
  private startedJobs = 0;

  constructor(private readonly engine: Engine, engineUrl: string, workerUrl: string, datasets: Datasets, size: number) {
    this.size = size;
    this.workers = Array.from({length: size}, () => {
      const worker = new Worker(workerUrl);
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const entry = this.replies.get(event.data.id);
        this.replies.delete(event.data.id);
        entry?.resolve(event.data);
      };
      return worker;
    });
    this.ready = Promise.all(
      this.workers.map((worker) => this.post(worker, {id: this.nextId++, type: "init", engineUrl, datasets}))
    ).then((responses) => {
      for (const r of responses) if (!r.ok) throw new Error(`engine worker failed to start: ${r.error}`);
    });
  }

  private post(worker: Worker, request: WorkerRequest): Promise<WorkerResponse> {
    return new Promise((resolve) => {
      this.replies.set(request.id, {resolve});
      worker.postMessage(request);
    });
  }

  /**
   * Simulates a request. With a `channel`, a newer request on the same channel supersedes this one if it has not
   * started yet.
   *
   * @example
   * const {rows} = await pool.simulate({a: scenarioFiles.agreed, runs: 10_000, seed: 1});
   */
  async simulate(request: SimulationRequest, channel?: string): Promise<SimulationOutcome> {
    this.active += 1;
    this.startedJobs += 1;
    try {
      if (channel === undefined) return await this.run(request);
      if (this.busy.has(channel)) {
        // Wait for the running request; a newer request on this channel takes our place and we never settle.
        this.waiting.get(channel)?.drop();
        await new Promise<void>((go) => this.waiting.set(channel, {go, drop: () => (this.active -= 1)}));
      }
      const job = this.run(request);
      this.busy.set(channel, job);
      try {
        return await job;
      } finally {
        this.busy.delete(channel);
        const next = this.waiting.get(channel);
        this.waiting.delete(channel);
        next?.go();
      }
    } finally {
      this.active -= 1;
    }
  }

  /**
   * Requests started but not yet answered (superseded ones excluded): the browser tests wait for 0.
   *
   * @example
   * pool.pending(); // 0 when the page is idle
   */
  pending(): number {
    return this.active;
  }

  /**
   * Simulation requests made since the pool started (the browser tests check that a view change adds none).
   *
   * @example
   * pool.jobs(); // 1 after the overview page's first simulation
   */
  jobs(): number {
    return this.startedJobs;
  }

  private async run(request: SimulationRequest): Promise<SimulationOutcome> {
    const start = performance.now();
    const {mergeJobSummaries, summaryRows, probabilityRows, flowRows, DEFAULT_RUNS, DEFAULT_SEED} = this.engine;
    const runs = request.runs ?? DEFAULT_RUNS;
    const seed = request.seed ?? DEFAULT_SEED;
    const {a, b} = request;
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
    // Few runs are not worth a round trip to several workers.
    const parts = Math.max(1, Math.min(this.size, Math.floor(runs / 500)));
    const responses = await Promise.all(
      Array.from({length: parts}, (_, i) => {
        const first = Math.floor((runs * i) / parts);
        const last = Math.floor((runs * (i + 1)) / parts);
        return this.post(this.workers[i]!, {
          id: this.nextId++,
          type: "simulate",
          a: request.a,
          ...(request.b !== undefined ? {b: request.b} : {}),
          assumptions: request.assumptions ?? NO_CHANGE,
          runs: last - first,
          firstRun: first,
          seed
        });
      })
    );
    const summaries: JobSummaries[] = responses.map((r): JobSummaries => {
      if (!r.ok) throw new Error(r.error);
      if (!r.summaries) throw new Error("a worker answered without summaries");
      return r.summaries;
    });
    const received = performance.now();
    const merged = mergeJobSummaries(summaries);
    const tables = {
      rows: summaryRows(merged.a),
      probabilities: probabilityRows(merged.a),
      flows: flowRows(merged.a),
      ...(merged.b ? {rowsB: summaryRows(merged.b), probabilitiesB: probabilityRows(merged.b)} : {}),
      ...(merged.paired ? {paired: summaryRows(merged.paired)} : {})
    };
    const end = performance.now();
    return {
      a,
      ...(b ? {b} : {}),
      ...tables,
      runs,
      seed,
      elapsedMs: end - start,
      mergeMs: end - received,
      workerMs: Math.max(...responses.map((r) => (r.ok ? r.elapsedMs : 0))),
      workers: parts
    };
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
  }
}

let pool: Promise<EnginePool> | undefined;
let started: EnginePool | undefined;

/**
 * The page's engine pool (one per page; as many workers as the browser has cores, at most 4).
 *
 * @example
 * const pool = await getEnginePool();
 * const outcome = await pool.simulate({a: (await getScenarios()).scenarios.agreed, runs: 10_000, seed: 1});
 */
export function getEnginePool(): Promise<EnginePool> {
  pool ??= (async () => {
    exposeForTools();
    const [engineModule, url, workerUrl, datasets] = await Promise.all([
      loadEngine(),
      getEngineUrl(),
      FileAttachment("../lib/worker.js").url(),
      getDatasets()
    ]);
    const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const created = new EnginePool(engineModule, url, workerUrl, datasets, Math.max(1, Math.min(4, cores)));
    await created.ready;
    started = created;
    return created;
  })();
  return pool;
}

/** The default scenario files as src/data/scenarios.json.ts emits them. */
export interface ScenarioSet {
  /** Ids in the order the pages list them (agreed first). */
  readonly ids: readonly string[];
  /** Each file's JSON as written (for a "save the scenario file" link). */
  readonly files: Readonly<Record<string, unknown>>;
  /** Each file validated, defaults filled, `extends` resolved. */
  readonly scenarios: Readonly<Record<string, Scenario>>;
}

let scenarioSet: Promise<ScenarioSet> | undefined;

/**
 * The default scenarios, validated at build time.
 *
 * @example
 * const {scenarios} = await getScenarios();
 * scenarios.agreed.name; // "Afgesproken ingroeipad"
 */
export function getScenarios(): Promise<ScenarioSet> {
  scenarioSet ??= FileAttachment("../data/scenarios.json").json() as Promise<ScenarioSet>;
  return scenarioSet;
}

/**
 * One default scenario, validated, by id (as `npm run simulate -- --scenario <id>` reads it).
 *
 * @example
 * const agreed = await scenario("agreed");
 */
export async function scenario(id: string): Promise<Scenario> {
  const {scenarios} = await getScenarios();
  const found = scenarios[id];
  if (!found) throw new Error(`no scenario file "${id}" in simulations/scenarios/`);
  return found;
}

/**
 * Puts the engine's entry points on `globalThis.fairshare`, so that scripts/bench-browser.ts and the browser tests
 * can drive the very code the pages use (nothing else reads it).
 */
function exposeForTools(): void {
  // busy(): requests in flight, counting a pool that is still starting as one.
  const busy = (): number => (started ? started.pending() : pool ? 1 : 0);
  // jobs(): simulation requests made so far on this page.
  const jobs = (): number => started?.jobs() ?? 0;
  (globalThis as {fairshare?: unknown}).fairshare = {getEnginePool, loadEngine, getScenarios, scenario, getDatasets, busy, jobs};
}
