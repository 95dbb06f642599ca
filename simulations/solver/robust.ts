// The robust fair-share solver: targets that make it most likely that every municipality's share of lettings
// stays within the band in every year of the period, under the engine's uncertainty. Every candidate is
// simulated with the same seed (common random numbers), so two candidates differ by their targets alone.
import {resultBuffers, simulateInto, type ResultBuffers, type SimulationResult} from "../model/engine.ts";
import type {ModelInputs} from "../model/inputs.ts";
import type {Scenario} from "../scenario/schema.ts";
import {SHARE_BAND} from "../agreement.ts";
import {lexMinMax} from "./lexMinMax.ts";
import {fairShareProblem, type FairShareOptions, type FairShareProblem} from "./problem.ts";
import {describeSolution, type FairShareSolution} from "./solve.ts";
import {replacePeriod} from "./scenario.ts";

/** Candidates the robust search simulates at most unless told otherwise: with 5,000 runs each about 2 s of CPU. */
export const ROBUST_EVALUATIONS = 12;

export interface RobustOptions {
  /** Monte Carlo runs per candidate (e.g. 5,000). */
  readonly runs: number;
  readonly seed: number;
  /** Band of the share of lettings (fractions), default the agreed 7-18%. */
  readonly band?: readonly [number, number];
  /** Most candidates simulated (default ROBUST_EVALUATIONS, 12): the search is bounded by a count, not a clock, so the same seed
   * gives the same targets on any machine. */
  readonly maxEvaluations?: number;
  /** Moves simulated per step, in the order a quick estimate ranks them (default 3). */
  readonly movesPerStep?: number;
}

/** How good targets are, compared in this order (larger is better). */
export interface RobustScore {
  /** Runs in which every municipality's share lies within the band in every year of the period. */
  readonly everyYear: number;
  /** Σ over the period's years of the runs in which every municipality's share lies within the band. */
  readonly yearsAllWithin: number;
  /** Σ over runs, years and municipalities of shares outside the band (fewer is better). */
  readonly outside: number;
}

export interface RobustSolution extends FairShareSolution {
  /** P(all within the band in every year of the period) of these targets, and of the lexicographic start. */
  readonly pAllWithin: number;
  readonly pAllWithinStart: number;
  /** The same for the base scenario's own targets (e.g. the agreed ramp), with the same draws. */
  readonly pAllWithinBase: number;
  /** Mean over the period's years of P(all within the band in that year). */
  readonly pAllWithinPerYear: number;
  /** The lexicographic min-max targets the search started from. */
  readonly start: readonly number[];
  readonly evaluations: number;
  readonly steps: number;
  /** True when no move among those tried improved (a local optimum for the tried moves); false: budget spent. */
  readonly converged: boolean;
  readonly runs: number;
  readonly seed: number;
  readonly band: readonly [number, number];
}

/**
 * Compares two scores: positive when `a` is better.
 *
 * @example
 * compareScores({everyYear: 10, yearsAllWithin: 0, outside: 0}, {everyYear: 9, yearsAllWithin: 99, outside: 0}); // > 0
 */
export function compareScores(a: RobustScore, b: RobustScore): number {
  return a.everyYear - b.everyYear || a.yearsAllWithin - b.yearsAllWithin || b.outside - a.outside;
}

interface Evaluation {
  readonly score: RobustScore;
  /** Per run × period year × municipality: 1 when the share lies outside the band. */
  readonly out: Uint8Array;
  /** Per run × period year: how many municipalities lie outside. */
  readonly outCount: Uint8Array;
  readonly result: SimulationResult;
}

function within(placed: number, lettings: number, band: readonly [number, number]): boolean {
  const share = lettings > 0 ? placed / lettings : 0;
  return share >= band[0] && share <= band[1];
}

