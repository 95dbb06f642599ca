// The negotiation table (Onderhandelingstafel): each municipality's offer per ramp period, checked against the
// region's total, the keys, the solver's proposal and the band, and turned into a scenario. Pure and typed; the
// engine module is passed in (pages load it by URL, tests import it), so the page only wires inputs to this.
import type {Engine, Scenario} from "../engine.js";
import type {BandRow, BurdenRow, FairShareSolution, Measure, ModelInputs, ScenarioInput, SpreadRow} from "../../../simulations/index.ts";

/** A ramp period of the base scenario: its years and its regional total per year. */
export interface NegotiationPeriod {
  /** "2025-2026". */
  readonly label: string;
  readonly from: number;
  readonly to: number;
  /** Placements per year the region agreed for this period (227). */
  readonly total: number;
}

/** What the table holds; every field is in the URL. */
export interface NegotiationState {
  /** Offers per year, per period label, per municipality in the inputs' order. */
  readonly offers: Readonly<Record<string, readonly number[]>>;
  /** The burden measure the table and the solver judge by. */
  readonly measure: Measure;
  /** Band of the share of lettings, as fractions (default 7-18%). */
  readonly band: readonly [number, number];
  readonly runs: number;
  readonly seed: number;
}

/** Ranges a reader may type; checked where the URL is read. */
export const LIMITS = {offer: [0, 2000], runs: [200, 20_000], seed: [0, 1_000_000_000]} as const;

/** Dutch names of the measures, short, for columns and choices. */
export const MEASURE_SHORT: Readonly<Record<Measure, string>> = {
  inhabitants: "per 1.000 inwoners",
  socialStock: "per 100 sociale huurwoningen",
  lettings: "per 100 verhuringen"
};

/**
 * The base scenario's ramp periods with their regional totals.
 *
 * @example
 * negotiationPeriods(engine, agreed); // [{label: "2025-2026", from: 2025, to: 2026, total: 227}, {label: "2027-2030", …}]
 */
export function negotiationPeriods(engine: Pick<Engine, "rampTotal">, base: Scenario): NegotiationPeriod[] {
  return base.ramp.map((p) => ({label: `${p.from}-${p.to}`, from: p.from, to: p.to, total: engine.rampTotal(p)}));
}

/**
 * The base scenario's targets as offers: what each municipality agreed per year in each period.
 *
 * @example
 * agreedOffers(engine, inputs, agreed)["2027-2030"]; // [108, 17, 12, 6, 18, 29, 31, 6]
 */
export function agreedOffers(engine: Pick<Engine, "agreedTargets" | "rampTotal">, inputs: ModelInputs, base: Scenario): Record<string, number[]> {
  return Object.fromEntries(negotiationPeriods(engine, base).map((p) => [p.label, engine.agreedTargets(inputs, base, p.from, p.to).map((x) => Math.round(x))]));
}

/** The default state: the agreed targets, per 100 lettings, the agreed band. */
export function defaultState(engine: Pick<Engine, "agreedTargets" | "rampTotal" | "SHARE_BAND">, inputs: ModelInputs, base: Scenario): NegotiationState {
  return {offers: agreedOffers(engine, inputs, base), measure: "lettings", band: [engine.SHARE_BAND[0], engine.SHARE_BAND[1]], runs: 2000, seed: 1};
}

/** The sum of a period's offers against its total. */
export interface PeriodSum {
  readonly period: string;
  readonly sum: number;
  readonly total: number;
  /** sum − total: negative means the offers fall short of what the region agreed. */
  readonly gap: number;
}

/**
 * @example
 * periodSums(periods, state)[1]; // {period: "2027-2030", sum: 227, total: 227, gap: 0}
 */
export function periodSums(periods: readonly NegotiationPeriod[], state: NegotiationState): PeriodSum[] {
  return periods.map((p) => {
    const sum = (state.offers[p.label] ?? []).reduce((a, b) => a + b, 0);
    return {period: p.label, sum, total: p.total, gap: sum - p.total};
  });
}

