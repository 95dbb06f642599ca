// ModelInputs: everything the engine needs from the data, as plain JSON (so it can cross to a worker or be
// bundled into a page), computed once per scenario's data choices (prognosis variant, vacancy spread).
import type {Datasets, Variant} from "../../loaders/types.ts";
import type {Calibration, GammaBelief} from "./calibration.ts";
import type {Scenario} from "../scenario/schema.ts";
import type {KeyBasis} from "./key.ts";
import {fitVacancySeries} from "./vacancySeries.ts";

import {FIRST_YEAR, LAST_YEAR, LEAD_MUNICIPALITY} from "../agreement.ts";

/** CBS code of Amersfoort, whose ramp count the agreement fixes separately. */
export const AMERSFOORT = LEAD_MUNICIPALITY;
export {FIRST_YEAR, LAST_YEAR};

export interface ModelInputs {
  /** The municipalities in the agreement, ordered by name; every per-municipality array follows this order. */
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  /** Index of Amersfoort in `municipalities`. */
  readonly amersfoort: number;
  /** Simulated years, consecutive: FIRST_YEAR (or the calibration's start year) to LAST_YEAR. */
  readonly years: readonly number[];
  readonly groups: readonly {readonly id: string; readonly name: string; readonly returnShare: number}[];
  /** What the allocation key divides by. */
  readonly basis: KeyBasis;
  /** Vacancy model per municipality: mean and negative binomial size (null: Poisson). */
  readonly vacancies: {readonly mean: readonly number[]; readonly size: readonly (number | null)[]};
  /** Expected inflow (prognosis) by year index, group index and origin: inflow[t][g][m]. */
  readonly inflow: readonly (readonly (readonly number[])[])[];
  /** People already waiting at the start, by origin (0 without a calibration). */
  readonly initialBacklog: readonly number[];
  /** Gamma beliefs per municipality when the model is recalibrated on realised years; null otherwise. */
  readonly calibration: null | {
    readonly version: string;
    readonly vacancies: readonly GammaBelief[];
    readonly inflow: readonly GammaBelief[];
  };
  /** The scenario's data choices these inputs were prepared with; `simulate` checks them against its scenario. */
  readonly prepared: {readonly prognosis: Variant; readonly vacancyDispersion: Scenario["vacancyDispersion"]; readonly vacancyWindow: number};
}

/**
 * Prepares the engine's inputs from the datasets for a scenario (its prognosis variant and vacancy spread), and
 * optionally a calibration (then the years run from its start year, vacancies and inflow come from its Gamma
 * beliefs, and its realised backlog is where the simulation starts). Throws if a figure the model needs is missing.
 *
 * @example
 * const inputs = prepareInputs(loadDatasets(), scenario);
 * inputs.years; // [2025, 2026, 2027, 2028, 2029, 2030]
 */
export function prepareInputs(datasets: Datasets, scenario: Scenario, calibration?: Calibration | null): ModelInputs {
  const members = datasets.municipalities
    .filter((m) => m.inAgreement)
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const amersfoort = members.findIndex((m) => m.code === AMERSFOORT);
  if (amersfoort < 0) throw new Error(`prepareInputs: Amersfoort (${AMERSFOORT}) is not among the municipalities in the agreement`);
  const startYear = calibration ? calibration.startYear : FIRST_YEAR;
  if (!Number.isInteger(startYear) || startYear < FIRST_YEAR || startYear > LAST_YEAR) {
    throw new Error(`prepareInputs: calibration start year must be in ${FIRST_YEAR}-${LAST_YEAR}, got ${startYear}`);
  }
  const years = Array.from({length: LAST_YEAR - startYear + 1}, (_, i) => startYear + i);

  const fits = members.map((m) => {
    const series = datasets.vacancies
      .filter((v) => v.municipality === m.code)
      .slice()
      .sort((a, b) => a.year - b.year)
      .map((v) => v.vacancies);
    if (series.length === 0) throw new Error(`prepareInputs: no vacancy figures for ${m.name} (${m.code})`);
    return fitVacancySeries(series, scenario.vacancyWindow);
  });

  // A calibration's learned return shares (posterior means) replace the assumed ones.
  const learned = calibration?.returnShares ?? {};
  const groups = datasets.groups.map((g) => {
    const b = learned[g.id];
    return {id: g.id, name: g.name, returnShare: b ? b.shape1 / (b.shape1 + b.shape2) : g.returnShare.value};
  });
  const index = new Map<string, number>();
  for (const p of datasets.prognosis) {
    if (p.variant === scenario.prognosis) index.set(`${p.group}|${p.origin}|${p.year}`, p.placements);
  }
  const inflow = years.map((year) =>
    groups.map((g) =>
      members.map((m) => {
        const value = index.get(`${g.id}|${m.code}|${year}`);
        if (value === undefined) {
          throw new Error(`prepareInputs: the prognosis has no ${scenario.prognosis} figure for group ${g.id}, origin ${m.name} (${m.code}), ${year}`);
        }
        return value;
      })
    )
  );

  let calibrated: ModelInputs["calibration"] = null;
  let initialBacklog = members.map(() => 0);
  if (calibration) {
    const beliefs = members.map((m) => {
      const c = calibration.municipalities[m.code];
      if (!c) throw new Error(`prepareInputs: calibration ${calibration.version} has no entry for ${m.name} (${m.code})`);
      return c;
    });
    calibrated = {version: calibration.version, vacancies: beliefs.map((b) => b.vacancies), inflow: beliefs.map((b) => b.inflow)};
    initialBacklog = beliefs.map((b, i) => {
      if (!Number.isInteger(b.backlog) || b.backlog < 0) {
        throw new Error(`prepareInputs: calibration backlog of ${members[i]!.name} must be a non-negative integer, got ${b.backlog}`);
      }
      return b.backlog;
    });
  }

  const expectedVacancies = calibrated ? calibrated.vacancies.map((b) => b.shape / b.rate) : fits.map((f) => f.mean);
  return {
    municipalities: members.map((m) => ({code: m.code, name: m.name})),
    amersfoort,
    years,
    groups,
    basis: {
      inhabitants: members.map((m) => m.inhabitants.value),
      households: members.map((m) => m.households.value),
      socialStock: members.map((m) => m.socialStock.value),
      vacancies: expectedVacancies
    },
    vacancies: {
      mean: fits.map((f) => f.mean),
      size: fits.map((f) => (scenario.vacancyDispersion === "poisson" ? null : f.size))
    },
    inflow,
    initialBacklog,
    calibration: calibrated,
    prepared: {prognosis: scenario.prognosis, vacancyDispersion: scenario.vacancyDispersion, vacancyWindow: scenario.vacancyWindow}
  };
}
