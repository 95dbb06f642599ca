// The engine in a Web Worker (bundled by src/lib/worker.js.ts). Each worker simulates one range of runs. For a
// request split over several workers, one of them (the leader) receives the others' summaries straight from them
// (a MessageChannel per pair of workers, buffers transferred, nothing through the page), merges them in run order
// and makes the tables; the page only receives finished tables. Summaries of run ranges merge exactly (integer
// counts), so the numbers do not depend on how many workers there are: they equal the command line's for the
// same seed. The worker imports the page's engine bundle by URL (sent with the datasets): the engine loads once.
import type * as EngineModule from "./engine-browser.ts";
import type {FlowRow, JobSummaries, Metric, ModelInputs, ProbabilityRow, Scenario, SummaryRow} from "./engine-browser.ts";
import type {BurdenRuns, BurdenRunsOutcome, BurdenSample} from "../../simulations/measures/burdenRuns.ts";
import type {ResultBuffers} from "../../simulations/model/engine.ts";
import type {Datasets} from "../../loaders/types.ts";
import type {DataAssumptions} from "../../simulations/model/assumptions.ts";

/** Which tables the leader makes (default: every summary row, the probabilities and the flows). */
export interface TableRequest {
  /** Only the summary rows of these metrics (a tornado reads three); all when absent. */
  readonly metrics?: readonly Metric[];
  /** The origin × host flows of scenario a (default: when there is no scenario b, as the build's defaults). */
  readonly flows?: boolean;
}

/** The tables of a simulation, as the command line writes them. */
export interface Tables {
  readonly rows: SummaryRow[];
  readonly probabilities: ProbabilityRow[];
  readonly flows?: FlowRow[];
  readonly rowsB?: SummaryRow[];
  readonly probabilitiesB?: ProbabilityRow[];
  readonly paired?: SummaryRow[];
}

/** A request to a worker: start (engine, datasets, ports to the other workers), then simulate ranges of runs. */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly type: "init";
      readonly engineUrl: string;
      readonly datasets: Datasets;
      /** This worker's index in the pool. */
      readonly index: number;
      /** A port to each other worker, by its index. */
      readonly peers: Readonly<Record<number, MessagePort>>;
    }
  | {
      readonly id: number;
      readonly type: "simulate";
      /** The pool's number for the whole request (all its parts carry it). */
      readonly job: number;
      /** This range's place among the request's ranges (merged in this order), and how many there are. */
      readonly part: number;
      readonly parts: number;
      /** The worker that merges the ranges and makes the tables. */
      readonly leader: number;
      /** A scenario validated at build time (src/data/scenarios.json.ts), or composed on a page from such parts. */
      readonly a: Scenario;
      /** A second scenario for paired differences b − a on the same runs. */
      readonly b?: Scenario;
      readonly assumptions: DataAssumptions;
      readonly runs: number;
      readonly firstRun: number;
      readonly seed: number;
      readonly tables: TableRequest;
    }
  | {
      readonly id: number;
      readonly type: "burdens";
      /** As for "simulate": the request's number, this range's place among its ranges, and who joins them. */
      readonly job: number;
      readonly part: number;
      readonly parts: number;
      readonly leader: number;
      readonly a: Scenario;
      readonly runs: number;
      readonly firstRun: number;
      readonly seed: number;
      /** Band of the share of lettings (fractions). */
      readonly band: readonly [number, number];
      /** The periods whose spread the page reads (all when absent). */
      readonly spreadPeriods?: readonly string[];
    };

export type WorkerResponse =
  | {
      readonly id: number;
      readonly ok: true;
      /** Milliseconds this worker spent simulating its range. */
      readonly elapsedMs: number;
      /** From the leader: the request's tables, and the milliseconds spent merging and making them. */
      readonly tables?: Tables;
      readonly mergeMs?: number;
      /** From the leader of a "burdens" request: the negotiation table's rows of all the ranges joined. */
      readonly burdens?: BurdenRunsOutcome;
    }
  | {readonly id: number; readonly ok: false; readonly error: string};

