// The Monte Carlo engine: per run and year, draw vacancies and inflow, then house returners at home and the
// regional pool by the targets, with the rest waiting (or spilling over). Reads like DOMAIN.md §3.
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {targetsByYear} from "./ramp.ts";
import {VacancyDraws} from "./vacancyDraws.ts";
import {InflowDraws} from "./inflowDraws.ts";
import {capacity} from "./capacity.ts";
import {placeReturners} from "./returnToOrigin.ts";
import {spreadPool, spreadScratch} from "./regionalSpreading.ts";
import {spillOver} from "./spillOver.ts";
import {attributePool, splitInitialBacklog} from "./backlog.ts";

import {DEFAULT_CAP_SHARE, REGION} from "../agreement.ts";

export {DEFAULT_CAP_SHARE, REGION};

export interface SimulateOptions {
  /** Number of runs (≥ 1). */
  readonly runs: number;
  /** Non-negative integer; the same seed gives the same numbers, bit for bit. */
  readonly seed: number;
  /** Index of the first run (default 0): a chunk of a larger simulation; run r's numbers do not depend on the chunking. */
  readonly firstRun?: number;
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
  /** Social-rental homes that fell vacant, by municipality. */
  readonly vacancies: Int32Array;
  /** New urgent seekers, by municipality of origin. */
  readonly inflow: Int32Array;
  /** Urgent seekers housed, by host municipality. */
  readonly placed: Int32Array;
  /** Urgent seekers housed, by municipality of origin. */
  readonly placedByOrigin: Int32Array;
  /** People waiting at the end of the year, by municipality of origin. */
  readonly backlog: Int32Array;
  /** Targets from the ramp and the key, years × columns (the same in every run). */
  readonly target: Int32Array;
}

/** Buffers for `simulateInto` that hold `runs` runs of these inputs. */
export function resultBuffers(runs: number, inputs: ModelInputs): ResultBuffers {
  const size = runs * inputs.years.length * (inputs.municipalities.length + 1);
  return {vacancies: new Int32Array(size), inflow: new Int32Array(size), placed: new Int32Array(size), placedByOrigin: new Int32Array(size), backlog: new Int32Array(size)};
}

function checkInputs(inputs: ModelInputs, scenario: Scenario, options: SimulateOptions): void {
  const {runs, seed, firstRun = 0} = options;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`simulate: runs must be a positive integer, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`simulate: seed must be a non-negative integer, got ${seed}`);
  if (!Number.isInteger(firstRun) || firstRun < 0) throw new Error(`simulate: firstRun must be a non-negative integer, got ${firstRun}`);
  const p = inputs.prepared;
  for (const field of ["prognosis", "vacancyDispersion", "vacancyWindow"] as const) {
    if (p[field] !== scenario[field]) {
      throw new Error(`simulate: the inputs were prepared with ${field} = ${p[field]}, scenario "${scenario.id}" asks ${scenario[field]}; call prepareInputs with this scenario`);
    }
  }
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
export type ResultBuffers = Record<"vacancies" | "inflow" | "placed" | "placedByOrigin" | "backlog", Int32Array>;

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
  const spill = scenario.spillOver;

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
  const initialHome = initial.home;
  const initialPool = initial.pool;

  const size = runs * Y * C;
  const fits = buffers !== undefined && buffers.vacancies.length >= size;
  const view = (name: keyof ResultBuffers) => (fits ? buffers[name].subarray(0, size) : new Int32Array(size));
  const out: ResultBuffers = {
    vacancies: view("vacancies"),
    inflow: view("inflow"),
    placed: view("placed"),
    placedByOrigin: view("placedByOrigin"),
    backlog: view("backlog")
  };

  const outV = out.vacancies, outD = out.inflow, outP = out.placed, outO = out.placedByOrigin, outB = out.backlog;

  // Per-year buffers, reused across runs: no allocation in the loop.
  const V = new Int32Array(M);
  const cap = new Int32Array(M);
  const returners = new Int32Array(M);
  const newcomers = new Int32Array(M);
  const inflow = new Int32Array(M);
  const waitingHome = new Int32Array(M);
  const waitingPool = new Int32Array(M);
  const placedHome = new Int32Array(M);
  const placedPool = new Int32Array(M);
  const placedSpill = new Int32Array(M);
  const housedPool = new Int32Array(M);
  const attributeScratch = new Int32Array(M);
  const weightScratch = new Float64Array(M);
  const scratch = spreadScratch(M);

  for (let i = 0; i < runs; i++) {
    const run = firstRun + i;
    vacancyDraws.startRun(run);
    inflowDraws.startRun(run);
    for (let m = 0; m < M; m++) {
      waitingHome[m] = initialHome[m]!;
      waitingPool[m] = initialPool[m]!;
    }

    for (let t = 0; t < Y; t++) {
      // 1. Vacancies and the capacity they give.
      vacancyDraws.draw(V);
      if (capShare === null) for (let m = 0; m < M; m++) cap[m] = V[m]!;
      else for (let m = 0; m < M; m++) cap[m] = capacity(V[m]!, capShare);
      // 2. Inflow by origin, split into returners (instroom = uitstroom) and the regional pool.
      inflowDraws.draw(t, returners, newcomers);
      for (let m = 0; m < M; m++) inflow[m] = returners[m]! + newcomers[m]!;
      // 3. Returners at home first, then the pool by the targets' room, then (optionally) spill-over.
      placeReturners(returners, waitingHome, cap, placedHome);
      let pool = 0;
      for (let m = 0; m < M; m++) pool += waitingPool[m]! + newcomers[m]!;
      const tt = targets[t]!;
      let left = spreadPool(pool, tt, placedHome, cap, placedPool, scratch);
      if (spill && left > 0) left = spillOver(left, cap, placedSpill, weightScratch);
      else for (let m = 0; m < M; m++) placedSpill[m] = 0;
      // 4. Who of the pool was housed, by origin; the rest waits.
      attributePool(pool - left, waitingPool, newcomers, housedPool, attributeScratch, weightScratch);

      // 5. Outputs.
      const base = (i * Y + t) * C;
      let sV = 0, sD = 0, sP = 0, sO = 0, sB = 0;
      for (let m = 0; m < M; m++) {
        const p = placedHome[m]! + placedPool[m]! + placedSpill[m]!;
        const o = placedHome[m]! + housedPool[m]!;
        const b = waitingHome[m]! + waitingPool[m]!;
        outV[base + m] = V[m]!;
        outD[base + m] = inflow[m]!;
        outP[base + m] = p;
        outO[base + m] = o;
        outB[base + m] = b;
        sV += V[m]!;
        sD += inflow[m]!;
        sP += p;
        sO += o;
        sB += b;
      }
      outV[base + M] = sV;
      outD[base + M] = sD;
      outP[base + M] = sP;
      outO[base + M] = sO;
      outB[base + M] = sB;
    }
  }

  return {
    scenario,
    municipalities: [...inputs.municipalities.map((m) => m.name), REGION],
    years: [...inputs.years],
    runs,
    firstRun,
    seed,
    capShare: scenario.cap ?? DEFAULT_CAP_SHARE,
    ...out,
    target
  };
}
