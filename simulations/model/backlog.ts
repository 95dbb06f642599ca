// Where a calibrated simulation starts: the realised backlog by origin, split into returners and pool members.

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