function evaluate(inputs: ModelInputs, scenario: Scenario, years: readonly number[], band: readonly [number, number], runs: number, seed: number, buffers: ResultBuffers): Evaluation {
  // Every candidate is simulated on the same runs: the draws are made once and replayed.
  const r = simulateInto(inputs, scenario, {runs, seed, reuseDraws: true}, buffers);
  const M = inputs.municipalities.length;
  const C = M + 1;
  const Y = r.years.length;
  const P = years.length;
  const out = new Uint8Array(runs * P * M);
  const outCount = new Uint8Array(runs * P);
  let everyYear = 0;
  let yearsAllWithin = 0;
  let outside = 0;
  for (let i = 0; i < runs; i++) {
    let all = true;
    for (let k = 0; k < P; k++) {
      const base = (i * Y + years[k]!) * C;
      let n = 0;
      for (let m = 0; m < M; m++) {
        if (!within(r.placed[base + m]!, r.vacancies[base + m]!, band)) {
          out[(i * P + k) * M + m] = 1;
          n++;
        }
      }
      outCount[i * P + k] = n;
      outside += n;
      if (n === 0) yearsAllWithin++;
      else all = false;
    }
    if (all) everyYear++;
  }
  return {score: {everyYear, yearsAllWithin, outside}, out, outCount, result: r};
}

/**
 * A quick estimate of the score after moving one placement from `from` to `to`, from the current candidate's runs:
 * as if one target less or more were one placement less or more in every run and year. Only ranks the moves; the
 * engine decides. (Counting only runs where a municipality met its target exactly ranked moves away from a
 * municipality whose pool share falls short, such as Amersfoort, too low, and the search stopped early.)
 */
function estimate(e: Evaluation, targets: readonly number[], from: number, to: number, years: readonly number[], band: readonly [number, number], M: number): RobustScore {
  const r = e.result;
  const Y = r.years.length;
  const C = M + 1;
  const P = years.length;
  let everyYear = 0;
  let yearsAllWithin = 0;
  let outside = 0;
  for (let i = 0; i < r.runs; i++) {
    let all = true;
    for (let k = 0; k < P; k++) {
      const base = (i * Y + years[k]!) * C;
      const at = (i * P + k) * M;
      const pf = r.placed[base + from]!;
      const pt = r.placed[base + to]!;
      const outFrom = within(pf - 1, r.vacancies[base + from]!, band) ? 0 : 1;
      const outTo = within(pt + 1, r.vacancies[base + to]!, band) ? 0 : 1;
      const n = e.outCount[i * P + k]! - e.out[at + from]! - e.out[at + to]! + outFrom + outTo;
      outside += n;
      if (n === 0) yearsAllWithin++;
      else all = false;
    }
    if (all) everyYear++;
  }
  return {everyYear, yearsAllWithin, outside};
}

/** The scenario of candidate targets: the base with the period's ramp given per municipality. */
function candidate(base: Scenario, problem: FairShareProblem, targets: readonly number[]): Scenario {
  const {from, to} = problem.options;
  const period = {from, to, targets: Object.fromEntries(problem.municipalities.map((m, i) => [m.code, targets[i]!]))};
  return {...base, ramp: replacePeriod(base.ramp, period)};
}

/**
 * Local search from the lexicographic min-max targets: each step ranks every move of one placement between two
 * municipalities (within floors and ceilings, fixed ones untouched) by a quick estimate, simulates the best
 * `movesPerStep` (after the last improving move: that move again at twice its size, then at one placement) with the engine (same seed for all: common random numbers) and takes the first that improves the
 * score (P(all within the band every year), then the years all within, then fewer shares outside). Stops when
 * none of those improves or after `maxEvaluations` simulations (the base scenario's own targets are simulated once
 * more, for comparison, outside that count).
 *
 * @example
 * const s = solveRobust(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}}, {runs: 5000, seed: 1});
 * s.pAllWithin; // e.g. 0.31, against s.pAllWithinStart for the lexicographic targets
 */
