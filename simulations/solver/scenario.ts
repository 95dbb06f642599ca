// The solver's proposal as a scenario: the base scenario with the period's ramp replaced by targets per
// municipality, written out in full (no `extends`), so the file runs wherever it is saved.
import type {RampPeriod, Scenario, ScenarioInput} from "../scenario/schema.ts";
import {MEASURE_LABEL} from "../measures/definitions.ts";
import {formatCount, formatDecimal, formatPercent} from "./format.ts";

/**
 * The ramp with [from, to] replaced by `period`: periods that overlap it are cut back to the years outside it;
 * the result is ordered by year.
 *
 * @example
 * replacePeriod([{from: 2025, to: 2030, region: 227}], {from: 2027, to: 2028, region: 200});
 * // [{2025-2026 region 227}, {2027-2028 region 200}, {2029-2030 region 227}]
 */
export function replacePeriod(ramp: readonly RampPeriod[], period: RampPeriod): RampPeriod[] {
  const out: RampPeriod[] = [];
  for (const p of ramp) {
    if (p.to < period.from || p.from > period.to) {
      out.push(p);
      continue;
    }
    if (p.from < period.from) out.push({...p, to: period.from - 1});
    if (p.to > period.to) out.push({...p, from: period.to + 1});
  }
  out.push(period);
  return out.sort((a, b) => a.from - b.from);
}

export interface ProposalMeta {
  /** Scenario id (lowercase letters, digits, hyphens). */
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
}

/**
 * A complete scenario (plain JSON, valid against the scenario schema) with the targets of `from`..`to` per
 * municipality (by CBS code) and everything else from `base`.
 *
 * @example
 * proposalScenario(agreed, {from: 2027, to: 2030, measure: "lettings", municipalities, targets});
 */
export function proposalScenario(
  base: Scenario,
  solution: {
    readonly from: number;
    readonly to: number;
    readonly measure: keyof typeof MEASURE_LABEL;
    readonly municipalities: readonly {readonly code: string; readonly name: string}[];
    readonly targets: readonly number[];
    /** Set by the robust solver: its runs, seed and band. */
    readonly runs?: number;
    readonly seed?: number;
    readonly band?: readonly [number, number];
  },
  meta: ProposalMeta = {}
): ScenarioInput {
  const {from, to, measure, municipalities, targets} = solution;
  const period: RampPeriod = {from, to, targets: Object.fromEntries(municipalities.map((m, i) => [m.code, targets[i]!]))};
  const list = municipalities.map((m, i) => `${m.name} ${targets[i]}`).join(", ");
  const robust = solution.band !== undefined;
  const how = robust
    ? `gezocht naar de grootste kans dat elke gemeente elk jaar binnen ${formatDecimal(solution.band![0] * 100, 0)}-${formatPercent(solution.band![1], 0)} van haar verhuringen blijft (stap voor stap vanuit de verdeling met de kleinste zwaarste last, ${MEASURE_LABEL[measure]}; ${formatCount(solution.runs ?? 0)} runs, startgetal ${solution.seed})`
    : `zo verdeeld dat de zwaarste verwachte last (${MEASURE_LABEL[measure]}) zo klein mogelijk is, dan de op één na zwaarste, enzovoort`;
  // Every setting of the base except its name, its ramp and its schema link (the file may live anywhere).
  const {$schema: _schema, ...settings} = base;
  return {
    ...settings,
    id: meta.id ?? `fair-share-${robust ? "robust-" : ""}${measure.toLowerCase()}-${from}-${to}`,
    name: meta.name ?? `Eerlijke verdeling ${from}-${to} (${robust ? "robuust, " : ""}${MEASURE_LABEL[measure]})`,
    description: meta.description ?? `Doelen per gemeente per jaar voor ${from}-${to}, ${how}: ${list}. De andere jaren als in "${base.name}".`,
    ramp: replacePeriod(base.ramp, period)
  };
}