/** What a worker sends the leader of a request: its range's summaries (or burden figures), or why there are none. */
interface PeerMessage {
  readonly job: number;
  readonly part: number;
  readonly summaries?: JobSummaries | BurdenSample;
  readonly error?: string;
}

/** What a leader sends back once it has made the tables: the memory of the summaries that worker sent, for reuse. */
interface RecycleMessage {
  readonly recycle: ArrayBuffer[];
}

let engine: typeof EngineModule | undefined;
let datasets: Datasets | undefined;
let peers: Readonly<Record<number, MessagePort>> = {};
// Preparing inputs is cheap but not free; sliders ask for the same data choices again and again.
const prepared = new Map<string, ModelInputs>();

function inputsFor(engine: typeof EngineModule, scenario: Scenario, assumptions: DataAssumptions): ModelInputs {
  if (!datasets) throw new Error("the worker has no datasets yet");
  const key = JSON.stringify([engine.dataChoices(scenario), assumptions]);
  let inputs = prepared.get(key);
  if (!inputs) {
    inputs = engine.prepareInputs(engine.adjustDatasets(datasets, assumptions), scenario);
    if (prepared.size > 32) prepared.clear();
    prepared.set(key, inputs);
  }
  return inputs;
}

/**
 * The array buffers a value owns outright (typed arrays that span their whole buffer), found by walking its plain
 * objects, arrays and Maps: they move to the receiver instead of being copied. Views into a larger buffer (scratch
 * space the engine reuses) are copied, never detached.
 */
function ownedBuffers(value: unknown, found = new Set<ArrayBuffer>(), seen = new Set<object>()): ArrayBuffer[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [...found];
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.byteLength > 0) found.add(value.buffer);
  } else if (value instanceof Map) {
    for (const v of value.values()) ownedBuffers(v, found, seen);
  } else if (Array.isArray(value)) {
    for (const v of value) ownedBuffers(v, found, seen);
  } else {
    for (const v of Object.values(value)) ownedBuffers(v, found, seen);
  }
  return [...found];
}

// Ranges of requests this worker leads, gathered by job until every part is in.
interface Gathering {
  readonly parts: (JobSummaries | BurdenSample | undefined)[];
  /** The worker each part came from (this one's own: undefined). */
  readonly senders: (number | undefined)[];
  got: number;
  error?: string;
  /** Set once the leader's own range is done: merges and answers the page. */
  finish?: (g: Gathering) => void;
}
const gathering = new Map<number, Gathering>();

function gather(job: number, parts: number): Gathering {
  let g = gathering.get(job);
  if (!g) {
    g = {parts: Array.from({length: parts}, () => undefined), senders: Array.from({length: parts}, () => undefined), got: 0};
    gathering.set(job, g);
  }
  return g;
}

function arrived(job: number, parts: number, part: number, summaries: JobSummaries | BurdenSample | undefined, error?: string, sender?: number): void {
  const g = gather(job, parts);
  g.parts[part] = summaries;
  g.senders[part] = sender;
  g.got += 1;
  if (error !== undefined) g.error ??= error;
  if (g.got === parts && g.finish) {
    gathering.delete(job);
    g.finish(g);
  }
}

function makeTables(e: typeof EngineModule, merged: JobSummaries, request: TableRequest): Tables {
  const keep = (rows: SummaryRow[]): SummaryRow[] => (request.metrics ? rows.filter((r) => request.metrics!.includes(r.metric)) : rows);
  return {
    rows: keep(e.summaryRows(merged.a)),
    probabilities: e.probabilityRows(merged.a),
    // Only single-scenario pages draw flows (the Overview and a municipality's page): a comparison makes none.
    ...((request.flows ?? !merged.b) ? {flows: e.flowRows(merged.a)} : {}),
    ...(merged.b ? {rowsB: keep(e.summaryRows(merged.b)), probabilitiesB: e.probabilityRows(merged.b)} : {}),
    ...(merged.paired ? {paired: keep(e.summaryRows(merged.paired))} : {})
  };
}

