// The regional pool's backlog, kept by municipality of origin so that nobody is lost from any municipality's count.
import {apportion} from "./apportion.ts";

/**
 * Decides whose pool members were housed: those who waited longest first (the backlog), then this year's
 * newcomers, each spread over origins in proportion to their numbers (largest remainder). Updates `waiting` (the
 * pool backlog by origin) to who is still waiting after the year, and writes the number housed per origin to
 * `housed`. `newcomers` are this year's non-returners by origin. `housedTotal` must not exceed everyone in the pool.
 *
 * @example
 * const waiting = Int32Array.of(2, 0), housed = new Int32Array(2);
 * attributePool(5, waiting, Int32Array.of(3, 3), housed); // housed [4, 1] (2 waiting + 2 new, 1 new); waiting [1, 2]
 */
export function attributePool(housedTotal: number, waiting: Int32Array, newcomers: Int32Array, housed: Int32Array, scratch = new Int32Array(waiting.length)): void {
  const n = waiting.length;
  let backlog = 0;
  let fresh = 0;
  for (let m = 0; m < n; m++) {
    backlog += waiting[m]!;
    fresh += newcomers[m]!;
  }
  if (housedTotal > backlog + fresh) throw new Error(`cannot house ${housedTotal} from a pool of ${backlog + fresh}`);
  const fromBacklog = Math.min(housedTotal, backlog);
  // Everyone in a group housed (the usual case) needs no apportionment.
  if (fromBacklog === backlog) housed.set(waiting);
  else apportion(fromBacklog, waiting, housed);
  const fromNew = housedTotal - fromBacklog;
  if (fromNew === fresh) scratch.set(newcomers);
  else apportion(fromNew, newcomers, scratch);
  for (let m = 0; m < n; m++) {
    waiting[m] = waiting[m]! - housed[m]! + newcomers[m]! - scratch[m]!;
    housed[m]! += scratch[m]!;
  }
}
