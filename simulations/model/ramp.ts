// The ramp path (ingroeipad) and the targets it sets per municipality and year.
import type {KeyWeights, RampPeriod} from "../scenario/schema.ts";
import {apportion} from "./apportion.ts";
import {keyShares, type KeyBasis} from "./key.ts";

/**
 * The ramp period that covers `year`; an error if none does.
 *
 * @example
 * rampPeriod([{from: 2025, to: 2026, amersfoort: 135, others: 92}], 2026).amersfoort; // 135
 */
export function rampPeriod(ramp: readonly RampPeriod[], year: number): RampPeriod {
  const period = ramp.find((p) => p.from <= year && year <= p.to);
  if (!period) throw new Error(`the ramp has no period that covers ${year}`);
  return period;
}

/** The region's total placements in a ramp period. */
export function rampTotal(period: RampPeriod): number {
  if ("targets" in period) return Object.values(period.targets).reduce((a, b) => a + b, 0);
  return "region" in period ? period.region : period.amersfoort + period.others;
}

/**
 * The targets of a period that names every municipality's count (`targets`), in the municipalities' order; keys
 * are CBS codes or names. An error names the period and the municipality that is unknown, doubled or missing.
 *
 * @example
 * municipalityTargets({from: 2027, to: 2030, targets: {GM0307: 108, Baarn: 17}}, [{code: "GM0307", name: "Amersfoort"}, {code: "GM0308", name: "Baarn"}]); // [108, 17]
 */
export function municipalityTargets(period: Extract<RampPeriod, {targets: unknown}>, municipalities: readonly {readonly code: string; readonly name: string}[]): Int32Array {
  const out = new Int32Array(municipalities.length).fill(-1);
  const label = `ingroeipad ${period.from}-${period.to}`;
  for (const [key, value] of Object.entries(period.targets)) {
    const i = municipalities.findIndex((m) => m.code === key || m.name === key);
    if (i < 0) throw new Error(`${label}: onbekende gemeente "${key}" (geef de CBS-code of de naam van een van ${municipalities.map((m) => m.name).join(", ")})`);
    if (out[i]! >= 0) throw new Error(`${label}: ${municipalities[i]!.name} staat er twee keer in`);
    out[i] = value;
  }
  const missing = municipalities.filter((_, i) => out[i]! < 0).map((m) => `${m.name} (${m.code})`);
  if (missing.length > 0) throw new Error(`${label}: geen doel voor ${missing.join(", ")} (elke gemeente in de afspraak heeft er een nodig)`);
  return out;
}

/**
 * Targets T[m] for one year: Amersfoort gets its ramp count and the others' total is divided over the seven by
 * the key; a region-only period is divided over all eight by the key. Integer by largest remainder, so the
 * targets add up to the ramp exactly.
 *
 * @example
 * // municipality 0 is Amersfoort
 * yearTargets({from: 2025, to: 2026, amersfoort: 135, others: 92}, {socialStock: 1}, basis, 0); // [135, …] sums to 227
 */
export function yearTargets(period: RampPeriod, key: KeyWeights, basis: KeyBasis, amersfoort: number, municipalities?: readonly {readonly code: string; readonly name: string}[]): Int32Array {
  const n = basis.inhabitants.length;
  if ("targets" in period) {
    if (!municipalities) throw new Error(`ramp period ${period.from}-${period.to} gives targets per municipality: pass the municipalities`);
    return municipalityTargets(period, municipalities);
  }
  if ("region" in period) return apportion(period.region, keyShares(key, basis, Array.from({length: n}, () => true)));
  const members = Array.from({length: n}, (_, i) => i !== amersfoort);
  const targets = apportion(period.others, keyShares(key, basis, members));
  targets[amersfoort] = period.amersfoort;
  return targets;
}

/**
 * The targets of every simulated year, per municipality; an error names the scenario and the year the ramp misses.
 *
 * @example
 * targetsByYear(inputs, scenario)[0]; // Int32Array of 2025's targets, summing to the ramp's 227
 */
export function targetsByYear(
  inputs: {readonly years: readonly number[]; readonly basis: KeyBasis; readonly amersfoort: number; readonly municipalities?: readonly {readonly code: string; readonly name: string}[]},
  scenario: {readonly id: string; readonly ramp: readonly RampPeriod[]; readonly key: KeyWeights}
): Int32Array[] {
  return inputs.years.map((year) => {
    try {
      return yearTargets(rampPeriod(scenario.ramp, year), scenario.key, inputs.basis, inputs.amersfoort, inputs.municipalities);
    } catch (e) {
      throw new Error(`simulate: scenario "${scenario.id}": ${(e as Error).message}`);
    }
  });
}
