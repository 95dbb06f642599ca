// One-at-a-time sensitivity (tornado): each assumption to a low and a high value, the others held where the reader
// set them, all on the same random draws, so each bar is the effect of that assumption alone.
import type {SimulationOutcome} from "./engine.js";
import {cell, probability} from "./summary.js";
import {formatNumber} from "./format.js";

/** The assumptions a researcher can move on the Prognoses page. */
export interface Settings {
  readonly prognosis: "range" | "low" | "central" | "high";
  readonly inflowDispersion: number;
  readonly vacancyFactor: number;
  readonly vacancyDispersion: "series" | "poisson";
  readonly vacancyWindow: number;
  readonly returnShareFactor: number;
}

/** Where an outcome is read: a municipality (or "regio") and a year. */
export interface Where {
  readonly municipality: string;
  readonly year: number;
}

/** An outcome the tornado can rank the assumptions by. */
export interface Outcome {
  readonly id: string;
  readonly label: string;
  /** X-axis label with unit. */
  readonly axis: string;
  readonly format: "count" | "percent" | "probability";
  readonly value: (outcome: SimulationOutcome, where: Where) => number;
}

export const OUTCOMES: readonly Outcome[] = [
  {id: "backlog_p50", label: "Wachtenden eind jaar (mediaan)", axis: "wachtenden (mediaan)", format: "count", value: (o, w) => cell(o.rows, w.year, w.municipality, "backlog").p50},
  {id: "backlog_p95", label: "Wachtenden eind jaar (P95, ongunstig)", axis: "wachtenden (P95)", format: "count", value: (o, w) => cell(o.rows, w.year, w.municipality, "backlog").p95},
  {id: "placed_p50", label: "Plaatsingen (mediaan)", axis: "plaatsingen per jaar (mediaan)", format: "count", value: (o, w) => cell(o.rows, w.year, w.municipality, "placed").p50},
  {id: "share_p50", label: "Aandeel vrijkomende woningen (mediaan)", axis: "aandeel (%)", format: "percent", value: (o, w) => cell(o.rows, w.year, w.municipality, "share").p50},
  {id: "p_miss_target", label: "Kans doel niet gehaald", axis: "kans (%)", format: "probability", value: (o, w) => probability(o.probabilities, w.year, w.municipality).pMissTarget},
  {id: "p_exceed_cap", label: "Kans aandeel boven het plafond", axis: "kans (%)", format: "probability", value: (o, w) => probability(o.probabilities, w.year, w.municipality).pExceedCap}
];

/** A low or high variant of one assumption. */
export interface Variant {
  readonly side: "low" | "high";
  /** Dutch text of the setting, e.g. "× 0,9". */
  readonly setting: string;
  readonly settings: Settings;
}

export interface Assumption {
  readonly id: keyof Settings;
  readonly label: string;
  readonly variants: (current: Settings, context: {vacancyYears: number}) => readonly [Variant, Variant];
}

