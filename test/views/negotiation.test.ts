// The negotiation table's logic on the real data: defaults are the agreed targets, sums and gaps, fair shares under
// the keys, the solver's proposal, the scenario it becomes, and the URL round trip.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {
  agreedOffers,
  defaultState,
  negotiationPeriods,
  offerRows,
  offersAsScenario,
  offersScenario,
  periodSums,
  proposal,
  simulateOffers,
  stateFromQuery,
  stateToQuery,
  withOffer,
  withProposal
} from "../../src/components/views/negotiation.ts";

const agreed = engine.parseScenario(engine.scenarioFiles["agreed"], "agreed.json", engine.defaultLookup);
const inputs = engine.prepareInputs(loadDatasets("data"), agreed);
const periods = negotiationPeriods(engine, agreed);
const defaults = defaultState(engine, inputs, agreed);
const baarn = inputs.municipalities.findIndex((m) => m.name === "Baarn");

describe("negotiation table", () => {
  it("starts from the agreed targets: 135 / 92 and 108 / 119, summing to 227 in both periods", () => {
    expect(periods.map((p) => p.label)).toEqual(["2025-2026", "2027-2030"]);
    expect(defaults.offers["2025-2026"]![inputs.amersfoort]).toBe(135);
    expect(defaults.offers["2027-2030"]![inputs.amersfoort]).toBe(108);
    expect(periodSums(periods, defaults).map((s) => [s.sum, s.total, s.gap])).toEqual([
      [227, 227, 0],
      [227, 227, 0]
    ]);
  });

  it("an edited offer changes the sum and the gap", () => {
    const edited = withOffer(defaults, "2027-2030", baarn, defaults.offers["2027-2030"]![baarn]! - 5);
    expect(periodSums(periods, edited)[1]).toEqual({period: "2027-2030", sum: 222, total: 227, gap: -5});
    expect(defaults.offers["2027-2030"]![baarn]).toBe(agreedOffers(engine, inputs, agreed)["2027-2030"]![baarn]);
  });

  it("rows: each key divides the period's 227 over all eight; the burden is the offer over its denominator", () => {
    const rows = offerRows(engine, inputs, agreed, defaults, periods[1]!, null);
    for (const k of ["inhabitants", "households", "socialStock", "vacancies"] as const) expect(rows.reduce((s, r) => s + r.keys[k], 0)).toBe(227);
    const b = rows[baarn]!;
    expect(b.burden).toBeCloseTo((100 * b.offer) / inputs.basis.vacancies[baarn]!, 12);
    expect(b.withinBand).toBe(b.expectedShare >= 0.07 && b.expectedShare <= 0.18);
    expect(b.proposal).toBeNull();
  });

  it("the solver's proposal keeps Amersfoort's offer when asked and fills in a period", () => {
    const p = proposal(engine, inputs, agreed, defaults, periods[1]!, true);
    if ("message" in p) throw new Error(p.message);
    expect(p.targets[inputs.amersfoort]).toBe(108);
    const filled = withProposal(defaults, "2027-2030", p.targets);
    expect(periodSums(periods, filled)[1]!.gap).toBe(0);
    expect(offerRows(engine, inputs, agreed, filled, periods[1]!, p).every((r) => r.offer === r.proposal)).toBe(true);
  });

  it("an impossible proposal gives the solver's Dutch message instead of targets", () => {
    const p = proposal(engine, inputs, agreed, withOffer(defaults, "2027-2030", inputs.amersfoort, 10), periods[1]!, true);
    expect("message" in p && p.message).toMatch(/Amersfoort: vast op 10, onder de ondergrens/);
  });

  it("the offers become a scenario the engine runs, with each offer as that year's target", () => {
    const edited = withOffer(defaults, "2027-2030", baarn, 12);
    const scenario = engine.parseScenario(offersScenario(inputs, agreed, periods, edited), "bod.json");
    const r = engine.simulate(inputs, scenario, {runs: 1, seed: 1});
    const C = inputs.municipalities.length + 1;
    expect(r.target[3 * C + baarn]).toBe(12);
    expect(r.target[0 * C + inputs.amersfoort]).toBe(135);
    // The page's scenario (no validator in the browser) is what the validator makes of the downloaded file.
    expect(offersAsScenario(inputs, agreed, periods, edited)).toEqual(scenario);
    expect(() => offersAsScenario(inputs, agreed, periods, withOffer(edited, "2025-2026", 0, 1.5))).toThrow(/De biedingen voor 2025-2026 moeten 8 gehele getallen/);
    const outcome = simulateOffers(engine, inputs, agreed, periods, {...edited, runs: 200});
    const all = outcome.band.find((row) => row.period === "2027" && row.municipality === "regio")!;
    expect(all.pWithin).toBeGreaterThanOrEqual(0);
    expect(outcome.pAllEveryYear).toBeLessThanOrEqual(all.pWithin);
  });

  it("the URL round trip reproduces the table; a damaged parameter is reported in Dutch and falls back", () => {
    const edited = {...withOffer(defaults, "2027-2030", baarn, 12), measure: "inhabitants" as const, band: [0.08, 0.16] as [number, number], runs: 5000, seed: 7};
    const query = stateToQuery(edited, periods);
    expect(query).toMatch(/bod-2027-2030=108,12,/);
    expect(stateFromQuery(query, periods, defaults, 8)).toEqual({state: edited, problems: []});
    const {state, problems} = stateFromQuery("bod-2027-2030=1,2,x&maat=huizen&runs=5", periods, defaults, 8);
    expect(state).toEqual(defaults);
    expect(problems).toEqual([
      "bod-2027-2030: verwacht 8 gehele getallen van 0 tot en met 2000, gescheiden door komma's; het afgesproken ingroeipad is gebruikt",
      'maat: verwacht inhabitants, socialStock, lettings, niet "huizen"',
      'runs: verwacht een geheel getal van 200 tot en met 20000, niet "5"'
    ]);
  });
});
