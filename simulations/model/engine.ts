// The Monte Carlo engine: per run and year, draw vacancies and inflow, then house returners at home and the
// regional pool by the targets (and, by default, beyond them up to capacity), recording whose residents each
// municipality houses. Reads like DOMAIN.md §3.
import type {Scenario} from "../scenario/schema.ts";
import {DATA_CHOICES, dataChoices, type ModelInputs} from "./inputs.ts";
import {targetsByYear} from "./ramp.ts";
import {keyShares} from "./key.ts";
import {VacancyDraws} from "./vacancyDraws.ts";
import {InflowDraws} from "./inflowDraws.ts";
import {capacity} from "./capacity.ts";
import {Placement} from "./placement.ts";
import {splitInitialBacklog} from "./backlog.ts";
import {KeptDraws, type Draws} from "./keptDraws.ts";

import {DEFAULT_CAP_SHARE, REGION} from "../agreement.ts";

export {DEFAULT_CAP_SHARE, REGION};

export interface SimulateOptions {
  /** Number of runs (≥ 1). */
  readonly runs: number;
  /** Non-negative integer; the same seed gives the same numbers, bit for bit. */
  readonly seed: number;
  /** Index of the first run (default 0): a chunk of a larger simulation; run r's numbers do not depend on the chunking. */
  readonly firstRun?: number;
  /**
   * Keep this simulation's draws, and replay the kept draws of the same data, seed and runs instead of drawing
   * them again (default false): for callers that simulate the same runs under other policies (a page's
   * re-simulation, a comparison, a solver). The numbers are the same either way, bit for bit.
   */
  readonly reuseDraws?: boolean;
}

/**
 * Counts of one simulation. Per-run arrays are laid out runs × years × columns, index `(r * years + t) * columns + m`,
 * where the columns are the municipalities (inputs' order) and, last, the region's total.
 */
export interface SimulationResult {
  readonly scenario: Scenario;
  /** Column names: municipality names, then "regio". */
  readonly municipalities: readonly string[];
  readonly years: readonly number[];
  readonly runs: number;
  readonly firstRun: number;
  readonly seed: number;
  /** The share of vacancies whose exceedance `probabilities` reports: the scenario's cap, or 18% without one. */
  readonly capShare: number;
  /** Social-rental homes let (all lettings: relettings and first lettings of new build), by municipality. */
  readonly vacancies: Int32Array;
  /** Lettings suitable for urgent seekers after competing claims, by municipality (what capacity is taken of). */
  readonly suitable: Int32Array;
  /** New urgent seekers, by municipality of origin. */
  readonly inflow: Int32Array;
  /** Urgent seekers housed, by host municipality. */
  readonly placed: Int32Array;
  /** Urgent seekers housed, by municipality of origin. */
  readonly placedByOrigin: Int32Array;
  /** Urgent seekers housed in their own municipality of origin (the flow matrix's diagonal). */
  readonly placedAtHome: Int32Array;
  /**
   * Origin × host flows: runs × years × M × M (no region column), index `((r * years + t) * M + o) * M + h` =
   * people of origin o housed in host h.
   */
  readonly flow: Int32Array;
  /** People waiting at the end of the year, by municipality of origin. */
  readonly backlog: Int32Array;
  /** Targets from the ramp and the key, years × columns (the same in every run). */
  readonly target: Int32Array;
}

/** Buffers for `simulateInto` that hold `runs` runs of these inputs. */
export function resultBuffers(runs: number, inputs: ModelInputs): ResultBuffers {
  const M = inputs.municipalities.length;
  const size = runs * inputs.years.length * (M + 1);
  const i32 = () => new Int32Array(size);
  return {
    vacancies: i32(),
    suitable: i32(),
    inflow: i32(),
    placed: i32(),
    placedByOrigin: i32(),
    placedAtHome: i32(),
    backlog: i32(),
    flow: new Int32Array(runs * inputs.years.length * M * M)
  };
}