const times = (x: number): string => `× ${formatNumber(x, 2)}`;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: "prognosis",
    label: "Prognosevariant instroom",
    variants: (s) => [
      {side: "low", setting: "laag", settings: {...s, prognosis: "low"}},
      {side: "high", setting: "hoog", settings: {...s, prognosis: "high"}}
    ]
  },
  {
    id: "inflowDispersion",
    label: "Extra spreiding instroom (φ)",
    variants: (s) => [
      {side: "low", setting: "φ = 0", settings: {...s, inflowDispersion: 0}},
      {side: "high", setting: "φ = 0,3", settings: {...s, inflowDispersion: 0.3}}
    ]
  },
  {
    id: "vacancyFactor",
    label: "Niveau vrijkomende woningen",
    variants: (s) => [
      {side: "low", setting: times(round2(s.vacancyFactor * 0.9)), settings: {...s, vacancyFactor: round2(s.vacancyFactor * 0.9)}},
      {side: "high", setting: times(round2(s.vacancyFactor * 1.1)), settings: {...s, vacancyFactor: round2(s.vacancyFactor * 1.1)}}
    ]
  },
  {
    id: "returnShareFactor",
    label: "Terugkeeraandeel (instroom = uitstroom)",
    variants: (s) => [
      {side: "low", setting: times(round2(s.returnShareFactor * 0.8)), settings: {...s, returnShareFactor: round2(s.returnShareFactor * 0.8)}},
      {side: "high", setting: times(round2(s.returnShareFactor * 1.2)), settings: {...s, returnShareFactor: round2(s.returnShareFactor * 1.2)}}
    ]
  },
  {
    id: "vacancyDispersion",
    label: "Spreiding vrijkomende woningen",
    variants: (s) => [
      {side: "low", setting: "Poisson", settings: {...s, vacancyDispersion: "poisson"}},
      {side: "high", setting: "uit de reeks", settings: {...s, vacancyDispersion: "series"}}
    ]
  },
  {
    id: "vacancyWindow",
    label: "Jaren uit de reeks vrijkomende woningen",
    variants: (s, {vacancyYears}) => [
      {side: "low", setting: "3 jaar", settings: {...s, vacancyWindow: Math.min(3, vacancyYears)}},
      {side: "high", setting: `${vacancyYears} jaar`, settings: {...s, vacancyWindow: vacancyYears}}
    ]
  }
];

/**
 * A scenario file's JSON with the scenario-level assumptions replaced (the data-level ones, vacancy level and return
 * share, go to the engine pool as `assumptions`).
 *
 * @example
 * scenarioWith(agreedJson, {...settings, prognosis: "high"}).prognosis; // "high"
 */
export function scenarioWith(base: unknown, settings: Settings): Record<string, unknown> {
  if (typeof base !== "object" || base === null) throw new Error("scenarioWith: the base scenario must be an object");
  return {
    ...(base as Record<string, unknown>),
    // Its own id, so its rows in a download are told apart from the base scenario's.
    id: "aannames",
    name: "Eigen aannames",
    prognosis: settings.prognosis,
    inflowDispersion: settings.inflowDispersion,
    vacancyDispersion: settings.vacancyDispersion,
    vacancyWindow: settings.vacancyWindow
  };
}

/** One bar pair of the tornado. */
export interface TornadoRow {
  readonly assumption: string;
  readonly lowSetting: string;
  readonly low: number;
  readonly highSetting: string;
  readonly high: number;
  readonly centre: number;
  /** The spread the assumption causes: max − min of low, centre and high. */
  readonly range: number;
}

/**
 * The tornado's rows, the assumption that moves the outcome most first.
 *
 * @example
 * tornadoRows(variants, outcomes, centre, OUTCOMES[0], {municipality: "regio", year: 2030})[0].assumption;
 */
export function tornadoRows(
  variants: readonly (Variant & {assumption: Assumption})[],
  outcomes: readonly SimulationOutcome[],
  centre: SimulationOutcome,
  outcome: Outcome,
  where: Where
): TornadoRow[] {
  if (variants.length !== outcomes.length) throw new Error("tornadoRows: one outcome per variant expected");
  const c = outcome.value(centre, where);
  const byAssumption = new Map<string, {low?: [string, number]; high?: [string, number]}>();
  variants.forEach((v, i) => {
    const entry = byAssumption.get(v.assumption.label) ?? {};
    entry[v.side] = [v.setting, outcome.value(outcomes[i]!, where)];
    byAssumption.set(v.assumption.label, entry);
  });
  return [...byAssumption]
    .map(([assumption, {low, high}]) => {
      if (!low || !high) throw new Error(`tornadoRows: ${assumption} needs a low and a high variant`);
      return {
        assumption,
        lowSetting: low[0],
        low: low[1],
        highSetting: high[0],
        high: high[1],
        centre: c,
        range: Math.max(low[1], high[1], c) - Math.min(low[1], high[1], c)
      };
    })
    .sort((a, b) => b.range - a.range);
}