/** One municipality in one period: the offer against the keys, the solver and the band. */
export interface OfferRow {
  readonly code: string;
  readonly municipality: string;
  readonly offer: number;
  readonly agreed: number;
  /** The municipality's fair share of the period's total under each pure key (largest remainder, all eight). */
  readonly keys: Readonly<Record<"inhabitants" | "households" | "socialStock" | "vacancies", number>>;
  /** The solver's proposal (null when the solver found none). */
  readonly proposal: number | null;
  /** Expected burden of the offer in the chosen measure's unit. */
  readonly burden: number;
  /** The offer over the expected lettings. */
  readonly expectedShare: number;
  readonly withinBand: boolean;
}

const KEY_BASES = ["inhabitants", "households", "socialStock", "vacancies"] as const;

/**
 * The table of one period.
 *
 * @example
 * offerRows(engine, inputs, agreed, state, periods[1], proposal).find((r) => r.municipality === "Baarn");
 */
export function offerRows(
  engine: Pick<Engine, "apportion" | "keyShares" | "burden" | "agreedTargets" | "rampTotal">,
  inputs: ModelInputs,
  base: Scenario,
  state: NegotiationState,
  period: NegotiationPeriod,
  proposal: FairShareSolution | null
): OfferRow[] {
  const offers = state.offers[period.label] ?? [];
  const agreed = agreedOffers(engine, inputs, base)[period.label] ?? [];
  const all = inputs.municipalities.map(() => true);
  const byKey = Object.fromEntries(KEY_BASES.map((k) => [k, engine.apportion(period.total, engine.keyShares({[k]: 1}, inputs.basis, all))])) as Record<(typeof KEY_BASES)[number], Int32Array>;
  const denominators = state.measure === "lettings" ? inputs.basis.vacancies : inputs.basis[state.measure];
  return inputs.municipalities.map((m, i) => {
    const offer = offers[i] ?? 0;
    const expectedShare = offer / inputs.basis.vacancies[i]!;
    return {
      code: m.code,
      municipality: m.name,
      offer,
      agreed: agreed[i] ?? 0,
      keys: {inhabitants: byKey.inhabitants[i]!, households: byKey.households[i]!, socialStock: byKey.socialStock[i]!, vacancies: byKey.vacancies[i]!},
      proposal: proposal ? proposal.targets[i]! : null,
      burden: engine.burden(offer, denominators[i]!, state.measure),
      expectedShare,
      withinBand: expectedShare >= state.band[0] && expectedShare <= state.band[1]
    };
  });
}

/**
 * The solver's proposal for a period under the state's measure: with Amersfoort fixed at its offer when
 * `fixAmersfoort`, else all eight free. A Dutch message instead when no division is possible.
 *
 * @example
 * const p = proposal(engine, inputs, agreed, state, periods[1], true);
 * if ("message" in p) show(p.message); else p.targets;
 */
export function proposal(
  engine: Pick<Engine, "solveFairShare" | "InfeasibleError" | "LEAD_MUNICIPALITY">,
  inputs: ModelInputs,
  base: Scenario,
  state: NegotiationState,
  period: NegotiationPeriod,
  fixAmersfoort: boolean
): FairShareSolution | {readonly message: string} {
  const lead = inputs.municipalities.findIndex((m) => m.code === engine.LEAD_MUNICIPALITY);
  const fixed: Record<string, number> = {};
  if (fixAmersfoort && lead >= 0) fixed[engine.LEAD_MUNICIPALITY] = state.offers[period.label]?.[lead] ?? 0;
  try {
    return engine.solveFairShare(inputs, base, {from: period.from, to: period.to, measure: state.measure, total: period.total, fixed, cap: state.band[1]});
  } catch (e) {
    if (e instanceof engine.InfeasibleError) return {message: e.message};
    throw e;
  }
}

/** The state with a period's offers replaced by the solver's proposal. */
export function withProposal(state: NegotiationState, period: string, targets: readonly number[]): NegotiationState {
  return {...state, offers: {...state.offers, [period]: [...targets]}};
}

