// What an allocation key (verdeelsleutel) means per municipality: its share, its targets per ramp period, and the
// targets as a share of the expected vacancies. Computed with the engine's own key and ramp functions.
import type {Engine, Scenario} from "./engine.js";
import type {ModelInputs} from "../../simulations/index.ts";
import {formatList, formatPercent} from "./format.js";

export type KeyWeights = Scenario["key"];

/** Dutch names of the bases a key can divide by. */
export const BASIS_LABELS = {
  inhabitants: "inwoners",
  households: "huishoudens",
  socialStock: "sociale huurvoorraad",
  vacancies: "vrijkomende woningen"
} as const;

export type Basis = keyof typeof BASIS_LABELS;
export const BASES: readonly Basis[] = ["inhabitants", "households", "socialStock", "vacancies"];

/**
 * A key in words: "sociale huurvoorraad", or "50% inwoners + 50% sociale huurvoorraad" for a mix.
 *
 * @example
 * describeKey({inhabitants: 0.5, socialStock: 0.5}); // "50% inwoners + 50% sociale huurvoorraad"
 */
export function describeKey(key: KeyWeights): string {
  const used = BASES.filter((b) => (key[b] ?? 0) > 0);
  if (used.length === 1) return BASIS_LABELS[used[0]!];
  const total = used.reduce((sum, b) => sum + (key[b] ?? 0), 0);
  return used.map((b) => `${formatPercent((key[b] ?? 0) / total, 0)} ${BASIS_LABELS[b]}`).join(" + ");
}

/**
 * The names of the municipalities the ramp fixes, for a sentence: "Amersfoort", "Amersfoort en Soest".
 *
 * @example
 * fixedNames(keyRows(engine, inputs, agreed, {socialStock: 1}, "corporatiebezit")); // "Amersfoort"
 */
export function fixedNames(rows: readonly KeyRow[]): string {
  return formatList([...new Set(rows.filter((r) => r.fixed).map((r) => r.municipality))]);
}

/** One municipality under one key. */
export interface KeyRow {
  readonly key: string;
  readonly code: string;
  readonly municipality: string;
  /** Whether the ramp fixes this municipality's count (in the agreement: Amersfoort's) instead of the key. */
  readonly fixed: boolean;
  /** Share of the total the key divides (0 for a fixed municipality). */
  readonly share: number;
  /** Target per ramp period, e.g. {"2025-2026": 13, "2027-2030": 17}. */
  readonly targets: Readonly<Record<string, number>>;
  /** Expected yearly social-rental vacancies (the engine's vacancy model mean). */
  readonly expectedVacancies: number;
  /** Target of each period as a share of the expected vacancies. */
  readonly vacancyShares: Readonly<Record<string, number>>;
}

/**
 * Every municipality's share, targets and share of expected vacancies under `key`, for the ramp of `scenario`.
 *
 * @example
 * keyRows(engine, inputs, agreed, {inhabitants: 1}, "inwoners").find((r) => r.municipality === "Baarn");
 */
export function keyRows(engine: Engine, inputs: ModelInputs, scenario: Scenario, key: KeyWeights, label: string): KeyRow[] {
  const n = inputs.municipalities.length;
  const periods = scenario.ramp.map((p) => ({label: `${p.from}-${p.to}`, period: p}));
  const targetsByPeriod = periods.map(({period}) => engine.yearTargets(period, key, inputs.basis, inputs.municipalities));
  // The key divides what the fixed municipalities leave: their shares are of the others (0 for a fixed one).
  const fixed = periods.map(({period}) => engine.fixedMembers(period, inputs.municipalities));
  const members = Array.from({length: n}, (_, i) => !fixed.some((f) => f[i]));
  const shares = engine.keyShares(key, inputs.basis, members);
  return inputs.municipalities.map((m, i) => {
    const expectedVacancies = inputs.vacancies.mean[i]!;
    const targets: Record<string, number> = {};
    const vacancyShares: Record<string, number> = {};
    periods.forEach(({label: periodLabel}, p) => {
      targets[periodLabel] = targetsByPeriod[p]![i]!;
      vacancyShares[periodLabel] = targetsByPeriod[p]![i]! / expectedVacancies;
    });
    return {
      key: label,
      code: m.code,
      municipality: m.name,
      fixed: !members[i],
      share: shares[i]!,
      targets,
      expectedVacancies,
      vacancyShares
    };
  });
}
