// How unequal a burden is across the municipalities of one run: the heaviest over the lightest, the coefficient of
// variation, and whether every municipality's share of lettings lies within the agreed band.
import {mean, standardDeviation} from "simple-statistics";
import {SHARE_BAND, withinBand} from "../agreement.ts";

/**
 * The largest value over the smallest: 1 when all are equal; Infinity when the smallest is 0 and the largest is
 * not (someone carries a burden and someone none); 1 when all are 0.
 *
 * @example
 * maxMinRatio([2, 4, 3]); // 2
 * maxMinRatio([0, 1]); // Infinity
 */
export function maxMinRatio(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error("maxMinRatio: no values");
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === 0) return 1;
  return lo > 0 ? hi / lo : Infinity;
}

/**
 * The coefficient of variation: the standard deviation over the mean. The eight municipalities are the whole
 * region, not a sample of one, so the standard deviation is the population one (simple-statistics
 * `standardDeviation`, divided by n), not `coefficientOfVariation`'s sample version (n − 1). 0 when the mean is 0.
 *
 * @example
 * coefficientOfVariation([1, 3]); // 0.5
 */
export function coefficientOfVariation(values: ArrayLike<number>): number {
  const x = Array.isArray(values) ? (values as number[]) : Array.from(values);
  const m = mean(x);
  return m > 0 ? standardDeviation(x) / m : 0;
}

/**
 * Whether every share (placed / lettings, as a fraction) lies within the band, inclusive (default the agreed
 * 7-18%).
 *
 * @example
 * allWithinBand([0.08, 0.17]); // true
 * allWithinBand([0.08, 0.19]); // false
 */
export function allWithinBand(shares: ArrayLike<number>, band: readonly [number, number] = SHARE_BAND): boolean {
  for (let i = 0; i < shares.length; i++) if (!withinBand(shares[i]!, band)) return false;
  return true;
}