/** The state with one offer changed. */
export function withOffer(state: NegotiationState, period: string, index: number, value: number): NegotiationState {
  const offers = [...(state.offers[period] ?? [])];
  offers[index] = value;
  return {...state, offers: {...state.offers, [period]: offers}};
}

/**
 * The offers as a complete scenario (every period as targets per municipality, by CBS code), the rest of the
 * settings from the base: the file to download, open on Vergelijken, or run with `npm run simulate`.
 *
 * @example
 * engine.parseScenario(offersScenario(inputs, agreed, periods, state), "bod.json"); // valid
 */
export function offersScenario(inputs: ModelInputs, base: Scenario, periods: readonly NegotiationPeriod[], state: NegotiationState): ScenarioInput {
  const ramp = periods.map((p) => ({from: p.from, to: p.to, targets: Object.fromEntries(inputs.municipalities.map((m, i) => [m.code, state.offers[p.label]?.[i] ?? 0]))}));
  const list = periods.map((p) => `${p.label}: ${inputs.municipalities.map((m, i) => `${m.name} ${state.offers[p.label]?.[i] ?? 0}`).join(", ")}`).join("; ");
  return {
    id: "onderhandeling",
    name: "Bod aan de onderhandelingstafel",
    description: `Doelen per gemeente per jaar zoals op de onderhandelingstafel ingevuld. ${list}. Overige instellingen als in "${base.name}".`,
    ramp,
    key: base.key,
    prognosis: base.prognosis,
    cap: base.cap,
    spillOver: base.spillOver,
    inflowDispersion: base.inflowDispersion,
    vacancyDispersion: base.vacancyDispersion,
    vacancyWindow: base.vacancyWindow,
    stochastic: base.stochastic
  };
}

/** What a simulation of the offers shows: burden bands, spread, P(within the band). */
export interface OffersOutcome {
  readonly burdens: BurdenRow[];
  readonly spread: SpreadRow[];
  readonly band: BandRow[];
  /** P(every municipality within the band in every year 2025-2030). */
  readonly pAllEveryYear: number;
  readonly runs: number;
  readonly seed: number;
}

/**
 * The offers' scenario in the engine's parsed form, without the validator (which stays out of the browser bundle):
 * the base scenario, validated at build time, with the ramp replaced by whole-number offers.
 */
export function offersAsScenario(inputs: ModelInputs, base: Scenario, periods: readonly NegotiationPeriod[], state: NegotiationState): Scenario {
  for (const p of periods) {
    const offers = state.offers[p.label] ?? [];
    if (offers.length !== inputs.municipalities.length || offers.some((x) => !Number.isInteger(x) || x < 0)) {
      throw new Error(`De biedingen voor ${p.label} moeten ${inputs.municipalities.length} gehele getallen van 0 of meer zijn.`);
    }
  }
  const json = offersScenario(inputs, base, periods, state);
  return {...base, id: json.id!, name: json.name!, description: json.description!, ramp: json.ramp as Scenario["ramp"]};
}

/**
 * Simulates the offers' scenario and summarises the burdens (same seed as the other pages: common random numbers).
 *
 * @example
 * simulateOffers(engine, inputs, agreed, periods, state).band.filter((r) => r.municipality === "regio");
 */
export function simulateOffers(
  engine: Pick<Engine, "simulateBurdens" | "burdenRows" | "spreadRows" | "bandRows" | "pAllWithinEveryYear">,
  inputs: ModelInputs,
  base: Scenario,
  periods: readonly NegotiationPeriod[],
  state: NegotiationState
): OffersOutcome {
  const scenario = offersAsScenario(inputs, base, periods, state);
  const {burdens} = engine.simulateBurdens({a: {inputs, scenario}, runs: state.runs, seed: state.seed, band: state.band});
  return {
    burdens: engine.burdenRows(burdens),
    spread: engine.spreadRows(burdens),
    band: engine.bandRows(burdens),
    pAllEveryYear: engine.pAllWithinEveryYear(burdens),
    runs: state.runs,
    seed: state.seed
  };
}

