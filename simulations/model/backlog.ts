// The regional pool's backlog, kept by municipality of origin so that nobody is lost from any municipality's count.
import {apportionInto} from "./apportion.ts";

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
export function attributePool(
  housedTotal: number,
  waiting: Int32Array,
  newcomers: Int32Array,
  housed: Int32Array,
  scratch = new Int32Array(waiting.length),
  weights = new Float64Array(waiting.length)
): void {
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
  if (fromBacklog === backlog) for (let m = 0; m < n; m++) housed[m] = waiting[m]!;
  else {
    for (let m = 0; m < n; m++) weights[m] = waiting[m]!;
    apportionInto(fromBacklog, weights, n, housed);
  }
  const fromNew = housedTotal - fromBacklog;
  if (fromNew === fresh) for (let m = 0; m < n; m++) scratch[m] = newcomers[m]!;
  else {
    for (let m = 0; m < n; m++) weights[m] = newcomers[m]!;
    apportionInto(fromNew, weights, n, scratch);
  }
  for (let m = 0; m < n; m++) {
    waiting[m] = waiting[m]! - housed[m]! + newcomers[m]! - scratch[m]!;
    housed[m]! += scratch[m]!;
  }
}

/**
 * Splits a realised backlog by origin (a calibration's starting point) into returners waiting at home and pool
 * members, by the origin's expected return share in the first year (inflow-weighted over the groups, rounded).
 * The realised figures do not say who in the backlog can return, so the inflow's mix is the best guess.
 *
 * @example
 * splitInitialBacklog(inputs); // {home: Int32Array [8, …], pool: Int32Array [2, …]} for a backlog of 10 at 80%
 */
export function splitInitialBacklog(inputs: {
  readonly initialBacklog: readonly number[];
  readonly inflow: readonly (readonly (readonly number[])[])[];
  readonly groups: readonly {readonly returnShare: number}[];
}): {home: Int32Array; pool: Int32Array} {
  const M = inputs.initialBacklog.length;
  const home = new Int32Array(M);
  const pool = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    let weight = 0;
    let returning = 0;
    inputs.groups.forEach((g, i) => {
      const mean = inputs.inflow[0]?.[i]?.[m] ?? 0;
      weight += mean;
      returning += mean * g.returnShare;
    });
    const b = inputs.initialBacklog[m]!;
    home[m] = weight > 0 ? Math.round((b * returning) / weight) : 0;
    pool[m] = b - home[m]!;
  }
  return {home, pool};
}
