// Return shares per urgent group learned from realised returners (beta-binomial): the share p[g] of a group's
// inflow that is housed back in its municipality of origin (instroom = uitstroom).
import {ALL_GROUPS, type MonitoringData} from "../../loaders/monitoring.ts";
import type {BetaBelief} from "../model/calibration.ts";

/** The assumed share (data/groups.csv) counts as this many people: a year of a small group can move it, one person not. */
export const RETURN_PRIOR_PEOPLE = 20;

export interface ReturnShareTrace {
  readonly group: string;
  readonly prior: BetaBelief;
  /** Realised returners and inflow of the group, summed over municipalities and years where both are recorded. */
  readonly returners: number;
  readonly inflow: number;
  readonly posterior: BetaBelief;
}

/**
 * Beta(s·p₀, s·(1 − p₀)) with s = RETURN_PRIOR_PEOPLE pseudo-people, updated with the realised returners r out of
 * the realised inflow n of the group: Beta(s·p₀ + Σr, s·(1 − p₀) + Σ(n − r)). Pooled over the municipalities
 * (the rule is regional). Only (origin, year) pairs with both a `returners` and an `inflow` row for the group count.
 *
 * @example
 * returnShares(monitoring, [{id: "mo", returnShare: 0.8}], 2025)[0].posterior; // {shape1: 16 + r, shape2: 4 + n − r}
 */
export function returnShares(monitoring: MonitoringData, groups: readonly {id: string; returnShare: number}[], year: number): ReturnShareTrace[] {
  return groups.map((g) => {
    const p0 = Math.min(1 - 1e-6, Math.max(1e-6, g.returnShare));
    const prior = {shape1: RETURN_PRIOR_PEOPLE * p0, shape2: RETURN_PRIOR_PEOPLE * (1 - p0)};
    let returners = 0;
    let inflow = 0;
    for (const r of monitoring.current) {
      if (r.metric !== "returners" || r.group !== g.id || r.group === ALL_GROUPS || r.year > year) continue;
      const n = monitoring.current.find((x) => x.metric === "inflow" && x.group === g.id && x.year === r.year && x.municipality === r.municipality);
      if (!n) continue;
      // A returner is one of the inflow: never more returners than inflow in the share's denominator.
      returners += Math.min(r.value, n.value);
      inflow += n.value;
    }
    return {group: g.id, prior, returners, inflow, posterior: {shape1: prior.shape1 + returners, shape2: prior.shape2 + inflow - returners}};
  });
}