// Result buffers for the per-run requests ("burdens"), reused between requests (fresh memory is slow to
// fault in). Each chunk's figures are copied out before the next chunk overwrites them.
let runBuffers: ResultBuffers | undefined;
const RUN_CHUNK = 10_000;

function buffersFor(e: typeof EngineModule, runs: number, inputs: ModelInputs): ResultBuffers {
  const size = Math.min(RUN_CHUNK, runs);
  const M = inputs.municipalities.length;
  const Y = inputs.years.length;
  if (!runBuffers || runBuffers.vacancies.length < size * Y * (M + 1) || runBuffers.flow.length < size * Y * M * M) runBuffers = e.resultBuffers(size, inputs);
  return runBuffers;
}

function simulateBurdens(e: typeof EngineModule, request: Extract<WorkerRequest, {type: "burdens"}>): BurdenSample {
  const inputs = inputsFor(e, request.a, e.AS_IN_DATA);
  const basis = e.measureBasis(inputs.basis);
  const buffers = buffersFor(e, request.runs, inputs);
  const parts: BurdenRuns[] = [];
  for (let done = 0; done < request.runs; done += RUN_CHUNK) {
    const runs = Math.min(RUN_CHUNK, request.runs - done);
    const result = e.simulateInto(inputs, request.a, {runs, seed: request.seed, firstRun: request.firstRun + done, reuseDraws: true}, buffers);
    parts.push(e.burdenRuns(result, basis, request.band));
  }
  return e.burdenSample(e.joinBurdenRuns(parts), request.spreadPeriods);
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
};

// Answers hold rows (plain objects), no typed arrays: nothing to transfer.
function reply(response: WorkerResponse): void {
  scope.postMessage(response, []);
}

/** Handles a request; returns the answer, or null when the answer comes later (a leader waiting for ranges). */
async function handle(request: WorkerRequest): Promise<WorkerResponse | null> {
  const start = performance.now();
  if (request.type === "init") {
    engine = (await import(request.engineUrl)) as typeof EngineModule;
    datasets = request.datasets;
    peers = request.peers;
    for (const [index, port] of Object.entries(peers)) {
      port.onmessage = (event: MessageEvent<(PeerMessage & {parts: number}) | RecycleMessage>) => {
        const data = event.data;
        if ("recycle" in data) engine?.giveBack(data.recycle);
        else arrived(data.job, data.parts, data.part, data.summaries, data.error, Number(index));
      };
    }
    prepared.clear();
    return {id: request.id, ok: true, elapsedMs: performance.now() - start};
  }
  const e = engine;
  if (!e) throw new Error("the worker has no engine yet");
  if (request.type === "burdens") {
    // Each range sorted here, in parallel; the leader joins them and makes the table's rows (warm code, off the page).
    return ranged(request, start, () => simulateBurdens(e, request), (sample) => ownedBuffers(sample), (parts) => ({
      burdens: e.burdenSampleOutcome(e.joinBurdenSamples(parts), e.measureBasis(inputsFor(e, request.a, e.AS_IN_DATA).basis), request.a.id)
    }));
  }
  const {a, b} = request;
  return ranged(
    request,
    start,
    () =>
      e.simulateSummaries({
        a: {inputs: inputsFor(e, a, request.assumptions), scenario: a},
        b: b && {inputs: inputsFor(e, b, request.assumptions), scenario: b},
        runs: request.runs,
        firstRun: request.firstRun,
        seed: request.seed,
        // Flows are counted only where a table of them is made (see makeTables).
        flows: request.tables.flows ?? !b,
        // A view that reads a few metrics (the tornado) has only those counted.
        metrics: request.tables.metrics,
        // A page re-simulates the same runs after a change of policy: the draws are replayed, not made again.
        reuseDraws: true
      }),
    (summaries) => e.jobSummaryBuffers(summaries),
    (parts) => ({tables: makeTables(e, e.mergeJobSummaries(parts), request.tables)}),
    (parts, senders) => recycle(e, parts, senders)
  );
}

