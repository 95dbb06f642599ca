// The negotiation table (Onderhandelingstafel): each municipality's offer per ramp period, checked against the
// region's total, the keys, the solver's proposal and the band, and turned into a scenario. Pure and typed; the
// engine module is passed in (pages load it by URL, tests import it), so the page only wires inputs to this.
import type {Engine, EnginePool, Scenario} from "../engine.js";
import type {BandRow, BurdenRow, FairShareSolution, Measure, ModelInputs, ScenarioInput, SpreadRow} from "../../../simulations/index.ts";
import {dataTable} from "../table.js";
import {formatNumber, formatPercent, formatProbability} from "../format.js";
import {codecs, field, type Codec, type Field, type Spec, type UrlState} from "../state.js";

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
  engine: Pick<Engine, "apportion" | "keyShares" | "burden" | "agreedTargets" | "rampTotal" | "expectedLettings">,
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
  // Expected lettings of the period's years, as the solver divides by.
  const ts = inputs.years.map((y, t) => (y >= period.from && y <= period.to ? t : -1)).filter((t) => t >= 0);
  const lettings = engine.expectedLettings(inputs, ts).all;
  const denominators = state.measure === "lettings" ? lettings : inputs.basis[state.measure];
  return inputs.municipalities.map((m, i) => {
    const offer = offers[i] ?? 0;
    const expectedShare = offer / lettings[i]!;
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
 * The label of the toggle that keeps the lead municipality's offer in the proposal, with its name from the data
 * (nothing on the page assumes which municipality that is); null when the region has no lead municipality.
 *
 * @example
 * keepLeadLabel(engine, inputs); // "Voorstel: Amersfoort houdt haar bod, de andere gemeenten verdelen de rest"
 */
export function keepLeadLabel(engine: Pick<Engine, "LEAD_MUNICIPALITY">, inputs: ModelInputs): string | null {
  const lead = inputs.municipalities.find((m) => m.code === engine.LEAD_MUNICIPALITY);
  return lead ? `Voorstel: ${lead.name} houdt haar bod, de andere gemeenten verdelen de rest` : null;
}

/**
 * The solver's proposal for a period under the state's measure: with the lead municipality (in the agreement:
 * Amersfoort) fixed at its offer when `fixAmersfoort`, else all free. A Dutch message instead when no division is possible.
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
  // The proposal depends on the other offers not at all: an edit of one of the seven asks the same question again.
  const key = JSON.stringify([base.id, period.label, period.total, state.measure, state.band, fixed]);
  let cache = proposals.get(inputs);
  if (!cache) proposals.set(inputs, (cache = new Map()));
  const known = cache.get(key);
  if (known) return known;
  let answer: FairShareSolution | {readonly message: string};
  try {
    answer = engine.solveFairShare(inputs, base, {from: period.from, to: period.to, measure: state.measure, total: period.total, fixed, cap: state.band[1]});
  } catch (e) {
    if (e instanceof engine.InfeasibleError) answer = {message: e.message};
    else throw e;
  }
  if (cache.size > 64) cache.clear();
  cache.set(key, answer);
  return answer;
}

// Proposals already solved, per prepared inputs (a page has one).
const proposals = new WeakMap<ModelInputs, Map<string, FairShareSolution | {readonly message: string}>>();

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
  const {$schema: _schema, ...settings} = base;
  return {
    ...settings,
    id: "onderhandeling",
    name: "Bod aan de onderhandelingstafel",
    description: `Doelen per gemeente per jaar zoals op de onderhandelingstafel ingevuld. ${list}. Overige instellingen als in "${base.name}".`,
    ramp
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
 * Simulates the offers' scenario and summarises the burdens (same seed as the other pages: common random numbers),
 * on the calling thread: the reference the page's worker path (`simulateOffersInPool`) is tested against.
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

/** The offers' simulation as the page shows it: the outcome with the table it belongs to. */
export interface SimulatedOffers {
  readonly outcome: OffersOutcome;
  /** The table (offers, measure, band, runs, seed) the outcome was simulated for. */
  readonly state: NegotiationState;
}

/**
 * `simulateOffers` in the page's engine pool: the runs split over the workers, each sorting its range's per-run
 * burden figures, one of them joining the ranges and making the rows (simulations/measures/burdenRuns.ts): the same
 * numbers, a fraction of the time, off the page's thread. A newer edit supersedes a request that has not started
 * (channel "onderhandelen").
 *
 * @example
 * const {outcome} = await simulateOffersInPool(await getEnginePool(), inputs, agreed, periods, state);
 */
export async function simulateOffersInPool(
  pool: Pick<EnginePool, "burdens">,
  inputs: ModelInputs,
  base: Scenario,
  periods: readonly NegotiationPeriod[],
  state: NegotiationState
): Promise<SimulatedOffers> {
  const scenario = offersAsScenario(inputs, base, periods, state);
  // The headline reads the spread of one year: the first of the last period (see `headline`).
  const spreadPeriods = [String(periods[periods.length - 1]!.from)];
  const o = await pool.burdens({a: scenario, runs: state.runs, seed: state.seed, band: state.band, spreadPeriods}, "onderhandelen");
  return {outcome: {burdens: o.burdens, spread: o.spread, band: o.band, pAllEveryYear: o.pAllEveryYear, runs: o.runs, seed: o.seed}, state};
}

/** A table as text: equal texts, equal simulations (the page's RunTracker key). */
export function offersKey(periods: readonly NegotiationPeriod[], state: NegotiationState): string {
  return JSON.stringify([periods.map((p) => state.offers[p.label]), state.band, state.runs, state.seed]);
}

const MEASURE_IDS: readonly Measure[] = ["inhabitants", "socialStock", "lettings"];

/** A list of exactly `n` offers, each a whole number within LIMITS.offer ("108,17,12,…"). */
function offersCodec(n: number): Codec<number[]> {
  const list = codecs.list(codecs.integer(LIMITS.offer[0], LIMITS.offer[1]));
  return {parse: (text) => {
    const values = list.parse(text);
    return values && values.length === n ? values : undefined;
  }, format: list.format};
}

/** A band as two percentages, "7,18" (low ≤ high, within 0-100). */
const bandCodec: Codec<[number, number]> = {
  parse(text) {
    const parts = text.split(",").map((x) => (/^\d+(\.\d+)?$/.test(x) ? Number(x) / 100 : NaN));
    return parts.length === 2 && parts[0]! <= parts[1]! && parts[1]! <= 1 ? [parts[0]!, parts[1]!] : undefined;
  },
  format: (band) => band.map((x) => String(Math.round(x * 1000) / 10)).join(",")
};

/**
 * The page's inputs as URL fields (src/components/state.ts): `bod-<period>` (offers in the municipalities' order),
 * `maat`, `band` (percentages), `amersfoort` (1: the proposal keeps Amersfoort's offer), `runs`, `seed`. Values
 * equal to the defaults stay out of the link; a damaged value falls back to its default.
 *
 * @example
 * const state = urlState(negotiationSpec(periods, defaultState(engine, inputs, agreed), 8));
 */
export function negotiationSpec(periods: readonly NegotiationPeriod[], defaults: NegotiationState, municipalities: number) {
  const offers: Record<string, Field<number[]>> = {};
  for (const p of periods) offers[`bod-${p.label}`] = field(offersCodec(municipalities), [...(defaults.offers[p.label] ?? [])], "replace");
  return {
    ...offers,
    maat: field(codecs.oneOf(MEASURE_IDS), defaults.measure),
    band: field(bandCodec, [defaults.band[0], defaults.band[1]] as [number, number], "replace"),
    amersfoort: field(codecs.boolean, true),
    runs: field(codecs.integer(LIMITS.runs[0], LIMITS.runs[1]), defaults.runs, "replace"),
    seed: field(codecs.integer(LIMITS.seed[0], LIMITS.seed[1]), defaults.seed, "replace")
  } as Spec;
}

/** The URL values (see `negotiationSpec`) as the table's state. */
export function stateFromUrl(values: Readonly<Record<string, unknown>>, periods: readonly NegotiationPeriod[]): NegotiationState {
  return {
    offers: Object.fromEntries(periods.map((p) => [p.label, [...(values[`bod-${p.label}`] as number[])]])),
    measure: values["maat"] as Measure,
    band: values["band"] as [number, number],
    runs: values["runs"] as number,
    seed: values["seed"] as number
  };
}

/** The table's offers as URL values (for `UrlState.set`). */
export function offersToUrl(offers: Readonly<Record<string, readonly number[]>>, periods: readonly NegotiationPeriod[]): Record<string, number[]> {
  return Object.fromEntries(periods.map((p) => [`bod-${p.label}`, [...(offers[p.label] ?? [])]]));
}

/**
 * Ties the offers input to the URL: edits are written to the address, back/forward set the fields (and fire an
 * "input" event so the page's `view()` passes the new offers on).
 *
 * @example
 * bindOffers(state, input, periods);
 */
export function bindOffers(state: UrlState<Spec>, input: OffersInput, periods: readonly NegotiationPeriod[]): OffersInput {
  return state.mirror(
    input,
    (value: OffersInput["value"]) => state.set(offersToUrl(value, periods)),
    (values, changed) => (changed.some((name) => String(name).startsWith("bod-")) ? Object.fromEntries(periods.map((p) => [p.label, [...(values[`bod-${p.label}`] as number[])]])) : undefined)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Views: DOM nodes for the page (tables in Dutch notation with CSV and Excel downloads).

const KEY_HEADERS: Readonly<Record<keyof OfferRow["keys"], string>> = {
  inhabitants: "sleutel inwoners",
  households: "sleutel huishoudens",
  socialStock: "sleutel sociale voorraad",
  vacancies: "sleutel vrijkomend"
};

/**
 * One line per period: the offers' sum against the agreed total, and the gap.
 *
 * @example
 * display(sumsView(periodSums(periods, state)));
 */
export function sumsView(sums: readonly PeriodSum[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "fs-negotiation-sums";
  for (const s of sums) {
    const item = document.createElement("li");
    const gap = s.gap === 0 ? "sluit precies" : s.gap < 0 ? `${formatNumber(-s.gap)} te weinig` : `${formatNumber(s.gap)} te veel`;
    item.textContent = `${s.period}: de biedingen tellen op tot ${formatNumber(s.sum)} per jaar, afgesproken is ${formatNumber(s.total)} (${gap}).`;
    if (s.gap !== 0) item.className = "fs-warn";
    list.append(item);
  }
  return list;
}

/**
 * The table of one period: each offer against the agreed target, the fair share under every key, the solver's
 * proposal, the expected burden in the chosen measure and the expected share of lettings (marked outside the band).
 *
 * @example
 * display(offersView(rows, period, state));
 */
export function offersView(rows: readonly OfferRow[], period: NegotiationPeriod, state: NegotiationState): HTMLElement {
  const outside = (r: OfferRow) => (r.withinBand ? undefined : "fs-warn");
  return dataTable<OfferRow>({
    name: `onderhandelingstafel-${period.label}`,
    caption: `Biedingen ${period.label} (plaatsingen per jaar) naast het ingroeipad, elke sleutel (${formatNumber(period.total)} over alle acht) en het voorstel; last ${MEASURE_SHORT[state.measure]}`,
    columns: [
      {header: "gemeente", value: (r) => r.municipality},
      {header: "bod", value: (r) => r.offer, format: "count"},
      {header: "afgesproken", value: (r) => r.agreed, format: "count"},
      ...(Object.keys(KEY_HEADERS) as (keyof OfferRow["keys"])[]).map((k) => ({header: KEY_HEADERS[k], value: (r: OfferRow) => r.keys[k], format: "count" as const})),
      {header: "voorstel", value: (r) => r.proposal, format: "count"},
      {header: `last ${MEASURE_SHORT[state.measure]}`, value: (r) => Math.round(r.burden * 100) / 100, format: "decimal"},
      {header: "verwacht aandeel", value: (r) => r.expectedShare, format: "percent", className: outside}
    ],
    rows,
    status: "schatting"
  });
}

/** The band as "7-18%". */
export function bandLabel(band: readonly [number, number]): string {
  return `${formatNumber(band[0] * 100)}-${formatPercent(band[1], 0)}`;
}

/**
 * The headline of a simulation: the spread of the burden and the chance that all stay within the band.
 *
 * @example
 * headline(outcome, state, "2027"); // "Onder deze biedingen is in 2027 de zwaarste last … 2,1 keer de lichtste …"
 */
export function headline(outcome: OffersOutcome, state: NegotiationState, year: string): string {
  const spread = outcome.spread.find((r) => r.period === year && r.measure === state.measure && r.index === "maxMin");
  const all = outcome.band.find((r) => r.period === year && r.municipality === "regio");
  const whole = outcome.band.find((r) => r.period.includes("-") && r.municipality === "regio");
  const ratio = spread ? (Number.isFinite(spread.p50) ? `${formatNumber(spread.p50, 1)} keer` : "oneindig veel keer") : "–";
  return (
    `Onder deze biedingen is in ${year} de zwaarste last (${MEASURE_SHORT[state.measure]}) ${ratio} de lichtste (mediaan over ${formatNumber(outcome.runs)} doorrekeningen). ` +
    `Kans dat alle gemeenten in ${year} binnen ${bandLabel(state.band)} van hun verhuringen blijven: ${all ? formatProbability(all.pWithin) : "–"}; ` +
    `over ${whole?.period ?? "alle jaren"} samen: ${whole ? formatProbability(whole.pWithin) : "–"}; in elk jaar: ${formatProbability(outcome.pAllEveryYear)}.`
  );
}

/** One municipality's simulated burdens, for the outcome table. */
export interface OutcomeRow {
  readonly municipality: string;
  readonly burdenP50: number;
  readonly burdenP5: number;
  readonly burdenP95: number;
  readonly pWithin: number;
  readonly netContribution: number;
  readonly balanceP50: number;
  readonly balanceP5: number;
  readonly balanceP95: number;
}

/**
 * Per municipality (and the region) over all years together: the burden in the chosen measure (median and 90%
 * band), the net contribution to the region and the cumulative balance against the offers by the last year; and
 * P(share of lettings within the band) in `year` (for the region: P(all within)). Over all years together nearly
 * every municipality stays within the band; a single year is where the spread shows.
 *
 * @example
 * outcomeRows(outcome, state, "2027");
 */
export function outcomeRows(outcome: OffersOutcome, state: NegotiationState, year: string): OutcomeRow[] {
  const whole = outcome.burdens.find((r) => r.period.includes("-"))!.period;
  const names = [...new Set(outcome.burdens.map((r) => r.municipality))];
  const row = (m: string, metric: BurdenRow["metric"]) => outcome.burdens.find((r) => r.period === whole && r.municipality === m && r.metric === metric)!;
  return names.map((m) => {
    const b = row(m, state.measure);
    const balance = row(m, "balance");
    return {
      municipality: m,
      burdenP50: b.p50,
      burdenP5: b.p5,
      burdenP95: b.p95,
      pWithin: outcome.band.find((r) => r.period === year && r.municipality === m)?.pWithin ?? NaN,
      netContribution: row(m, "netContribution").mean,
      balanceP50: balance.p50,
      balanceP5: balance.p5,
      balanceP95: balance.p95
    };
  });
}

/**
 * The outcome table (see `outcomeRows`), the region last and emphasised.
 *
 * @example
 * display(outcomeView(outcome, state, "2027"));
 */
export function outcomeView(outcome: OffersOutcome, state: NegotiationState, year: string): HTMLElement {
  const rows = outcomeRows(outcome, state, year);
  const whole = outcome.burdens.find((r) => r.period.includes("-"))!.period;
  const unit = MEASURE_SHORT[state.measure];
  return dataTable<OutcomeRow>({
    name: "onderhandelingstafel-uitkomst",
    caption: `Doorgerekend over ${whole} (${formatNumber(outcome.runs)} doorrekeningen, startgetal ${outcome.seed}); bij de regio is de kans die dat alle gemeenten in ${year} binnen de band blijven`,
    columns: [
      {header: "gemeente", value: (r) => (r.municipality === "regio" ? "Regio (totaal)" : r.municipality)},
      {header: `last ${unit} (mediaan)`, value: (r) => r.burdenP50, format: "decimal"},
      {header: "P5", value: (r) => r.burdenP5, format: "decimal"},
      {header: "P95", value: (r) => r.burdenP95, format: "decimal"},
      {header: `kans binnen ${bandLabel(state.band)} in ${year}`, value: (r) => r.pWithin, format: "probability"},
      {header: "netto bijdrage aan de regio (gemiddeld)", value: (r) => Math.round(r.netContribution * 10) / 10, format: "signed"},
      {header: `saldo t.o.v. biedingen eind ${whole.slice(-4)} (mediaan)`, value: (r) => r.balanceP50, format: "signed"},
      {header: "saldo P5", value: (r) => r.balanceP5, format: "signed"},
      {header: "saldo P95", value: (r) => r.balanceP95, format: "signed"}
    ],
    rows,
    emphasise: (r) => r.municipality === "regio",
    status: "schatting"
  });
}

/**
 * A link that downloads the offers as a scenario file (JSON), for Vergelijken or `npm run simulate`.
 *
 * @example
 * display(scenarioDownload(offersScenario(inputs, agreed, periods, state)));
 */
export function scenarioDownload(json: ScenarioInput): HTMLElement {
  const a = document.createElement("a");
  a.className = "fs-download";
  a.download = `${json.id ?? "onderhandeling"}.json`;
  a.href = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(json, null, 2) + "\n")}`;
  a.textContent = "Download de biedingen als scenario (JSON)";
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs: the offers as one form (a number per municipality and period), whose `value` is the offers by period.

/** An element whose `value` is the offers by period label; "input" events bubble from its fields. */
export interface OffersInput extends HTMLElement {
  value: Record<string, number[]>;
}

/**
 * A table of number fields, one per municipality (rows) and period (columns). A field that does not hold a whole
 * number from 0 to 2,000 is marked and a Dutch message says which and what is used instead (its last valid value).
 *
 * @example
 * const input = offersInput(inputs.municipalities, periods, state.offers);
 * input.value["2027-2030"]; // [108, 17, …]
 */
export function offersInput(municipalities: readonly {readonly code: string; readonly name: string}[], periods: readonly NegotiationPeriod[], initial: Readonly<Record<string, readonly number[]>>): OffersInput {
  const form = document.createElement("form") as unknown as OffersInput;
  form.className = "fs-negotiation-offers";
  form.addEventListener("submit", (e) => e.preventDefault());
  const table = document.createElement("table");
  table.className = "fs-table";
  const head = table.createTHead().insertRow();
  for (const text of ["gemeente", ...periods.map((p) => `bod ${p.label}`)]) {
    const th = document.createElement("th");
    th.textContent = text;
    head.append(th);
  }
  const message = document.createElement("p");
  message.className = "fs-warn";
  message.setAttribute("role", "status");
  const last: Record<string, number[]> = Object.fromEntries(periods.map((p) => [p.label, municipalities.map((_, i) => initial[p.label]?.[i] ?? 0)]));
  const fields: Record<string, HTMLInputElement[]> = {};
  const body = table.createTBody();
  municipalities.forEach((m, i) => {
    const row = body.insertRow();
    row.insertCell().textContent = m.name;
    for (const p of periods) {
      const input = document.createElement("input");
      input.type = "number";
      input.min = String(LIMITS.offer[0]);
      input.max = String(LIMITS.offer[1]);
      input.step = "1";
      input.inputMode = "numeric";
      input.value = String(last[p.label]![i]);
      input.setAttribute("aria-label", `bod ${m.name} ${p.label}`);
      input.dataset.period = p.label;
      input.dataset.municipality = m.code;
      (fields[p.label] ??= []).push(input);
      row.insertCell().append(input);
    }
  });
  const read = (): Record<string, number[]> => {
    const problems: string[] = [];
    for (const p of periods) {
      fields[p.label]!.forEach((input, i) => {
        const text = input.value.trim();
        const x = /^\d+$/.test(text) ? Number(text) : NaN;
        const ok = x >= LIMITS.offer[0] && x <= LIMITS.offer[1];
        input.classList.toggle("fs-warn", !ok);
        input.setAttribute("aria-invalid", ok ? "false" : "true");
        if (ok) last[p.label]![i] = x;
        else problems.push(`${municipalities[i]!.name} ${p.label}: een bod is een geheel getal van ${LIMITS.offer[0]} tot en met ${formatNumber(LIMITS.offer[1])}; ${last[p.label]![i]} (het laatste geldige bod) telt.`);
      });
    }
    message.textContent = problems.join(" ");
    return Object.fromEntries(periods.map((p) => [p.label, [...last[p.label]!]]));
  };
  Object.defineProperty(form, "value", {
    get: read,
    set(value: Record<string, readonly number[]>) {
      for (const p of periods) fields[p.label]!.forEach((input, i) => (input.value = String(value[p.label]?.[i] ?? last[p.label]![i])));
      read();
    }
  });
  form.append(table, message);
  return form;
}

/**
 * A button per period that fills in the solver's proposal (or, when there is none, says why in Dutch).
 *
 * @example
 * display(proposalButtons(periods, proposals, input));
 */
export function proposalButtons(periods: readonly NegotiationPeriod[], proposals: readonly (FairShareSolution | {readonly message: string})[], input: OffersInput): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "fs-negotiation-proposals";
  periods.forEach((p, k) => {
    const proposalOf = proposals[k]!;
    if ("message" in proposalOf) {
      const note = document.createElement("p");
      note.className = "fs-warn";
      note.textContent = `Geen voorstel voor ${p.label}: ${proposalOf.message}`;
      wrap.append(note);
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Vul het voorstel voor ${p.label} in`;
    button.addEventListener("click", () => {
      input.value = {...input.value, [p.label]: [...proposalOf.targets]};
      input.dispatchEvent(new Event("input", {bubbles: true}));
    });
    wrap.append(button);
  });
  return wrap;
}

/**
 * What a printout of the table shows, for the shared print header (which adds the date and the data and engine
 * versions): the offers per period, the measure, the band, runs and seed.
 *
 * @example
 * display(printHeader(context(width), offersSettingsText(inputs, periods, state)));
 */
export function offersSettingsText(inputs: ModelInputs, periods: readonly NegotiationPeriod[], state: NegotiationState): string {
  const offers = periods.map((period) => `${period.label}: ${inputs.municipalities.map((m, i) => `${m.name} ${state.offers[period.label]?.[i] ?? 0}`).join(", ")}`).join("; ");
  return `Biedingen per jaar — ${offers}. Last ${MEASURE_SHORT[state.measure]}; band ${bandLabel(state.band)}; ${formatNumber(state.runs)} doorrekeningen, startgetal ${state.seed}.`;
}