export function solveRobust(inputs: ModelInputs, base: Scenario, options: FairShareOptions, robust: RobustOptions): RobustSolution {
  const {runs, seed} = robust;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`solveRobust: runs must be a positive integer, got ${runs}`);
  const band = robust.band ?? SHARE_BAND;
  const maxEvaluations = robust.maxEvaluations ?? ROBUST_EVALUATIONS;
  const movesPerStep = robust.movesPerStep ?? 3;
  const problem = fairShareProblem(inputs, options);
  const start = Array.from(lexMinMax(problem));
  const M = problem.names.length;
  const years = inputs.years.map((y, t) => (y >= options.from && y <= options.to ? t : -1)).filter((t) => t >= 0);
  const buffers = resultBuffers(runs, inputs);

  let targets = start;
  // Candidates are simulated into one set of buffers; the current one keeps its own copy of what is read later.
  let current = snapshot(evaluate(inputs, candidate(base, problem, targets), years, band, runs, seed, buffers));
  const startScore = current.score;
  const baseScore = evaluate(inputs, base, years, band, runs, seed, buffers).score;
  let evaluations = 1;
  let steps = 0;
  let converged = false;
  const free = problem.fixed.map((f) => !f);
  let last: {from: number; to: number; size: number} | undefined;
  search: while (evaluations < maxEvaluations) {
    const moves: {from: number; to: number; size: number; score: RobustScore}[] = [];
    for (let i = 0; i < M; i++) {
      if (!free[i] || targets[i]! <= problem.floors[i]!) continue;
      for (let j = 0; j < M; j++) {
        if (j === i || !free[j] || targets[j]! >= problem.ceilings[j]!) continue;
        moves.push({from: i, to: j, size: 1, score: estimate(current, targets, i, j, years, band, M)});
      }
    }
    // Best estimate first; ties in the order of the municipalities (deterministic). The move that improved last is
    // tried first again, twice as large (as far as the bounds allow): the way toward the optimum often takes several
    // steps in one direction, and doubling walks it in a few simulations instead of one per placement.
    moves.sort((a, b) => compareScores(b.score, a.score) || a.from - b.from || a.to - b.to);
    const tries = moves.slice(0, movesPerStep);
    if (last) {
      const room = Math.min(targets[last.from]! - problem.floors[last.from]!, problem.ceilings[last.to]! - targets[last.to]!);
      // The last direction again: at twice its size, then (if that fails) one placement.
      for (const size of [...new Set([Math.min(2 * last.size, room), 1])].filter((x) => x > 0 && x <= room).reverse()) {
        const same = tries.findIndex((m) => m.from === last!.from && m.to === last!.to && m.size === size);
        if (same >= 0) tries.splice(same, 1);
        tries.unshift({from: last.from, to: last.to, size, score: current.score});
      }
    }
    for (const move of tries) {
      if (evaluations >= maxEvaluations) break search;
      const next = targets.slice();
      next[move.from]! -= move.size;
      next[move.to]! += move.size;
      const e = evaluate(inputs, candidate(base, problem, next), years, band, runs, seed, buffers);
      evaluations++;
      if (compareScores(e.score, current.score) > 0) {
        targets = next;
        current = snapshot(e);
        last = move;
        steps++;
        continue search;
      }
    }
    converged = true;
    break;
  }
  const solution = describeSolution(inputs, base, problem, targets, false);
  const P = years.length;
  return {
    ...solution,
    pAllWithin: current.score.everyYear / runs,
    pAllWithinStart: startScore.everyYear / runs,
    pAllWithinBase: baseScore.everyYear / runs,
    pAllWithinPerYear: current.score.yearsAllWithin / (runs * P),
    start,
    evaluations,
    steps,
    converged,
    runs,
    seed,
    band: [band[0], band[1]]
  };
}

// An evaluation whose result no longer shares the simulation buffers (only the arrays the estimate reads).
function snapshot(e: Evaluation): Evaluation {
  const r = e.result;
  return {...e, result: {...r, placed: r.placed.slice(), vacancies: r.vacancies.slice()}};
}
