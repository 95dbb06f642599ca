// Spill-over (optional): who cannot be placed within the targets goes to municipalities with capacity left.
import {apportionInto} from "./apportion.ts";

/**
 * Places up to `people` in municipalities with capacity left, in proportion to that capacity (largest remainder;
 * a share never exceeds the capacity it is proportional to). Writes placements per host to `placed`, takes them off
 * `capacityLeft`, and returns how many are still unplaced (when the region is full).
 *
 * @example
 * const cap = Int32Array.of(30, 10), placed = new Int32Array(2);
 * spillOver(8, cap, placed); // 0; placed [6, 2], cap [24, 8]
 */
export function spillOver(people: number, capacityLeft: Int32Array, placed: Int32Array, weights = new Float64Array(capacityLeft.length)): number {
  let room = 0;
  for (let m = 0; m < capacityLeft.length; m++) room += weights[m] = capacityLeft[m]!;
  const now = Math.min(people, room);
  apportionInto(now, weights, capacityLeft.length, placed);
  for (let m = 0; m < capacityLeft.length; m++) capacityLeft[m]! -= placed[m]!;
  return people - now;
}