const MEASURE_IDS: readonly Measure[] = ["inhabitants", "socialStock", "lettings"];

/**
 * The state as URL query parameters: `bod-<period>` (offers in the municipalities' order, comma-separated),
 * `maat`, `band` (percentages), `runs`, `seed`. A link reproduces the table.
 *
 * @example
 * stateToQuery(state, periods); // "bod-2025-2026=135,13,…&bod-2027-2030=108,…&maat=lettings&band=7,18&runs=2000&seed=1"
 */
export function stateToQuery(state: NegotiationState, periods: readonly NegotiationPeriod[]): string {
  const q = new URLSearchParams();
  for (const p of periods) q.set(`bod-${p.label}`, (state.offers[p.label] ?? []).join(","));
  q.set("maat", state.measure);
  q.set("band", state.band.map((x) => String(Math.round(x * 1000) / 10)).join(","));
  q.set("runs", String(state.runs));
  q.set("seed", String(state.seed));
  // Commas are safe in a query; keep them readable.
  return q.toString().replace(/%2C/g, ",");
}

/**
 * Reads the state from URL query parameters; what is missing comes from `defaults`, what is wrong is reported (in
 * Dutch, naming the parameter) and replaced by the default, so a damaged link still opens a table.
 *
 * @example
 * const {state, problems} = stateFromQuery(location.search, periods, defaultState(engine, inputs, agreed), 8);
 */
export function stateFromQuery(
  query: string,
  periods: readonly NegotiationPeriod[],
  defaults: NegotiationState,
  municipalities: number
): {state: NegotiationState; problems: string[]} {
  const q = new URLSearchParams(query);
  const problems: string[] = [];
  const offers: Record<string, number[]> = {};
  for (const p of periods) {
    const raw = q.get(`bod-${p.label}`);
    const fallback = [...(defaults.offers[p.label] ?? [])];
    if (raw === null) {
      offers[p.label] = fallback;
      continue;
    }
    const parts = raw.split(",");
    const values = parts.map((x) => (/^\d+$/.test(x.trim()) ? Number(x.trim()) : NaN));
    if (parts.length !== municipalities || values.some((v) => !(v >= LIMITS.offer[0] && v <= LIMITS.offer[1]))) {
      problems.push(`bod-${p.label}: verwacht ${municipalities} gehele getallen van ${LIMITS.offer[0]} tot en met ${LIMITS.offer[1]}, gescheiden door komma's; het afgesproken ingroeipad is gebruikt`);
      offers[p.label] = fallback;
    } else offers[p.label] = values;
  }
  let measure = defaults.measure;
  const m = q.get("maat");
  if (m !== null) {
    if ((MEASURE_IDS as readonly string[]).includes(m)) measure = m as Measure;
    else problems.push(`maat: verwacht ${MEASURE_IDS.join(", ")}, niet "${m}"`);
  }
  let band = defaults.band;
  const b = q.get("band");
  if (b !== null) {
    const parts = b.split(",").map((x) => (/^\d+(\.\d+)?$/.test(x) ? Number(x) / 100 : NaN));
    if (parts.length === 2 && parts[0]! >= 0 && parts[0]! <= parts[1]! && parts[1]! <= 1) band = [parts[0]!, parts[1]!];
    else problems.push(`band: verwacht twee percentages als 7,18 (laag, hoog), niet "${b}"`);
  }
  const integer = (name: "runs" | "seed", fallback: number): number => {
    const raw = q.get(name);
    if (raw === null) return fallback;
    const [lo, hi] = LIMITS[name];
    if (/^\d+$/.test(raw) && Number(raw) >= lo && Number(raw) <= hi) return Number(raw);
    problems.push(`${name}: verwacht een geheel getal van ${lo} tot en met ${hi}, niet "${raw}"`);
    return fallback;
  };
  return {state: {offers, measure, band, runs: integer("runs", defaults.runs), seed: integer("seed", defaults.seed)}, problems};
}
