// From the engine's inputs to a fair-share problem: who takes part, what burden is measured, what each
// municipality must at least and may at most get, and what is fixed.
import type {ModelInputs} from "../model/inputs.ts";
import {SHARE_BAND} from "../agreement.ts";
import type {Measure} from "../measures/definitions.ts";
import {violations as lexViolations, type LexProblem} from "./lexMinMax.ts";
import {InfeasibleError, bound, type Violation} from "./infeasible.ts";
import {formatCount, formatPercent} from "./format.ts";

export interface FairShareOptions {
  /** First and last year of the period the targets hold for (every year the same target). */
  readonly from: number;
  readonly to: number;
  readonly measure: Measure;
  /** Placements per year in the whole region, fixed ones included (e.g. 227). */
  readonly total: number;
  /** Fixed targets by CBS code or name, e.g. {Amersfoort: 108}; the others divide the rest. */
  readonly fixed?: Readonly<Record<string, number>>;
  /** Least target per municipality: "returners" (expected returners, the default) or a number for all. */
  readonly floor?: "returners" | number;
  /** Ceiling = ⌊cap × expected lettings⌋ per municipality; null for none. Default: the band's top, 18%. */
  readonly cap?: number | null;
  /** What the cap is a share of: all lettings (the agreement's 7-18%, the default) or the suitable lettings left
   * after competing claims (what the engine's capacity is taken of). */
  readonly ceilingOf?: "lettings" | "suitable";
}

/** A fair-share problem with what it came from (for reports and messages). */
export interface FairShareProblem extends LexProblem {
  readonly options: FairShareOptions;
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  /** Whether each municipality's target is fixed (floor = ceiling = the fixed value). */
  readonly fixed: readonly boolean[];
  /** Expected returners per year (the period's largest year), per municipality. */
  readonly expectedReturners: readonly number[];
  /** Expected lettings per year in the period, per municipality (the vacancy model's mean over its years). */
  readonly expectedLettings: readonly number[];
  /** Expected suitable lettings per year in the period (after competing claims, times the suitable share). */
  readonly expectedSuitable: readonly number[];
}

/**
 * Expected lettings (all, and suitable for urgent seekers) per municipality, averaged over year indices `ts`: the
 * supply model's relettings plus first lettings of new build; with a calibration, its Gamma mean (the key basis).
 *
 * @example
 * expectedLettings(inputs, [2, 3, 4, 5]).all[0]; // Amersfoort, e.g. 1238
 */
export function expectedLettings(inputs: Pick<ModelInputs, "vacancies" | "basis" | "claims" | "suitable" | "calibration" | "municipalities">, ts: readonly number[]): {all: number[]; suitable: number[]} {
  const all = inputs.municipalities.map((_, m) =>
    inputs.calibration ? inputs.basis.vacancies[m]! : ts.reduce((sum, t) => sum + inputs.vacancies.existing[t]![m]! + inputs.vacancies.newBuild[t]![m]!, 0) / ts.length
  );
  const suitable = inputs.municipalities.map((_, m) => ts.reduce((sum, t) => sum + all[m]! * (1 - inputs.claims[t]![m]!) * inputs.suitable[m]!, 0) / ts.length);
  return {all, suitable};
}

/**
 * Expected returners (instroom = uitstroom) per municipality in year index t: Σ over groups of the prognosis'
 * inflow × the group's return share. They are housed at home whatever the target, so a target below them only
 * hides placements.
 *
 * @example
 * expectedReturners(inputs, 2)[0]; // Amersfoort's expected returners in 2027, e.g. 96.2
 */
export function expectedReturners(inputs: Pick<ModelInputs, "inflow" | "groups" | "municipalities">, t: number): number[] {
  const year = inputs.inflow[t];
  if (!year) throw new Error(`expectedReturners: no year index ${t}`);
  return inputs.municipalities.map((_, m) => year.reduce((sum, byOrigin, g) => sum + byOrigin[m]! * inputs.groups[g]!.returnShare, 0));
}


/**
 * Builds the problem and checks it: an `InfeasibleError` (Dutch, naming municipality and constraint, all problems
 * at once) when a fixed target lies outside its own bounds, floors exceed the total or ceilings fall short of it.
 *
 * @example
 * fairShareProblem(inputs, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}});
 */
