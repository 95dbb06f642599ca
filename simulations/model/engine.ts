// The Monte Carlo engine: per run and year, draw vacancies and inflow, then house returners at home and the
// regional pool by the targets, with the rest waiting (or spilling over). Reads like DOMAIN.md §3.
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {stream, type Uniform} from "../random/streams.ts";
import {sampleTable, type DiscreteTable} from "../distributions/table.ts";
import {poissonTable} from "../distributions/poisson.ts";
import {poissonSampler, samplePoisson, type PoissonSampler} from "../distributions/poissonInverse.ts";
import {negativeBinomialTable, sizeFromOverdispersion} from "../distributions/negativeBinomial.ts";
import {binomialTables} from "../distributions/binomial.ts";
import {gamma} from "../distributions/gamma.ts";
import {rampPeriod, yearTargets} from "./ramp.ts";
import {capacity} from "./capacity.ts";
import {placeReturners} from "./returnToOrigin.ts";
import {spreadPool, spreadScratch} from "./regionalSpreading.ts";
import {spillOver} from "./spillOver.ts";
import {attributePool} from "./backlog.ts";

/** The share of vacancies above which a municipality counts as over-asked when the scenario sets no cap. */
export const DEFAULT_CAP_SHARE = 0.18;
/** Name of the region's total in results and tables. */
export const REGION = "regio";

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
  const G = inputs.groups.length;
  const C = M + 1;
  const stochastic = scenario.stochastic;
  const capShare = scenario.cap;
  const spill = scenario.spillOver;
  const calibration = inputs.calibration;

  const targets = inputs.years.map((year) => {
    try {
      return yearTargets(rampPeriod(scenario.ramp, year), scenario.key, inputs.basis, inputs.amersfoort);
    } catch (e) {
      throw new Error(`simulate: scenario "${scenario.id}": ${(e as Error).message}`);
    }
  });
  const target = new Int32Array(Y * C);
  targets.forEach((t, y) => {
    let sum = 0;
    for (let m = 0; m < M; m++) sum += target[y * C + m] = t[m]!;
    target[y * C + M] = sum;
  });

  // Inverse-CDF tables for the fixed distributions, built once: a draw is then one uniform and a table lookup.
  const vacancyTables: DiscreteTable[] = inputs.vacancies.mean.map((mean, m) => negativeBinomialTable(mean, inputs.vacancies.size[m] ?? Infinity));
  // With a calibration the inflow rate is per origin (all groups); the prognosis only splits it over the groups.
  const groupSplit = inputs.inflow.map((byGroup) =>
    byGroup.map((byOrigin, g) =>
      byOrigin.map((_, m) => {
        let total = 0;
        for (let h = 0; h < G; h++) total += byGroup[h]![m]!;
        return total > 0 ? byGroup[g]![m]! / total : 1 / G;
      })
    )
  );
  // Poisson inflow (no overdispersion, or a calibration's Gamma-Poisson given the run's rate): by Poisson thinning,
  // the returners of all groups together are Poisson with mean Σ_g mean_g·share_g and the others independently
  // Poisson with mean Σ_g mean_g·(1 − share_g) — the same distribution as a draw per group followed by a binomial
  // split, in 2 draws per origin and year instead of 2 per group. Overdispersed inflow is drawn per group.
  const poissonSplit = scenario.inflowDispersion === 0 || calibration !== null;
  const homeFraction = inputs.years.map((_, t) =>
    inputs.municipalities.map((_, m) => {
      let f = 0;
      for (let g = 0; g < G; g++) f += (calibration ? groupSplit[t]![g]![m]! : inputs.inflow[t]![g]![m]!) * inputs.groups[g]!.returnShare;
      return f;
    })
  );
  const poolFraction = inputs.years.map((_, t) =>
    inputs.municipalities.map((_, m) => {
      let f = 0;
      for (let g = 0; g < G; g++) f += (calibration ? groupSplit[t]![g]![m]! : inputs.inflow[t]![g]![m]!) * (1 - inputs.groups[g]!.returnShare);
      return f;
    })
  );
  const homeTables = homeFraction.map((row) => row.map((mean) => poissonTable(mean)));
  const poolTables = poolFraction.map((row) => row.map((mean) => poissonTable(mean)));
  const inflowSize = sizeFromOverdispersion(scenario.inflowDispersion);
  const groupTables: DiscreteTable[][][] = poissonSplit ? [] : inputs.inflow.map((byGroup) => byGroup.map((byOrigin) => byOrigin.map((mean) => negativeBinomialTable(mean, inflowSize))));
  const returnTables = inputs.groups.map((g) => binomialTables(g.returnShare));
  // Initial backlog (realised, by origin) is split into returners and pool by the origin's expected return share.
  const initialReturners = new Int32Array(M);
  const initialPool = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    let weight = 0;
    let returning = 0;
    for (let g = 0; g < G; g++) {
      weight += inputs.inflow[0]![g]![m]!;
      returning += inputs.inflow[0]![g]![m]! * inputs.groups[g]!.returnShare;
    }
    const b = inputs.initialBacklog[m]!;
    initialReturners[m] = weight > 0 ? Math.round((b * returning) / weight) : 0;
    initialPool[m] = b - initialReturners[m]!;
  }

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
  const scratch = spreadScratch(M);
  const vacancyStreams: Uniform[] = new Array(M);
  const inflowStreams: Uniform[] = new Array(M);
  const returnStreams: Uniform[] = new Array(M);
  const runVacancy: PoissonSampler[] = new Array(M);
  const inflowRate = new Float64Array(M);

  for (let i = 0; i < runs; i++) {
    const run = firstRun + i;
    if (stochastic) {
      for (let m = 0; m < M; m++) {
        vacancyStreams[m] = stream(seed, "vacancies", run, m);
        inflowStreams[m] = stream(seed, "inflow", run, m);
        if (!poissonSplit) returnStreams[m] = stream(seed, "return", run, m);
      }
    }
    if (calibration) {
      // Gamma-Poisson predictive: one rate per run (the belief), then Poisson counts given it in every year.
      for (let m = 0; m < M; m++) {
        const v = calibration.vacancies[m]!;
        const d = calibration.inflow[m]!;
        if (stochastic) {
          runVacancy[m] = poissonSampler(gamma(v.shape, v.rate, stream(seed, "vacancyRate", run, m)));
          inflowRate[m] = gamma(d.shape, d.rate, stream(seed, "inflowRate", run, m));
        } else {
          inflowRate[m] = d.shape / d.rate;
        }
      }
    }
    waitingHome.set(initialReturners);
    waitingPool.set(initialPool);

    for (let t = 0; t < Y; t++) {
      // 1. Vacancies and the capacity they give.
      for (let m = 0; m < M; m++) {
        if (stochastic) V[m] = calibration ? samplePoisson(runVacancy[m]!, vacancyStreams[m]!()) : sampleTable(vacancyTables[m]!, vacancyStreams[m]!());
        else V[m] = Math.round(calibration ? calibration.vacancies[m]!.shape / calibration.vacancies[m]!.rate : inputs.vacancies.mean[m]!);
        cap[m] = capacity(V[m]!, capShare);
      }
      // 2. Inflow by origin, split into returners (instroom = uitstroom) and the regional pool.
      for (let m = 0; m < M; m++) {
        let home = 0;
        let away = 0;
        if (!stochastic) {
          for (let g = 0; g < G; g++) {
            const mean = calibration ? inflowRate[m]! * groupSplit[t]![g]![m]! : inputs.inflow[t]![g]![m]!;
            const d = Math.round(mean);
            const r = Math.round(d * inputs.groups[g]!.returnShare);
            home += r;
            away += d - r;
          }
        } else if (poissonSplit) {
          const u = inflowStreams[m]!;
          if (calibration) {
            home = samplePoisson(poissonSampler(inflowRate[m]! * homeFraction[t]![m]!), u());
            away = samplePoisson(poissonSampler(inflowRate[m]! * poolFraction[t]![m]!), u());
          } else {
            home = sampleTable(homeTables[t]![m]!, u());
            away = sampleTable(poolTables[t]![m]!, u());
          }
        } else {
          for (let g = 0; g < G; g++) {
            const d = sampleTable(groupTables[t]![g]![m]!, inflowStreams[m]!());
            const r = sampleTable(returnTables[g]!(d), returnStreams[m]!());
            home += r;
            away += d - r;
          }
        }
        inflow[m] = home + away;
        returners[m] = home;
        newcomers[m] = away;
      }
      // 3. Returners at home first, then the pool by the targets' room, then (optionally) spill-over.
      placeReturners(returners, waitingHome, cap, placedHome);
      let pool = 0;
      for (let m = 0; m < M; m++) pool += waitingPool[m]! + newcomers[m]!;
      const tt = targets[t]!;
      let left = spreadPool(pool, tt, placedHome, cap, placedPool, scratch);
      if (spill && left > 0) left = spillOver(left, cap, placedSpill);
      else placedSpill.fill(0);
      // 4. Who of the pool was housed, by origin; the rest waits.
      attributePool(pool - left, waitingPool, newcomers, housedPool, attributeScratch);

      // 5. Outputs.
      const base = (i * Y + t) * C;
      const outV = out.vacancies, outD = out.inflow, outP = out.placed, outO = out.placedByOrigin, outB = out.backlog;
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
