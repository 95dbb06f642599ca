// The one way pages reach the simulation engine. The engine (src/lib/engine-browser.ts: simulations/ without the
// scenario validator) is bundled at build time by src/lib/engine.js.ts (for the page) and src/lib/worker.js.ts (for
// Web Workers); pages cannot import files outside src/, and a static import of a loader's output does not work, so
// both are loaded here by URL. Scenario files arrive validated from src/data/scenarios.json.ts.
//
// Simulations run in a pool of workers, each on its own range of runs; one worker merges the ranges' summaries with
// the engine's own merge and makes the tables, so the numbers are those of the command line for the same scenario,
// runs and seed, and the page's thread stays free.
import {FileAttachment} from "observablehq:stdlib";
import type * as EngineModule from "../lib/engine-browser.ts";
import type {FlowRow, ProbabilityRow, Scenario, SummaryRow} from "../lib/engine-browser.ts";
import type {Datasets} from "../../loaders/types.ts";
import type {DataAssumptions} from "../../simulations/model/assumptions.ts";
import type {TableRequest, Tables, WorkerRequest, WorkerResponse} from "../lib/worker-entry.ts";
import type {BurdenRunsOutcome} from "../../simulations/measures/burdenRuns.ts";
import {getDatasets} from "./data.js";

/** The engine module as pages and views use it (without the worker pool's extras). */
export type Engine = Omit<typeof EngineModule, EngineModule.EngineExtras>;
type FullEngine = typeof EngineModule;
export type {FlowRow, ProbabilityRow, Scenario, SummaryRow};
export type {DataAssumptions};

let engineUrl: Promise<string> | undefined;
let engine: Promise<FullEngine> | undefined;

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
  return loadFullEngine();
}

function loadFullEngine(): Promise<FullEngine> {
  engine ??= getEngineUrl().then((url) => import(url) as Promise<FullEngine>);
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
  /**
   * Split the runs over the workers (default true). False keeps the request on one worker, with no summaries to
   * send and merge: for many small requests at once (the tornado's 13), which then run side by side.
   */
  readonly split?: boolean;
  /** Which tables to make (default all): a tornado reads only a few metrics and no flows. */
  readonly tables?: TableRequest;
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
  /** Milliseconds the leading worker spent merging the ranges and making the tables (off the page's thread). */
  readonly mergeMs: number;
  readonly workers: number;
  /** Simulated when the site was built (a page's default view, src/data/overview.json.ts and comparison.json.ts), not in this browser. */
  readonly atBuild?: boolean;
}

/** A simulation of one scenario for the negotiation table: burden figures sorted per range of runs, joined by one worker. */
export interface BurdenRequest {
  readonly a: Scenario;
  readonly runs: number;
  readonly seed: number;
  /** Band of the share of lettings (fractions). */
  readonly band: readonly [number, number];
  /** The periods whose spread (max/min) the page reads; all when absent. */
  readonly spreadPeriods?: readonly string[];
}

/** The negotiation table's numbers (see simulations/measures/burdenRuns.ts), with the request's runs and seed. */
export interface BurdenOutcome extends BurdenRunsOutcome {
  readonly runs: number;
  readonly seed: number;
  readonly elapsedMs: number;
}

const NO_CHANGE: DataAssumptions = {vacancyFactor: 1, returnShareFactor: 1};
/** The echo of a page's first request of a kind (see EnginePool.echo): rounds, runs per worker and round, quiet time before a round. */
const ECHO_ROUNDS = 4;
const ECHO_RUNS = 1200;
const ECHO_QUIET_MS = 60;
/**
 * What the pool echoes once (see EnginePool.echo): simulations of each shape (split or kept on one worker, one
 * scenario or two, which tables) and burdens. Each shape runs code of its own (a comparison's paired
 * summary, a page's flows, a tornado's few metrics), cold until a request of that shape has run a few times.
 */
type EchoKind = `simulate: ${string}` | "burdens";

/** The shape of a simulation request: which summaries and tables it makes (the model's own paths, such as overdispersed inflow, are not told apart). */
function shapeOf(request: SimulationRequest, split: boolean): EchoKind {
  const tables = request.tables ?? {};
  return `simulate: ${split ? "split" : "one worker"}, ${request.b ? "two" : "one"}, flows ${tables.flows ?? !request.b}, ${tables.metrics?.join(" ") ?? "all"}`;
}
/** Fewer runs than this per worker are not worth a round trip to several workers. */
const MIN_RUNS_PER_PART = 500;

/**
 * A pool of engine workers. `simulate` splits the runs over the workers; one of them merges the summaries and
 * makes the tables, so the page's thread only receives them. Requests that are not split go to the worker with the
 * least work queued. For a channel, only the newest request waits, and a request overtaken by a newer one on its
 * channel never settles (the page cell that asked has been invalidated by then), so dragging a slider does not
 * queue up stale work.
 */