export function fairShareProblem(inputs: ModelInputs, options: FairShareOptions): FairShareProblem {
  const {from, to, measure, total} = options;
  const ts = inputs.years.map((y, t) => (y >= from && y <= to ? t : -1)).filter((t) => t >= 0);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to) || ts.length !== to - from + 1) {
    throw new InfeasibleError([{municipality: "regio", constraint: "total", message: `De periode ${from}-${to} valt niet binnen de doorgerekende jaren ${inputs.years[0]}-${inputs.years.at(-1)}.`}]);
  }
  const names = inputs.municipalities.map((m) => m.name);
  const n = names.length;
  const floorOption = options.floor ?? "returners";
  const cap = options.cap === undefined ? SHARE_BAND[1] : options.cap;
  const returners = ts.map((t) => expectedReturners(inputs, t));
  const maxReturners = names.map((_, m) => Math.max(...returners.map((r) => r[m]!)));
  const {all: lettings, suitable} = expectedLettings(inputs, ts);
  const ceilingOf = options.ceilingOf ?? "lettings";
  const capBase = ceilingOf === "suitable" ? suitable : lettings;

  const floors: number[] = [];
  const floorReasons: string[] = [];
  const ceilings: number[] = [];
  const ceilingReasons: (string | undefined)[] = [];
  for (let m = 0; m < n; m++) {
    if (floorOption === "returners") {
      floors.push(Math.ceil(maxReturners[m]! - 1e-9));
      floorReasons.push("verwachte terugkeerders");
    } else {
      floors.push(floorOption);
      floorReasons.push("opgegeven ondergrens");
    }
    if (cap === null) {
      ceilings.push(Infinity);
      ceilingReasons.push(undefined);
    } else {
      // The same tolerance as the engine's capacity: floating point must not cost a home.
      ceilings.push(Math.floor(cap * capBase[m]! + 1e-9));
      ceilingReasons.push(`${formatPercent(cap, 0)} van ${formatCount(capBase[m]!)} verwachte ${ceilingOf === "suitable" ? "geschikte " : ""}verhuringen`);
    }
  }

  const problems: Violation[] = [];
  const fixed = names.map(() => false);
  for (const [key, value] of Object.entries(options.fixed ?? {})) {
    const m = inputs.municipalities.findIndex((x) => x.code === key || x.name === key);
    if (m < 0) throw new Error(`fairShareProblem: unknown municipality "${key}"`);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`fairShareProblem: the fixed target of ${names[m]} must be an integer ≥ 0, got ${value}`);
    if (value < floors[m]!) {
      problems.push({municipality: names[m]!, constraint: "fixed", message: `${names[m]}: vast op ${formatCount(value)}, onder de ondergrens ${bound(floors[m]!, floorReasons[m])}.`});
    }
    if (value > ceilings[m]!) {
      problems.push({municipality: names[m]!, constraint: "fixed", message: `${names[m]}: vast op ${formatCount(value)}, boven de bovengrens ${bound(ceilings[m]!, ceilingReasons[m])}.`});
    }
    fixed[m] = true;
    floors[m] = ceilings[m] = value;
    floorReasons[m] = ceilingReasons[m] = "vast";
  }
  const fixedSum = floors.reduce((a, f, m) => a + (fixed[m] ? f : 0), 0);
  if (fixedSum > total) {
    problems.push({municipality: "regio", constraint: "total", message: `De vaste doelen tellen op tot ${formatCount(fixedSum)}, meer dan het totaal van ${formatCount(total)} per jaar.`});
  }
  const problem: FairShareProblem = {
    names,
    denominators: measure === "lettings" ? lettings : inputs.basis[measure],
    total,
    floors,
    ceilings,
    floorReasons,
    ceilingReasons,
    options,
    municipalities: inputs.municipalities,
    fixed,
    expectedReturners: maxReturners,
    expectedLettings: lettings,
    expectedSuitable: suitable
  };
  // Fixed values above the total already say why the floors do not fit; otherwise check the sums over everyone.
  problems.push(...lexViolations(problem).filter((v) => !(fixedSum > total && v.constraint === "floors")));
  if (problems.length > 0) throw new InfeasibleError(problems);
  return problem;
}
