// The deterministic fair-share solver: the lexicographic min-max targets of a period, with what binds them and
// how far they are from the agreed ramp.
import type {ModelInputs} from "../model/inputs.ts";
import type {Scenario} from "../scenario/schema.ts";
import {targetsByYear} from "../model/ramp.ts";
import {burden, type Measure} from "../measures/definitions.ts";
import {maxMinRatio} from "../measures/spread.ts";
import {lexMinMax} from "./lexMinMax.ts";
import {fairShareProblem, type FairShareOptions, type FairShareProblem} from "./problem.ts";

/** What holds a municipality's target where it is: its floor, its ceiling, a fixed value, or nothing. */
export type Binding = "floor" | "ceiling" | "fixed" | null;

export interface FairShareSolution {
  readonly from: number;
  readonly to: number;
  readonly measure: Measure;
  /** Placements per year in the region (the targets' sum). */
  readonly total: number;
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  /** Targets per year, per municipality (inputs' order), summing exactly to `total`. */
  readonly targets: readonly number[];
  /** Expected burden of each target in the measure's unit (per 1,000 inhabitants, per 100 homes or lettings). */
  readonly burdens: readonly number[];
  readonly floors: readonly number[];
  readonly ceilings: readonly number[];
  readonly binding: readonly Binding[];
  /** The base scenario's targets per year in the period (their mean over the period's years). */
  readonly agreed: readonly number[];
  /** targets − agreed, per year. */
  readonly gap: readonly number[];
  /** Heaviest expected burden over the lightest, across the municipalities. */
  readonly maxMin: number;
  /** Expected share of lettings per municipality (target / expected lettings). */
  readonly expectedShares: readonly number[];
}

// For the lexicographic solution a constraint binds when dropping it alone changes the municipality's target: the
// target sits at the bound because of the bound, not by chance. For other targets (the robust solver's): when the
// target sits at the bound.
function bindings(problem: FairShareProblem, targets: Int32Array, lexicographic: boolean): Binding[] {
  return problem.names.map((_, m) => {
    if (problem.fixed[m]) return "fixed";
    if (!lexicographic) return targets[m] === problem.floors[m] ? "floor" : targets[m] === problem.ceilings[m] ? "ceiling" : null;
    if (targets[m] === problem.floors[m]) {
      const relaxed = lexMinMax({...problem, floors: problem.floors.map((f, i) => (i === m ? 0 : f))});
      if (relaxed[m]! < targets[m]!) return "floor";
    }
    if (targets[m] === problem.ceilings[m]) {
      const relaxed = lexMinMax({...problem, ceilings: problem.ceilings.map((c, i) => (i === m ? Infinity : c))});
      if (relaxed[m]! > targets[m]!) return "ceiling";
    }
    return null;
  });
}

/**
 * The base scenario's targets per municipality, averaged over the years `from`..`to`.
 *
 * @example
 * agreedTargets(inputs, agreed, 2027, 2030); // [108, 17, 12, 6, 18, 29, 31, 6]
 */
export function agreedTargets(inputs: ModelInputs, base: Scenario, from: number, to: number): number[] {
  const byYear = targetsByYear(inputs, base);
  const ts = inputs.years.map((y, t) => (y >= from && y <= to ? t : -1)).filter((t) => t >= 0);
  return inputs.municipalities.map((_, m) => ts.reduce((s, t) => s + byYear[t]![m]!, 0) / ts.length);
}

/**
 * Solves a fair-share problem: the integer targets that sum to the total, respect floors, ceilings and fixed
 * values, and minimise the largest expected burden, then the next largest. Throws an `InfeasibleError` (Dutch)
 * when no targets can. `base` (the agreed scenario) gives the gap to the ramp.
 *
 * @example
 * const s = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}});
 * s.targets; // e.g. [108, 10, 11, 6, 20, 29, 31, 8]
 */
export function solveFairShare(inputs: ModelInputs, base: Scenario, options: FairShareOptions): FairShareSolution {
  const problem = fairShareProblem(inputs, options);
  const targets = lexMinMax(problem);
  return describeSolution(inputs, base, problem, Array.from(targets), true);
}

/**
 * The report of targets for a problem: burdens, bindings, gap to the base scenario. `lexicographic`: the targets
 * are `lexMinMax`'s (bindings are then tested by relaxing each bound), not another method's (the robust solver's).
 */
export function describeSolution(inputs: ModelInputs, base: Scenario, problem: FairShareProblem, targets: readonly number[], lexicographic: boolean): FairShareSolution {
  const {from, to, measure} = problem.options;
  const burdens = targets.map((x, m) => burden(x, problem.denominators[m]!, measure));
  const agreed = agreedTargets(inputs, base, from, to);
  const lex = Int32Array.from(targets);
  return {
    from,
    to,
    measure,
    total: targets.reduce((a, b) => a + b, 0),
    municipalities: inputs.municipalities,
    targets: [...targets],
    burdens,
    floors: problem.floors,
    ceilings: problem.ceilings,
    binding: bindings(problem, lex, lexicographic),
    agreed,
    gap: targets.map((x, m) => x - agreed[m]!),
    maxMin: maxMinRatio(burdens),
    expectedShares: targets.map((x, m) => x / problem.expectedLettings[m]!)
  };
}
