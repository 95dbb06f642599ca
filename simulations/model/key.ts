// Allocation keys (verdeelsleutels): how a total is divided over municipalities.
import type {KeyWeights} from "../scenario/schema.ts";

/** The figures a key can divide by, per municipality (in the inputs' municipality order). */
export interface KeyBasis {
  readonly inhabitants: readonly number[];
  readonly households: readonly number[];
  readonly socialStock: readonly number[];
  /** Expected yearly social-rental vacancies (the vacancy model's mean, not a draw: targets are set in advance). */
  readonly vacancies: readonly number[];
}

const KEYS = ["inhabitants", "households", "socialStock", "vacancies"] as const;

/**
 * Each member's share of a total under the key: for each basis with weight w, the member's fraction of that basis
 * among the members; then the weighted mean of those fractions (weights normalised to sum to 1). Non-members get
 * 0; members' shares sum to 1. A mix therefore weighs *shares*, not raw figures, so a basis with large numbers
 * (inhabitants) does not drown one with small numbers (vacancies).
 *
 * @example
 * const basis = {inhabitants: [300, 100], households: [1, 1], socialStock: [10, 30], vacancies: [1, 1]};
 * keyShares({inhabitants: 1}, basis, [true, true]); // [0.75, 0.25]
 * keyShares({inhabitants: 0.5, socialStock: 0.5}, basis, [true, true]); // [0.5, 0.5]
 */
export function keyShares(key: KeyWeights, basis: KeyBasis, members: readonly boolean[]): Float64Array {
  const n = members.length;
  const shares = new Float64Array(n);
  let weightSum = 0;
  for (const k of KEYS) weightSum += key[k] ?? 0;
  if (!(weightSum > 0)) throw new Error("allocation key: at least one weight must be greater than 0");
  for (const k of KEYS) {
    const w = key[k] ?? 0;
    if (w === 0) continue;
    const values = basis[k];
    let total = 0;
    for (let i = 0; i < n; i++) if (members[i]) total += values[i]!;
    if (!(total > 0)) throw new Error(`allocation key: the members' ${k} add up to ${total}, cannot divide by it`);
    for (let i = 0; i < n; i++) if (members[i]) shares[i]! += ((w / weightSum) * values[i]!) / total;
  }
  return shares;
}