function checkInputs(inputs: ModelInputs, scenario: Scenario, options: SimulateOptions): void {
  const {runs, seed, firstRun = 0} = options;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`simulate: runs must be a positive integer, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`simulate: seed must be a non-negative integer, got ${seed}`);
  if (!Number.isInteger(firstRun) || firstRun < 0) throw new Error(`simulate: firstRun must be a non-negative integer, got ${firstRun}`);
  const p = inputs.prepared;
  const wanted = dataChoices(scenario);
  for (const field of DATA_CHOICES) {
    if (p[field] !== wanted[field]) {
      throw new Error(`simulate: the inputs were prepared with ${field} = ${p[field]}, scenario "${scenario.id}" asks ${wanted[field]}; call prepareInputs with this scenario`);
    }
  }
}

/**
 * What a run of this scenario costs, relative to a run with Poisson inflow: a weight for spreading requests over
 * workers, never part of the numbers. Overdispersed inflow draws a negative binomial count and a binomial split per
 * group, from larger tables: about three times the work (measured in a Chromium worker, 5,000 runs of the agreed
 * scenario with φ = 0,3: 440-600 ms, against 90-260 ms with φ = 0).
 *
 * @example
 * runCost({...agreed, inflowDispersion: 0.3}); // 3
 */
export function runCost(scenario: Pick<Scenario, "stochastic" | "inflowDispersion">): number {
  return scenario.stochastic && scenario.inflowDispersion > 0 ? 3 : 1;
}

/**
 * Runs the Monte Carlo simulation of a scenario. Every stochastic component has its own random stream per run and
 * municipality (see random/streams.ts), so two scenarios simulated with the same seed share their vacancy and
 * inflow draws and differ by policy alone.
 *
 * @example
 * const result = simulate(prepareInputs(datasets, agreed), agreed, {runs: 1000, seed: 1});
 * result.placed.length; // 1000 runs × 6 years × 9 columns
 */
export function simulate(inputs: ModelInputs, scenario: Scenario, options: SimulateOptions): SimulationResult {
  return simulateInto(inputs, scenario, options);
}

/** Output arrays a chunked caller can reuse between chunks (fresh memory costs page faults on every chunk). */
export type ResultBuffers = Record<"vacancies" | "suitable" | "inflow" | "placed" | "placedByOrigin" | "placedAtHome" | "backlog" | "flow", Int32Array>;

/**
 * `simulate`, writing the per-run arrays into `buffers` (views of their first runs × years × columns entries) when
 * they are large enough. The result's arrays are then overwritten by the next call with the same buffers.
 *
 * @example
 * const buffers = resultBuffers(10_000, inputs);
 * for (const firstRun of [0, 10_000]) addResult(summary, simulateInto(inputs, scenario, {runs: 10_000, seed, firstRun}, buffers));
 */
export function simulateInto(inputs: ModelInputs, scenario: Scenario, options: SimulateOptions, buffers?: ResultBuffers): SimulationResult {
  checkInputs(inputs, scenario, options);
  const {runs, seed, firstRun = 0} = options;
  const M = inputs.municipalities.length;
  const Y = inputs.years.length;
  const C = M + 1;
  const capShare = scenario.cap;

  const targets = targetsByYear(inputs, scenario);
  const target = new Int32Array(Y * C);
  targets.forEach((t, y) => {
    let sum = 0;
    for (let m = 0; m < M; m++) sum += target[y * C + m] = t[m]!;
    target[y * C + M] = sum;
  });
  const vacancyDraws = new VacancyDraws(inputs, scenario, seed);
  const inflowDraws = new InflowDraws(inputs, scenario, seed);
  const initial = splitInitialBacklog(inputs);
  const placement = new Placement(M, scenario.placement, scenario.spillOver, keyShares(scenario.key, inputs.basis, inputs.municipalities.map(() => true)));
  // Competing claims and the suitable share, per year and municipality (flat: t * M + m).
  const claimShare = new Float64Array(Y * M);
  const suitableShare = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    suitableShare[m] = inputs.suitable[m]!;
    for (let t = 0; t < Y; t++) claimShare[t * M + m] = inputs.claims[t]![m]!;
  }

  const size = runs * Y * C;
  const flowSize = runs * Y * M * M;
  const fits = buffers !== undefined && buffers.vacancies.length >= size && buffers.flow.length >= flowSize;
  const view = (name: keyof ResultBuffers) => (fits ? buffers[name].subarray(0, name === "flow" ? flowSize : size) : new Int32Array(name === "flow" ? flowSize : size));
  const out: ResultBuffers = {
    vacancies: view("vacancies"),
    suitable: view("suitable"),
    inflow: view("inflow"),
    placed: view("placed"),
    placedByOrigin: view("placedByOrigin"),
    placedAtHome: view("placedAtHome"),
    backlog: view("backlog"),
    flow: view("flow")
  };
  const outV = out.vacancies, outS = out.suitable, outD = out.inflow, outP = out.placed, outO = out.placedByOrigin, outH = out.placedAtHome, outB = out.backlog, outF = out.flow;

  // Draws kept from an earlier simulation of the same data, seed and runs are replayed; else drawn (and kept).
  const keep = options.reuseDraws === true && KeptDraws.keepable(inputs, scenario);
  const replayed = keep ? kept.find(inputs, scenario, {seed, firstRun, runs}) : null;
  const room = keep && replayed === null ? kept.room(inputs, scenario, {seed, firstRun, runs}) : null;
  const draws: Draws | null = replayed ?? room;
  let order: Int32Array;
  if (replayed !== null) order = replayed.order;
  else {
    order = room !== null ? room.order : new Int32Array(runs);
    levelOrder(inflowDraws, firstRun, order);
  }
  lastObjects = [vacancyDraws, inflowDraws, placement];
  runLoop(order, runs, firstRun, Y, M, capShare === null ? -1 : capShare, vacancyDraws, inflowDraws, replayed !== null ? REPLAY : room !== null ? RECORD : DRAW, draws?.vacancies ?? EMPTY, draws?.inflow ?? EMPTY, placement, initial.home, initial.pool, claimShare, suitableShare, targets.map((t) => Int32Array.from(t)), outV, outS, outD, outP, outO, outH, outB, outF);
  room?.filled();

  return {
    scenario,
    municipalities: columnNames(inputs).slice(),
    years: inputs.years.slice(),
    runs,
    firstRun,
    seed,
    capShare: scenario.cap ?? DEFAULT_CAP_SHARE,
    vacancies: outV,
    suitable: outS,
    inflow: outD,
    placed: outP,
    placedByOrigin: outO,
    placedAtHome: outH,
    flow: outF,
    backlog: outB,
    target
  };
}

// Runs in order of their prognosis level (each run's numbers are its own, written at its own index): one level's
// inflow tables then stay in the cache for a few hundred runs instead of being fetched anew for each run.
function levelOrder(inflowDraws: InflowDraws, firstRun: number, order: Int32Array): void {
  const runs = order.length;
  const levels = inflowDraws.levels;
  if (levels > 1) {
    const level = new Int32Array(runs);
    const count = new Int32Array(levels + 1);
    for (let i = 0; i < runs; i++) count[(level[i] = inflowDraws.level(firstRun + i)) + 1]! += 1;
    for (let k = 0; k < levels; k++) count[k + 1]! += count[k]!;
    for (let i = 0; i < runs; i++) order[count[level[i]!]!++] = i;
  } else for (let i = 0; i < runs; i++) order[i] = i;
}

// The draws of the two most recent simulations that asked to reuse them (a comparison's two scenarios of other
// data each keep theirs), and what the run loop does with draws: draw them, draw and record them, or replay them.
const kept = new KeptDraws(2);
const DRAW = 0;
const RECORD = 1;
const REPLAY = 2;
const EMPTY = new Int32Array(0);

// The last simulation's draws and placement, kept until the next one (and with the draws their last seedrandom
// generators). V8 gives an object the hidden class its constructor's assignments lead to (a generator: the
// properties alea adds to it), and that class lives only as long as some object has it; optimised code checks
// against it. In a page's worker every such object dies between two requests, a collection then drops the
// classes, and V8 throws away the optimised code of the run loop and everything it calls ("embedded weak objects
// cleared"): each request recompiled them in the background, on the cores the workers simulate on (about 40
// optimising compiles in 7 requests). Keeping one object of each class keeps the classes, and the code.
let lastObjects: readonly object[] = [];

// The result's column names, made once per inputs: reading the names off the municipality objects after every
// simulation threw away simulateInto's optimised code again and again (V8 "wrong map" on those objects).
const columns = new WeakMap<ModelInputs, readonly string[]>();
function columnNames(inputs: ModelInputs): readonly string[] {
  let names = columns.get(inputs);
  if (names === undefined) columns.set(inputs, (names = [...inputs.municipalities.map((m) => m.name), REGION]));
  return names;
}

// The run loop on its own, with typed arrays and numbers only: one optimised body whatever the caller does around
// it (the result object, the buffers), so that a call never runs it unoptimised. `capShare` < 0: no cap.
function runLoop(
  order: Int32Array,
  runs: number,
  firstRun: number,
  Y: number,
  M: number,
  capShare: number,
  vacancyDraws: VacancyDraws,
  inflowDraws: InflowDraws,
  drawMode: number,
  keptVacancies: Int32Array,
  keptInflow: Int32Array,
  placement: Placement,
  initialHome: Int32Array,
  initialPool: Int32Array,
  claimShare: Float64Array,
  suitableShare: Float64Array,
  yearTargets: Int32Array[],
  outV: Int32Array,
  outS: Int32Array,
  outD: Int32Array,
  outP: Int32Array,
  outO: Int32Array,
  outH: Int32Array,
  outB: Int32Array,
  outF: Int32Array
): void {
  const C = M + 1;
  // Per-year buffers, reused across runs: no allocation in the loop.
  const V = new Int32Array(M);
  const S = new Int32Array(M);
  const cap = new Int32Array(M);
  const returners = new Int32Array(M);
  const poolAny = new Int32Array(M);
  const poolNotHome = new Int32Array(M);
  const placed = new Int32Array(M);
  const byOrigin = new Int32Array(M);
  const waitHome = placement.waitHome;
  const waitAny = placement.waitAny;
  const waitNotHome = placement.waitNotHome;
  // A run's flows are built in a small buffer that stays in the cache and copied out once: runs are done in level
  // order, so writing 64 cells a year straight into the large result would miss the cache on every first touch.
  const MM = M * M;
  const runFlow = new Int32Array(Y * MM);

  for (let j = 0; j < runs; j++) {
    const i = order[j]!;
    const run = firstRun + i;
    if (drawMode !== REPLAY) {
      vacancyDraws.startRun(run);
      inflowDraws.startRun(run);
    }
    placement.reset(initialHome, initialPool);
    runFlow.fill(0);

    for (let t = 0; t < Y; t++) {
      // 1. Lettings, minus competing claims, times the suitable share; capacity is (a cap's share of) what is left.
      const at = (i * Y + t) * M;
      if (drawMode === REPLAY) for (let m = 0; m < M; m++) V[m] = keptVacancies[at + m]!;
      else {
        vacancyDraws.draw(t, V);
        if (drawMode === RECORD) for (let m = 0; m < M; m++) keptVacancies[at + m] = V[m]!;
      }
      for (let m = 0; m < M; m++) {
        const v = V[m]!;
        const claims = Math.round(claimShare[t * M + m]! * v);
        const s = Math.floor((v - claims) * suitableShare[m]! + 1e-9);
        S[m] = s;
        cap[m] = capShare < 0 ? s : capacity(s, capShare);
      }
      // 2. Inflow by origin: returners (instroom = uitstroom) and the regional pool.
      if (drawMode === REPLAY) {
        for (let m = 0, k = at * 3; m < M; m++, k += 3) {
          returners[m] = keptInflow[k]!;
          poolAny[m] = keptInflow[k + 1]!;
          poolNotHome[m] = keptInflow[k + 2]!;
        }
      } else {
        inflowDraws.draw(t, returners, poolAny, poolNotHome);
        if (drawMode === RECORD) {
          for (let m = 0, k = at * 3; m < M; m++, k += 3) {
            keptInflow[k] = returners[m]!;
            keptInflow[k + 1] = poolAny[m]!;
            keptInflow[k + 2] = poolNotHome[m]!;
          }
        }
      }
      let sD = 0;
      const base = (i * Y + t) * C;
      for (let m = 0; m < M; m++) {
        const d = returners[m]! + poolAny[m]! + poolNotHome[m]!;
        outD[base + m] = d;
        sD += d;
      }
      outD[base + M] = sD;
      // 3. Placement, and whose residents are housed where.
      const flowBase = t * MM;
      placement.year(returners, poolAny, poolNotHome, cap, yearTargets[t]!, runFlow, flowBase, placed, byOrigin, true);

      // 4. Outputs.
      let sV = 0, sS = 0, sP = 0, sO = 0, sH = 0, sB = 0;
      for (let m = 0; m < M; m++) {
        const h = runFlow[flowBase + m * M + m]!;
        const b = waitHome[m]! + waitAny[m]! + waitNotHome[m]!;
        outV[base + m] = V[m]!;
        outS[base + m] = S[m]!;
        outP[base + m] = placed[m]!;
        outO[base + m] = byOrigin[m]!;
        outH[base + m] = h;
        outB[base + m] = b;
        sV += V[m]!;
        sS += S[m]!;
        sP += placed[m]!;
        sO += byOrigin[m]!;
        sH += h;
        sB += b;
      }
      outV[base + M] = sV;
      outS[base + M] = sS;
      outP[base + M] = sP;
      outO[base + M] = sO;
      outH[base + M] = sH;
      outB[base + M] = sB;
    }
    outF.set(runFlow, i * Y * MM);
  }
}
