// The ramp path (ingroeipad) and the targets it sets per municipality and year.
import type {KeyWeights, RampPeriod} from "../scenario/schema.ts";
import {apportion} from "./apportion.ts";
import {keyShares, type KeyBasis} from "./key.ts";

/**
 * The ramp period that covers `year`; an error if none does.
 *
 * @example
 * rampPeriod([{from: 2025, to: 2026, fixed: {GM0307: 135}, others: 92}], 2026).others; // 92
 */
export function rampPeriod(ramp: readonly RampPeriod[], year: number): RampPeriod {
  const period = ramp.find((p) => p.from <= year && year <= p.to);
  if (!period) throw new Error(`the ramp has no period that covers ${year}`);
  return period;
}

/** The region's total placements in a ramp period. */
export function rampTotal(period: RampPeriod): number {
  if ("targets" in period) return Object.values(period.targets).reduce((a, b) => a + b, 0);
  if ("region" in period) return period.region;
  return Object.values(period.fixed).reduce((a, b) => a + b, period.others);
}

type Member = {readonly code: string; readonly name: string};

// Counts named by CBS code or name, in the municipalities' order (-1: not named); an error names the period and a
// municipality that is unknown or named twice.
function namedCounts(counts: Readonly<Record<string, number>>, municipalities: readonly Member[], label: string): Int32Array {
  const out = new Int32Array(municipalities.length).fill(-1);
  for (const [key, value] of Object.entries(counts)) {
    const i = municipalities.findIndex((m) => m.code === key || m.name === key);
    if (i < 0) throw new Error(`${label}: onbekende gemeente "${key}" (geef de CBS-code of de naam van een van ${municipalities.map((m) => m.name).join(", ")})`);
    if (out[i]! >= 0) throw new Error(`${label}: ${municipalities[i]!.name} staat er twee keer in`);
    out[i] = value;
  }
  return out;
}

/**
 * The targets of a period that names every municipality's count (`targets`), in the municipalities' order; keys
 * are CBS codes or names. An error names the period and the municipality that is unknown, doubled or missing.
 *
 * @example
 * municipalityTargets({from: 2027, to: 2030, targets: {GM0307: 108, Baarn: 17}}, [{code: "GM0307", name: "Amersfoort"}, {code: "GM0308", name: "Baarn"}]); // [108, 17]
 */
export function municipalityTargets(period: Extract<RampPeriod, {targets: unknown}>, municipalities: readonly Member[]): Int32Array {
  const label = `ingroeipad ${period.from}-${period.to}`;
  const out = namedCounts(period.targets, municipalities, label);
  const missing = municipalities.filter((_, i) => out[i]! < 0).map((m) => `${m.name} (${m.code})`);
  if (missing.length > 0) throw new Error(`${label}: geen doel voor ${missing.join(", ")} (elke gemeente in de afspraak heeft er een nodig)`);
  return out;
}

/**
 * Which municipalities a period fixes (`fixed`), in the municipalities' order; all false for other periods.
 *
 * @example
 * fixedMembers({from: 2025, to: 2026, fixed: {GM0307: 135}, others: 92}, members); // [true, false, …] with Amersfoort first
 */
export function fixedMembers(period: RampPeriod, municipalities: readonly Member[]): boolean[] {
  if (!("fixed" in period)) return municipalities.map(() => false);
  const counts = namedCounts(period.fixed, municipalities, `ingroeipad ${period.from}-${period.to}`);
  return municipalities.map((_, i) => counts[i]! >= 0);
}

/**
 * Targets T[m] for one year: municipalities the period fixes get their count and the others' total is divided over
 * the rest by the key; a region-only period is divided over all by the key; a per-municipality period is taken as
 * it is. Integer by largest remainder, so the targets add up to the ramp exactly.
 *
 * @example
 * yearTargets({from: 2025, to: 2026, fixed: {GM0307: 135}, others: 92}, {socialStock: 1}, basis, members); // Amersfoort 135, the others 92 together
 */
export function yearTargets(period: RampPeriod, key: KeyWeights, basis: KeyBasis, municipalities: readonly Member[]): Int32Array {
  const n = basis.inhabitants.length;
  if (municipalities.length !== n) throw new Error(`yearTargets: ${municipalities.length} municipalities for a key basis of ${n}`);
  if ("targets" in period) return municipalityTargets(period, municipalities);
  if ("region" in period) return apportion(period.region, keyShares(key, basis, Array.from({length: n}, () => true)));
  const fixed = namedCounts(period.fixed, municipalities, `ingroeipad ${period.from}-${period.to}`);
  const members = Array.from({length: n}, (_, i) => fixed[i]! < 0);
  if (period.others > 0 && !members.some(Boolean)) throw new Error(`ingroeipad ${period.from}-${period.to}: "others" is ${period.others}, maar elke gemeente heeft al een eigen aantal`);
  const targets = members.some(Boolean) ? apportion(period.others, keyShares(key, basis, members)) : new Int32Array(n);
  for (let i = 0; i < n; i++) if (fixed[i]! >= 0) targets[i] = fixed[i]!;
  return targets;
}

/**
 * The targets of every simulated year, per municipality; an error names the scenario and the year the ramp misses.
 *
 * @example
 * targetsByYear(inputs, scenario)[0]; // Int32Array of 2025's targets, summing to the ramp's 227
 */
export function targetsByYear(
  inputs: {readonly years: readonly number[]; readonly basis: KeyBasis; readonly municipalities: readonly Member[]},
  scenario: {readonly id: string; readonly ramp: readonly RampPeriod[]; readonly key: KeyWeights}
): Int32Array[] {
  return inputs.years.map((year) => {
    try {
      return yearTargets(rampPeriod(scenario.ramp, year), scenario.key, inputs.basis, inputs.municipalities);
    } catch (e) {
      throw new Error(`simulate: scenario "${scenario.id}": ${(e as Error).message}`);
    }
  });
}
