// ModelInputs: everything the engine needs from the data, as plain JSON (so it can cross to a worker or be
// bundled into a page), computed once per scenario's data choices (prognosis variant, vacancy spread).
import type {Datasets, Variant} from "../../loaders/types.ts";
import type {Calibration, GammaBelief} from "./calibration.ts";
import type {Scenario} from "../scenario/schema.ts";
import type {KeyBasis} from "./key.ts";
import {fitVacancyTrend} from "./vacancySeries.ts";

import {FIRST_YEAR, LAST_YEAR} from "../agreement.ts";

export {FIRST_YEAR, LAST_YEAR};

export interface ModelInputs {
  /** The municipalities in the agreement, ordered by name; every per-municipality array follows this order. */
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  /** Simulated years, consecutive: FIRST_YEAR (or the calibration's start year) to LAST_YEAR. */
  readonly years: readonly number[];
  /** The groups; `notHome`: those of it who cannot return are never housed in their municipality of origin. */
  readonly groups: readonly {readonly id: string; readonly name: string; readonly returnShare: number; readonly notHome: boolean}[];
  /** What the allocation key divides by. */
  readonly basis: KeyBasis;
  /**
   * Supply per municipality: `mean` the expected lettings a year (average over the simulated years; the key's
   * vacancies basis); `existing[t][m]` the expected relettings of the existing stock (fitted trend, grown with the
   * new build delivered since the series ended); `newBuild[t][m]` first lettings of new build (whole homes, added
   * as they are); `size` the negative binomial size of relettings (null: Poisson).
   */
  readonly vacancies: {
    readonly mean: readonly number[];
    readonly existing: readonly (readonly number[])[];
    readonly newBuild: readonly (readonly number[])[];
    readonly size: readonly (number | null)[];
  };
  /** Share of lettings taken by competing priority claims (statushouders), claims[t][m] (0 when switched off). */
  readonly claims: readonly (readonly number[])[];
  /** Share of the lettings left after competing claims that suits urgent seekers, per municipality. */
  readonly suitable: readonly number[];
  /** Expected inflow (prognosis) by year index, group index and origin: inflow[t][g][m] (central for "range"). */
  readonly inflow: readonly (readonly (readonly number[])[])[];
  /** With prognosis "range": per year, the region's low ÷ central and high ÷ central (P10 and P90 of the level). */
  readonly inflowRange: null | {readonly low: readonly number[]; readonly high: readonly number[]};
  /** People already waiting at the start, by origin (0 without a calibration). */
  readonly initialBacklog: readonly number[];
  /** Gamma beliefs per municipality when the model is recalibrated on realised years; null otherwise. */
  readonly calibration: null | {
    readonly version: string;
    readonly vacancies: readonly GammaBelief[];
    readonly inflow: readonly GammaBelief[];
  };
  /** The scenario's data choices these inputs were prepared with; `simulate` checks them against its scenario. */
  readonly prepared: PreparedChoices;
}

/** The scenario fields that are data choices: inputs prepared for one set cannot run a scenario with another. */
export const DATA_CHOICES = ["prognosis", "vacancyDispersion", "vacancyWindow", "vacancyTrend", "newBuild", "competingClaims", "notHousedAtHome"] as const;
export type PreparedChoices = {readonly [K in (typeof DATA_CHOICES)[number]]: K extends "notHousedAtHome" ? string : Scenario[K]};

