// Who cannot return to their municipality of origin joins a regional pool, housed where the targets say.
import {apportionBoundedInto} from "./apportion.ts";

/** Reusable buffers for `spreadPool`, sized to the number of municipalities. */
export function spreadScratch(n: number) {
  return {room: new Float64Array(n), bound: new Int32Array(n), weights: new Float64Array(n), share: new Int32Array(n)};
}

/**
 * Spreads `pool` people over the municipalities by the room their targets leave (target minus what they already
 * housed this year), by largest remainder and never beyond their capacity left; what a full municipality cannot
 * take is spread again over those with room. Writes the placements per host to `placed`, takes them off
 * `capacityLeft`, and returns how many could not be placed within the targets.
 *
 * @example
 * const placed = new Int32Array(2);
 * spreadPool(10, Int32Array.of(6, 6), Int32Array.of(0, 0), Int32Array.of(100, 3), placed); // 1 left; placed [6, 3]
 */
export function spreadPool(
  pool: number,
  targets: Int32Array,
  alreadyPlaced: Int32Array,
  capacityLeft: Int32Array,
  placed: Int32Array,
  scratch = spreadScratch(targets.length)
): number {
  const n = targets.length;
  const rooms = scratch.room;
  const bounds = scratch.bound;
  for (let m = 0; m < n; m++) {
    const room = Math.max(0, targets[m]! - alreadyPlaced[m]!);
    rooms[m] = room;
    bounds[m] = Math.min(room, capacityLeft[m]!);
  }
  const left = apportionBoundedInto(pool, rooms, bounds, n, placed, scratch.weights, scratch.share);
  for (let m = 0; m < n; m++) capacityLeft[m]! -= placed[m]!;
  return left;
}