export class EnginePool {
  readonly size: number;
  /** Settles when every worker has loaded the engine and the datasets. */
  readonly ready: Promise<void>;
  private readonly workers: Worker[];
  /** Work queued on each worker, in runs weighted by their cost (see runCost), to place requests that are not split. */
  private readonly load: number[];
  private readonly replies = new Map<number, {resolve: (r: WorkerResponse) => void}>();
  private nextId = 1;
  private nextJob = 1;
  private readonly busy = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, {go: () => void; drop: () => void}>();
  private active = 0;
  private startedJobs = 0;
  /** Kinds of request already echoed (see `echo`), and echo rounds scheduled or running. */
  private readonly echoed = new Set<EchoKind>();
  private echoing = 0;
  /** When the last request was made (an echo waits for a quiet moment). */
  private lastRequest = 0;

  constructor(private readonly engine: FullEngine, engineUrl: string, workerUrl: string, datasets: Datasets, size: number) {
    this.size = size;
    this.load = Array.from({length: size}, () => 0);
    this.workers = Array.from({length: size}, () => {
      const worker = new Worker(workerUrl);
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const entry = this.replies.get(event.data.id);
        this.replies.delete(event.data.id);
        entry?.resolve(event.data);
      };
      return worker;
    });
    // A port between every pair of workers: ranges go straight to the worker that merges them.
    const peers: Record<number, MessagePort>[] = this.workers.map(() => ({}));
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        const channel = new MessageChannel();
        peers[i]![j] = channel.port1;
        peers[j]![i] = channel.port2;
      }
    }
    this.ready = Promise.all(
      this.workers.map((worker, index) => this.post(index, {id: this.nextId++, type: "init", engineUrl, datasets, index, peers: peers[index]!}, 0, Object.values(peers[index]!)))
    ).then((responses) => {
      for (const r of responses) if (!r.ok) throw new Error(`engine worker failed to start: ${r.error}`);
    });
  }

  private post(index: number, request: WorkerRequest, runs: number, transfer: Transferable[] = []): Promise<WorkerResponse> {
    this.load[index]! += runs;
    return new Promise((resolve) => {
      this.replies.set(request.id, {
        resolve: (r) => {
          this.load[index]! -= runs;
          resolve(r);
        }
      });
      this.workers[index]!.postMessage(request, transfer);
    });
  }

  /** Worker indices, least work queued first. */
  private byLoad(): number[] {
    return this.workers.map((_, i) => i).sort((x, y) => this.load[x]! - this.load[y]! || x - y);
  }

  /** Runs a request on its channel: a newer request on the same channel supersedes this one if it has not started. */
  private async schedule<T>(channel: string | undefined, job: () => Promise<T>): Promise<T> {
    this.active += 1;
    this.startedJobs += 1;
    this.lastRequest = performance.now();
    try {
      if (channel === undefined) return await job();
      if (this.busy.has(channel)) {
        // Wait for the running request; a newer request on this channel takes our place and we never settle.
        this.waiting.get(channel)?.drop();
        await new Promise<void>((go) => this.waiting.set(channel, {go, drop: () => (this.active -= 1)}));
      }
      const running = job();
      this.busy.set(channel, running);
      try {
        return await running;
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
   * Simulates a request. With a `channel`, a newer request on the same channel supersedes this one if it has not
   * started yet.
   *
   * @example
   * const {rows} = await pool.simulate({a: scenarioFiles.agreed, runs: 10_000, seed: 1});
   */
  simulate(request: SimulationRequest, channel?: string): Promise<SimulationOutcome> {
    return this.schedule(channel, () => this.run(request));
  }

  /**
   * The negotiation table's figures for a scenario: each worker simulates a range of runs and sends back its burden
   * figures sorted (buffers moved, not copied); the page merges the sorted ranges and reads the quantiles.
   *
   * @example
   * const outcome = await pool.burdens({a: offers, runs: 5000, seed: 1, band: [0.07, 0.18]}, "onderhandelen");
   */
  burdens(request: BurdenRequest, channel?: string): Promise<BurdenOutcome> {
    return this.schedule(channel, () => this.runBurdens(request));
  }

  /**
   * Requests started but not yet answered (superseded ones excluded): the browser tests wait for 0.
   *
   * @example
   * pool.pending(); // 0 when the page is idle
   */
  pending(): number {
    return this.active + this.echoing;
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

  /**
   * A few hundred runs of a scenario on every worker for each common request shape the page has not run yet (the
   * tables, the burden figures, a few metrics), then a few rounds more of the tables (as an echo, see `echo`), so
   * that the engine's code is compiled before the reader's first request of that shape (the first simulations of a
   * shape run several times slower). A page that asked first has warmed its own shape by its echo; the others are
   * warmed here too: a reader can still ask them (on Vergelijken, one scenario alone is such a request). Counts as
   * no job, but in `pending()` (the page is not idle until it is done); the numbers are thrown away.
   *
   * @example
   * void pool.warmUp(agreed);
   */
  async warmUp(scenario: Scenario): Promise<void> {
    const runs = 300;
    const few: TableRequest = {metrics: ["backlog", "placed", "share"], flows: false};
    // A whole request on one worker, which leads it.
    const alone = (index: number, tables: TableRequest): WorkerRequest => ({id: this.nextId++, type: "simulate", job: this.nextJob++, part: 0, parts: 1, leader: index, a: scenario, assumptions: NO_CHANGE, runs, firstRun: 0, seed: 1, tables});
    const shapes: [EchoKind, (index: number) => WorkerRequest][] = [
      [shapeOf({a: scenario}, true), (index) => alone(index, {})],
      ["burdens", (index) => ({id: this.nextId++, type: "burdens", job: this.nextJob++, part: 0, parts: 1, leader: index, a: scenario, runs, firstRun: 0, seed: 1, band: [this.engine.SHARE_BAND[0], this.engine.SHARE_BAND[1]]})],
      [shapeOf({a: scenario, tables: few}, false), (index) => alone(index, few)]
    ];
    const cold = shapes.filter(([kind]) => !this.echoed.has(kind));
    if (cold.length === 0) return;
    this.echoing += 1;
    await Promise.all(this.workers.flatMap((_, index) => cold.map(([, request]) => this.post(index, request(index), runs)))).finally(() => (this.echoing -= 1));
    // Then the pages' most common request, a few rounds more, as an echo (a reader's first change comes later),
    // unless the page's own requests of that shape have been echoed already. The first round at the pages' own
    // size: the workers' buffers (results, kept draws, summaries) then fit a reader's first request, which
    // otherwise faulted in about 25 MB of fresh memory per worker and set off major collections (a 10,000-run
    // request after only small ones: 670-1,150 ms, against about 110 once the buffers were there).
    // Every other round with a cap that binds, for the placement's branches that only a cap takes (a reader's
    // change of cap threw away optimised code made without them).
    let round = 0;
    const capped = {...scenario, cap: 0.12};
    this.echo(shapeOf({a: scenario}, true), (n) => {
      const r = round++;
      return this.run({a: r % 2 === 0 ? scenario : capped, runs: r === 0 ? this.engine.DEFAULT_RUNS : n * this.size, seed: 1}, false);
    });
  }

  /**
   * `warmUp` once `scenario` settles (e.g. when the page is idle), counted in `pending()` from now: a tool that waits
   * for an idle page does not start while the warm-up is still to come.
   */
  async warmUpLater(scenario: Promise<Scenario | undefined>): Promise<void> {
    this.echoing += 1;
    try {
      const s = await scenario;
      if (s) await this.warmUp(s);
    } finally {
      this.echoing -= 1;
    }
  }

  /**
   * After the first request of a kind, the same request a few times more (with fewer runs, or for the negotiation
   * table at its own size), split over the workers and joined as it was, once the page has been quiet for a moment;
   * the numbers are thrown away. The first requests in a fresh worker run in V8's slower tiers while its optimising
   * compiler works in the background (on a 2-core machine, on the cores the simulation needs), and the page's own requests carry scenarios shaped as the page composes them, which the
   * warm-up's scenario file is not: without the echo the reader's first few edits are the slow ones. A request made
   * meanwhile goes first (the echo waits for a quiet moment before each round), so the echo never delays the reader
   * by more than one round.
   */
  private echo(kind: EchoKind, repeat: (runsPerWorker: number) => Promise<unknown>): void {
    if (this.echoed.has(kind)) return;
    this.echoed.add(kind);
    this.echoing += 1;
    void (async () => {
      try {
        for (let round = 0; round < ECHO_ROUNDS; round++) {
          // Wait until no request has been made for a while and none is running.
          while (this.active > 0 || performance.now() - this.lastRequest < ECHO_QUIET_MS) await new Promise((go) => setTimeout(go, ECHO_QUIET_MS));
          await repeat(ECHO_RUNS).catch(() => undefined);
        }
      } finally {
        this.echoing -= 1;
      }
    })();
  }

  /** Consecutive ranges of runs, one per part. */
  private static ranges(runs: number, parts: number): {firstRun: number; runs: number}[] {
    return Array.from({length: parts}, (_, i) => {
      const first = Math.floor((runs * i) / parts);
      return {firstRun: first, runs: Math.floor((runs * (i + 1)) / parts) - first};
    });
  }

  // `echo`: whether a first request of its kind is echoed (the echo's own requests are not, nor the warm-up's, so
  // that the page's own first request is the one repeated).
  private async run(request: SimulationRequest, echo = true): Promise<SimulationOutcome> {
    const start = performance.now();
    const {DEFAULT_RUNS, DEFAULT_SEED} = this.engine;
    const runs = request.runs ?? DEFAULT_RUNS;
    const seed = request.seed ?? DEFAULT_SEED;
    const {a, b} = request;
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
    const parts = request.split === false ? 1 : Math.max(1, Math.min(this.size, Math.floor(runs / MIN_RUNS_PER_PART)));
    const chosen = this.byLoad().slice(0, parts);
    // The least busy worker merges; the ranges go to the chosen workers in index order.
    const leader = chosen[0]!;
    const job = this.nextJob++;
    const order = [...chosen].sort((x, y) => x - y);
    const responses = await Promise.all(
      EnginePool.ranges(runs, parts).map((range, part) =>
        this.post(order[part]!, {
          id: this.nextId++,
          type: "simulate",
          job,
          part,
          parts,
          leader,
          a,
          ...(b !== undefined ? {b} : {}),
          assumptions: request.assumptions ?? NO_CHANGE,
          ...range,
          seed,
          tables: request.tables ?? {}
        }, range.runs * (this.engine.runCost(a) + (b ? this.engine.runCost(b) : 0)))
      )
    );
    let tables: Tables | undefined;
    let mergeMs = 0;
    for (const r of responses) {
      if (!r.ok) throw new Error(r.error);
      if (r.tables) {
        tables = r.tables;
        mergeMs = r.mergeMs ?? 0;
      }
    }
    if (!tables) throw new Error("no worker answered with the tables");
    // The very request again, fewer runs, split and merged as it was; a request kept on one worker (the tornado's
    // many, side by side) again on every worker.
    if (echo && parts > 1) this.echo(shapeOf(request, true), (n) => this.run({...request, runs: n * parts}, false));
    else if (echo) this.echo(shapeOf(request, false), (n) => Promise.all(this.workers.map(() => this.run({...request, runs: n}, false))));
    return {
      a,
      ...(b ? {b} : {}),
      ...tables,
      runs,
      seed,
      elapsedMs: performance.now() - start,
      mergeMs,
      workerMs: Math.max(...responses.map((r) => (r.ok ? r.elapsedMs : 0))),
      workers: parts
    };
  }

  private async runBurdens(request: BurdenRequest, echo = true): Promise<BurdenOutcome> {
    const start = performance.now();
    const {runs, seed} = request;
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
    const parts = Math.max(1, Math.min(this.size, Math.floor(runs / MIN_RUNS_PER_PART)));
    const chosen = this.byLoad().slice(0, parts);
    // As for simulate: the least busy worker joins the ranges and makes the rows, so the page only draws them.
    const leader = chosen[0]!;
    const job = this.nextJob++;
    const order = [...chosen].sort((x, y) => x - y);
    const band: [number, number] = [request.band[0], request.band[1]];
    const spread = request.spreadPeriods ? {spreadPeriods: request.spreadPeriods} : {};
    const responses = await Promise.all(
      EnginePool.ranges(runs, parts).map((range, part) => this.post(order[part]!, {id: this.nextId++, type: "burdens", job, part, parts, leader, a: request.a, ...range, seed, band, ...spread}, range.runs))
    );
    let outcome: BurdenRunsOutcome | undefined;
    for (const r of responses) {
      if (!r.ok) throw new Error(r.error);
      if (r.burdens) outcome = r.burdens;
    }
    if (!outcome) throw new Error("no worker answered with the negotiation table");
    // At its own size: the workers' buffers and heaps then fit the edits that follow (with a smaller echo the first
    // 3-4 edits were still 2-3 times slower than the later ones).
    if (echo) this.echo("burdens", () => this.runBurdens(request, false));
    return {...outcome, runs, seed, elapsedMs: performance.now() - start};
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
      loadFullEngine(),
      getEngineUrl(),
      FileAttachment("../lib/worker.js").url(),
      getDatasets()
    ]);
    const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const created = new EnginePool(engineModule, url, workerUrl, datasets, Math.max(1, Math.min(4, cores)));
    await created.ready;
    started = created;
    // Compile the engine's code in the workers before the reader's first change, but once the page is idle: not
    // on the 2 cores the page needs to draw its first charts.
    void created.warmUpLater(Promise.all([getScenarios(), idle()]).then(([{scenarios}]) => scenarios["agreed"]));
    return created;
  })();
  return pool;
}

/** Settles when the page's thread is idle (at the latest after 2 s). */
function idle(): Promise<void> {
  return new Promise((go) => (typeof requestIdleCallback === "function" ? requestIdleCallback(() => go(), {timeout: 2000}) : setTimeout(go, 0)));
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