// Once the tables are made, the summaries are read by nothing: their memory is reused for the next request's
// summaries, here and (sent back, moved not copied) in the workers that sent them.
function recycle(e: typeof EngineModule, parts: readonly JobSummaries[], senders: readonly (number | undefined)[]): void {
  const seen = new Set<ArrayBuffer>();
  parts.forEach((part, i) => {
    const buffers = e.jobSummaryBuffers(part).filter((b) => !seen.has(b) && b.byteLength > 0);
    for (const b of buffers) seen.add(b);
    const sender = senders[i];
    const port = sender === undefined ? undefined : peers[sender];
    if (port) port.postMessage({recycle: buffers} satisfies RecycleMessage, buffers);
    else e.giveBack(buffers);
  });
}

/**
 * A request split in ranges of runs: this worker computes its range; a worker that does not lead sends it to the
 * leader (buffers moved) and answers at once; the leader answers once every range is in, with `answer` of them all
 * in range order. Returns the answer, or null when it comes later.
 */
function ranged<T extends JobSummaries | BurdenSample>(
  request: {readonly id: number; readonly job: number; readonly part: number; readonly parts: number; readonly leader: number},
  start: number,
  compute: () => T,
  buffersOf: (part: T) => ArrayBuffer[],
  answer: (parts: T[]) => {readonly tables?: Tables; readonly burdens?: BurdenRunsOutcome},
  done?: (parts: T[], senders: readonly (number | undefined)[]) => void
): WorkerResponse | null {
  let part: T | undefined;
  let error: string | undefined;
  try {
    part = compute();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const elapsedMs = performance.now() - start;
  if (request.leader !== selfIndex) {
    const port = peers[request.leader];
    if (!port) throw new Error(`no port to worker ${request.leader}`);
    const message: PeerMessage & {parts: number} = {job: request.job, part: request.part, parts: request.parts, ...(part ? {summaries: part} : {}), ...(error !== undefined ? {error} : {})};
    port.postMessage(message, part ? buffersOf(part) : []);
    if (error !== undefined) throw new Error(error);
    return {id: request.id, ok: true, elapsedMs};
  }
  // The leader: answers once every range is in (its own now, the others' as they arrive from their workers).
  const g = gather(request.job, request.parts);
  g.finish = (finished) => {
    if (finished.error !== undefined) {
      reply({id: request.id, ok: false, error: finished.error});
      return;
    }
    try {
      const mergeStart = performance.now();
      const answered = answer(finished.parts as T[]);
      reply({id: request.id, ok: true, elapsedMs, ...answered, mergeMs: performance.now() - mergeStart});
    } catch (err) {
      reply({id: request.id, ok: false, error: err instanceof Error ? err.message : String(err)});
      return;
    }
    // After the answer, and never a second answer: memory not recycled is left to the collector.
    try {
      done?.(finished.parts as T[], finished.senders);
    } catch {
      // nothing to tell the page
    }
  };
  arrived(request.job, request.parts, request.part, part, error);
  return null;
}

let selfIndex = -1;

// Messages are handled one at a time, in order: the engine import of "init" finishes before any simulation.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  if (event.data.type === "init") selfIndex = event.data.index;
  queue = queue.then(async () => {
    let response: WorkerResponse | null;
    try {
      response = await handle(event.data);
    } catch (error) {
      response = {id: event.data.id, ok: false, error: error instanceof Error ? error.message : String(error)};
    }
    if (response) reply(response);
  });
};
