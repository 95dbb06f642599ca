// Prior beliefs before any realised year: the yearly vacancies from the vacancy series, the yearly inflow from the
// Companen prognosis. A prior's strength is counted in pseudo-years: how many realised years it is worth.
import {mean, sampleVariance} from "simple-statistics";
import type {PrognosisRecord, VacancyRecord} from "../../loaders/types.ts";
import type {GammaBelief} from "../model/calibration.ts";
import {beliefFromMean} from "./gamma-poisson.ts";

/** The part of a vacancy record a prior needs (so synthetic series need no provenance). */
export type YearlyCount = Pick<VacancyRecord, "municipality" | "year" | "vacancies">;

/** A prior with the numbers it was made from, for the report and the page. */
export interface Prior {
  readonly belief: GammaBelief;
  /** Prior mean of the yearly count. */
  readonly mean: number;
  /** Prior strength in pseudo-years (= the Gamma rate β₀). */
  readonly strength: number;
}

/**
 * No prognosis counts for more than this many realised years, so that monitoring can overrule the study within
 * the agreement's term (2025-2030) even where the study's range is narrow.
 */
export const MAX_PRIOR_STRENGTH = 5;

/** The standard normal's 95th percentile (exact; simple-statistics' probit is an approximation to 1e-3). */
const Z95 = 1.6448536269514722;

/** Strength of an inflow prior when the prognosis has no low/high variants to say how sure it is. */
export const DEFAULT_INFLOW_STRENGTH = 1;

/**
 * Pooled dispersion index of yearly counts: D = Σₘ (nₘ−1)·s²ₘ/ȳₘ / Σₘ (nₘ−1), the ratio of the year-to-year
 * variance to the Poisson variance (D = 1: Poisson; D > 1: more spread than Poisson). Pooling over
 * municipalities makes a short series usable. Without any municipality with two years, D = 1.
 *
 * @example
 * dispersionIndex([[100, 110, 90], [50, 50, 50]]); // (2·100/100 + 0) / 4 = 0.5
 */
export function dispersionIndex(series: readonly (readonly number[])[]): number {
  let num = 0;
  let df = 0;
  for (const ys of series) {
    if (ys.length < 2) continue;
    const m = mean([...ys]);
    if (m === 0) continue;
    num += ((ys.length - 1) * sampleVariance([...ys])) / m;
    df += ys.length - 1;
  }
  return df === 0 ? 1 : num / df;
}

/**
 * Prior strength (pseudo-years) from n years with dispersion index D: β₀ = 1 / (max(D,1) − 1 + max(D,1)/n).
 * It makes the prior predictive variance, ȳ(1 + 1/β₀), equal the year-to-year variance seen in the series plus
 * the uncertainty of its mean, ȳ·D·(1 + 1/n). For Poisson data (D ≤ 1) it is n: the series counts as what it is.
 *
 * @example
 * strengthFromDispersion(1, 6); // 6
 * strengthFromDispersion(2, 6); // 1 / (1 + 1/3) = 0.75
 */
export function strengthFromDispersion(dispersion: number, years: number): number {
  if (!(years >= 1)) throw new Error(`a prior needs at least one year of data, got ${years}`);
  if (!(dispersion >= 0) || !Number.isFinite(dispersion)) throw new Error(`dispersion must be finite and ≥ 0, got ${dispersion}`);
  const d = Math.max(dispersion, 1);
  return 1 / (d - 1 + d / years);
}

/**
 * Priors on the yearly vacancies per municipality from the vacancy series, using only years before `beforeYear`
 * (the realised years must not be counted twice). Mean = the series' average; strength from the pooled dispersion.
 *
 * @example
 * vacancyPriors(datasets.vacancies, ["GM0307", "GM0308"], 2025).get("GM0307"); // {mean: 1319, strength: …}
 */
export function vacancyPriors(
  records: readonly YearlyCount[],
  municipalities: readonly string[],
  beforeYear: number
): {priors: Map<string, Prior>; dispersion: number} {
  const series = new Map<string, number[]>();
  for (const code of municipalities) series.set(code, []);
  for (const r of [...records].sort((a, b) => a.year - b.year)) {
    if (r.year < beforeYear) series.get(r.municipality)?.push(r.vacancies);
  }
  const dispersion = dispersionIndex([...series.values()]);
  const priors = new Map<string, Prior>();
  for (const [code, ys] of series) {
    if (ys.length === 0) throw new Error(`no vacancies before ${beforeYear} for ${code} in the vacancy series: cannot build a prior`);
    priors.set(code, priorOf(mean(ys), strengthFromDispersion(dispersion, ys.length)));
  }
  return {priors, dispersion};
}

/**
 * Priors on the yearly inflow per municipality of origin from the prognosis (all groups together). Mean = the
 * central variant's average yearly total; the low-high range is read as a 90% interval of the rate, so
 * sd = (high − low) / (2·z₀.₉₅) and strength = mean / sd² pseudo-years (capped at MAX_PRIOR_STRENGTH; without a
 * range, DEFAULT_INFLOW_STRENGTH).
 *
 * @example
 * inflowPriors(datasets.prognosis, ["GM0307"]).get("GM0307"); // {mean: 134, strength: 0.4, …}
 */
export function inflowPriors(records: readonly PrognosisRecord[], municipalities: readonly string[]): Map<string, Prior> {
  const priors = new Map<string, Prior>();
  for (const code of municipalities) {
    const yearly = (variant: string) => {
      const byYear = new Map<number, number>();
      for (const r of records) {
        if (r.origin === code && r.variant === variant) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.placements);
      }
      return byYear.size === 0 ? undefined : mean([...byYear.values()]);
    };
    const central = yearly("central");
    if (central === undefined || central <= 0) throw new Error(`no positive central prognosis for origin ${code}: cannot build an inflow prior`);
    const low = yearly("low");
    const high = yearly("high");
    let strength = DEFAULT_INFLOW_STRENGTH;
    if (low !== undefined && high !== undefined && high > low) {
      const sd = (high - low) / (2 * Z95);
      strength = Math.min(MAX_PRIOR_STRENGTH, central / (sd * sd));
    } else if (low !== undefined && high !== undefined) {
      strength = MAX_PRIOR_STRENGTH; // the study gives no range at all: as sure as we allow
    }
    priors.set(code, priorOf(central, strength));
  }
  return priors;
}

function priorOf(m: number, strength: number): Prior {
  return {belief: beliefFromMean(m, strength), mean: m, strength};
}
