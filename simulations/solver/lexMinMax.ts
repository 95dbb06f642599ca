// The exact core of the fair-share solver: integer targets with a given sum, within floors and ceilings, that
// minimise the largest burden, then the next largest, and so on (lexicographic min-max), for burdens linear in
// the target: burden_m(x) = x / d_m (times a scale common to all, which does not change any comparison).
import {InfeasibleError, bound, type Violation} from "./infeasible.ts";
import {formatCount} from "./format.ts";

export interface LexProblem {
  /** Names for messages, one per entry. */
  readonly names: readonly string[];
  /** Denominator of each entry's burden (> 0): inhabitants, social-rental homes, or expected lettings. */
  readonly denominators: readonly number[];
  /** The integer to divide exactly. */
  readonly total: number;
  /** Least target per entry (non-negative integers). */
  readonly floors: readonly number[];
  /** Largest target per entry (integers, or Infinity for none). */
  readonly ceilings: readonly number[];
  /** Why each floor / ceiling is what it is, in Dutch, for messages (e.g. "verwachte terugkeerders"). */
  readonly floorReasons?: readonly (string | undefined)[];
  readonly ceilingReasons?: readonly (string | undefined)[];
}

/**
 * Compares the burdens a / da and b / db exactly (cross-multiplied: no rounding for integer data): negative when
 * the first is smaller, 0 when equal, positive when larger.
 *
 * @example
 * compareBurden(1, 3, 2, 6); // 0
 */
export function compareBurden(a: number, da: number, b: number, db: number): number {
  return a * db - b * da;
}

/**
 * The reasons a problem has no solution, empty when it has one: an entry whose floor exceeds its ceiling, floors
 * that add up to more than the total, ceilings that add up to less.
 *
 * @example
 * violations({names: ["A", "B"], denominators: [1, 1], total: 5, floors: [3, 3], ceilings: [9, 9]})[0].constraint; // "floors"
 */
export function violations(p: LexProblem): Violation[] {
  const n = p.names.length;
  const out: Violation[] = [];
  if (!Number.isSafeInteger(p.total) || p.total < 0) {
    out.push({municipality: "regio", constraint: "total", message: `Het totaal om te verdelen moet een geheel getal ≥ 0 zijn, niet ${p.total}.`});
    return out;
  }
  for (let m = 0; m < n; m++) {
    const f = p.floors[m]!;
    const c = p.ceilings[m]!;
    if (f > c) {
      out.push({
        municipality: p.names[m]!,
        constraint: "floor",
        message: `${p.names[m]}: de ondergrens ${bound(f, p.floorReasons?.[m])} ligt boven de bovengrens ${bound(c, p.ceilingReasons?.[m])}.`
      });
    }
  }
  const list = (values: readonly number[], reasons: readonly (string | undefined)[] | undefined) =>
    p.names.map((name, m) => `${name} ${bound(values[m]!, reasons?.[m])}`).join(", ");
  const floorSum = p.floors.reduce((a, b) => a + b, 0);
  const ceilingSum = p.ceilings.reduce((a, b) => a + b, 0);
  if (floorSum > p.total) {
    out.push({
      municipality: "regio",
      constraint: "floors",
      message: `De ondergrenzen tellen op tot ${formatCount(floorSum)}, meer dan de ${formatCount(p.total)} te verdelen plaatsingen per jaar: ${list(p.floors, p.floorReasons)}.`
    });
  }
  if (ceilingSum < p.total) {
    out.push({
      municipality: "regio",
      constraint: "ceilings",
      message: `De bovengrenzen tellen op tot ${formatCount(ceilingSum)}, minder dan de ${formatCount(p.total)} te verdelen plaatsingen per jaar: ${list(p.ceilings, p.ceilingReasons)}.`
    });
  }
  return out;
}

function checkShape(p: LexProblem): void {
  const n = p.names.length;
  if (n === 0) throw new Error("lexMinMax: no entries");
  for (const [field, a] of [["denominators", p.denominators], ["floors", p.floors], ["ceilings", p.ceilings]] as const) {
    if (a.length !== n) throw new Error(`lexMinMax: ${field} has ${a.length} entries, names ${n}`);
  }
  for (let m = 0; m < n; m++) {
    const d = p.denominators[m]!;
    if (!(d > 0) || !Number.isFinite(d)) throw new Error(`lexMinMax: the denominator of ${p.names[m]} must be finite and > 0, got ${d}`);
    const f = p.floors[m]!;
    if (!Number.isSafeInteger(f) || f < 0) throw new Error(`lexMinMax: the floor of ${p.names[m]} must be an integer ≥ 0, got ${f}`);
    const c = p.ceilings[m]!;
    if (c !== Infinity && (!Number.isSafeInteger(c) || c < 0)) throw new Error(`lexMinMax: the ceiling of ${p.names[m]} must be an integer ≥ 0 or Infinity, got ${c}`);
  }
}

/**
 * The lexicographically min-max targets: among all integer x with floors ≤ x ≤ ceilings and Σx = total, the one
 * whose burdens x_m / d_m, sorted from largest to smallest, are smallest (first the largest burden, then the next,
 * …). Throws an `InfeasibleError` (Dutch message naming municipalities and constraints) when no x exists.
 *
 * Method: start at the floors and hand out the remaining units one at a time, each to an entry below its ceiling
 * whose burden after receiving it is smallest; among equal burdens after receiving, to the entry whose burden is
 * largest now (this tie rule matters: it keeps the lightest entries light); then the first entry. For burdens
 * linear in x this is exact (proof in solver/README.md; tested against brute force). Without floors and ceilings
 * it is Jefferson's (D'Hondt's) divisor method with the denominators as populations.
 *
 * @example
 * lexMinMax({names: ["A", "B", "C"], denominators: [100, 50, 50], total: 8, floors: [0, 0, 0], ceilings: [9, 9, 9]}); // [4, 2, 2]
 */
export function lexMinMax(p: LexProblem): Int32Array {
  checkShape(p);
  const problems = violations(p);
  if (problems.length > 0) throw new InfeasibleError(problems);
  const n = p.names.length;
  const d = p.denominators;
  const c = p.ceilings;
  const x = Int32Array.from(p.floors);
  let left = p.total - p.floors.reduce((a, b) => a + b, 0);
  for (; left > 0; left--) {
    let best = -1;
    for (let m = 0; m < n; m++) {
      if (x[m]! >= c[m]!) continue;
      if (best < 0) {
        best = m;
        continue;
      }
      const next = compareBurden(x[m]! + 1, d[m]!, x[best]! + 1, d[best]!);
      if (next < 0 || (next === 0 && compareBurden(x[m]!, d[m]!, x[best]!, d[best]!) > 0)) best = m;
    }
    x[best]! += 1;
  }
  return x;
}