/** The data choices of a scenario, as `ModelInputs.prepared` records them. */
export function dataChoices(scenario: Scenario): PreparedChoices {
  return {
    prognosis: scenario.prognosis,
    vacancyDispersion: scenario.vacancyDispersion,
    vacancyWindow: scenario.vacancyWindow,
    vacancyTrend: scenario.vacancyTrend,
    newBuild: scenario.newBuild,
    competingClaims: scenario.competingClaims,
    notHousedAtHome: [...scenario.notHousedAtHome].sort().join(",")
  };
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
  const startYear = calibration ? calibration.startYear : FIRST_YEAR;
  if (!Number.isInteger(startYear) || startYear < FIRST_YEAR || startYear > LAST_YEAR) {
    throw new Error(`prepareInputs: calibration start year must be in ${FIRST_YEAR}-${LAST_YEAR}, got ${startYear}`);
  }
  const years = Array.from({length: LAST_YEAR - startYear + 1}, (_, i) => startYear + i);

  const supply = prepareSupply(datasets, scenario, members, years);

  const known = new Set(datasets.groups.map((g) => g.id));
  for (const id of scenario.notHousedAtHome) {
    if (!known.has(id)) throw new Error(`prepareInputs: notHousedAtHome names group "${id}", which is not in the groups (${[...known].join(", ")})`);
  }
  // A calibration's learned return shares (posterior means) replace the assumed ones.
  const learned = calibration?.returnShares ?? {};
  const groups = datasets.groups.map((g) => {
    const b = learned[g.id];
    const returnShare = b ? b.shape1 / (b.shape1 + b.shape2) : g.returnShare.value;
    return {id: g.id, name: g.name, returnShare, notHome: scenario.notHousedAtHome.includes(g.id)};
  });
  const variantInflow = (variant: Variant) => {
    const index = new Map<string, number>();
    for (const p of datasets.prognosis) if (p.variant === variant) index.set(`${p.group}|${p.origin}|${p.year}`, p.placements);
    return years.map((year) =>
      groups.map((g) =>
        members.map((m) => {
          const value = index.get(`${g.id}|${m.code}|${year}`);
          if (value === undefined) throw new Error(`prepareInputs: the prognosis has no ${variant} figure for group ${g.id}, origin ${m.name} (${m.code}), ${year}`);
          return value;
        })
      )
    );
  };
  const range = scenario.prognosis === "range";
  const inflow = variantInflow(scenario.prognosis === "range" ? "central" : scenario.prognosis);
  let inflowRange: ModelInputs["inflowRange"] = null;
  if (range) {
    const total = (x: number[][][]) => x.map((byGroup) => byGroup.reduce((s, byOrigin) => s + byOrigin.reduce((a, b) => a + b, 0), 0));
    const central = total(inflow);
    const ratio = (variant: Variant) => total(variantInflow(variant)).map((v, t) => (central[t]! > 0 ? v / central[t]! : 1));
    inflowRange = {low: ratio("low"), high: ratio("high")};
  }

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

  const expectedVacancies = calibrated ? calibrated.vacancies.map((b) => b.shape / b.rate) : supply.mean;
  return {
    municipalities: members.map((m) => ({code: m.code, name: m.name})),
    years,
    groups,
    basis: {
      inhabitants: members.map((m) => m.inhabitants.value),
      households: members.map((m) => m.households.value),
      socialStock: members.map((m) => m.socialStock.value),
      vacancies: expectedVacancies
    },
    vacancies: {mean: supply.mean, existing: supply.existing, newBuild: supply.newBuild, size: supply.size},
    claims: supply.claims,
    suitable: supply.suitable,
    inflow,
    inflowRange,
    initialBacklog,
    calibration: calibrated,
    prepared: dataChoices(scenario)
  };
}

/**
 * Supply per municipality and year: relettings of the existing stock from the vacancy series (all lettings minus the
 * first lettings of new build in the same years), with a fitted trend, growing with the stock that new build adds
 * after the series ends; plus the first lettings of new build; the competing claims' share; the suitable share.
 */
function prepareSupply(datasets: Datasets, scenario: Scenario, members: readonly Datasets["municipalities"][number][], years: readonly number[]) {
  const built = new Map<string, number>();
  if (scenario.newBuild) for (const r of datasets.newBuild ?? []) built.set(`${r.municipality}|${r.year}`, r.homes);
  const homes = (code: string, year: number) => built.get(`${code}|${year}`) ?? 0;
  const existing: number[][] = years.map(() => []);
  const newBuild: number[][] = years.map(() => []);
  const size: (number | null)[] = [];
  const mean: number[] = [];
  members.forEach((m, i) => {
    const series = datasets.vacancies
      .filter((v) => v.municipality === m.code)
      .slice()
      .sort((a, b) => a.year - b.year)
      .map((v) => ({year: v.year, vacancies: Math.max(0, v.vacancies - homes(m.code, v.year))}));
    if (series.length === 0) throw new Error(`prepareInputs: no vacancy figures for ${m.name} (${m.code})`);
    const fit = fitVacancyTrend(series, scenario.vacancyWindow, scenario.vacancyTrend);
    size.push(scenario.vacancyDispersion === "poisson" ? null : fit.size);
    const stock = m.socialStock.value;
    let total = 0;
    years.forEach((year, t) => {
      let added = 0;
      for (let y = fit.lastYear + 1; y < year; y++) added += homes(m.code, y);
      const grown = stock > 0 ? 1 + added / stock : 1;
      existing[t]![i] = fit.level * Math.pow(fit.growth, year - fit.lastYear) * grown;
      newBuild[t]![i] = homes(m.code, year);
      total += existing[t]![i]! + newBuild[t]![i]!;
    });
    mean.push(total / years.length);
  });
  const claims = years.map((year) =>
    members.map((m) => {
      if (!scenario.competingClaims || !datasets.claims) return 0;
      const row = datasets.claims.find((c) => c.municipality === m.code && c.year === year);
      if (!row) throw new Error(`prepareInputs: data/claims.csv has no share for ${m.name} (${m.code}) in ${year}`);
      return row.share;
    })
  );
  const suitable = members.map((m) => {
    const rows = (datasets.suitable ?? []).filter((r) => r.municipality === m.code).sort((a, b) => b.year - a.year);
    return rows[0]?.share ?? 1;
  });
  return {existing, newBuild, size, mean, claims, suitable};
}
