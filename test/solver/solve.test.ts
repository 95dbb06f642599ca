// The solver on the real data: exact sums, bounds kept, fixed Amersfoort, Dutch refusals naming municipality and
// constraint, and a robust search that is deterministic and never worse than where it starts.
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {defaultLookup, parseScenario, prepareInputs, scenarioFiles, simulate} from "../../simulations/index.ts";
import {InfeasibleError, expectedReturners, proposalScenario, replacePeriod, solveFairShare, solveRobust} from "../../simulations/solver/index.ts";
import {MEASURES} from "../../simulations/measures/index.ts";
import {LEAD_MUNICIPALITY} from "../../simulations/agreement.ts";

const agreed = parseScenario(scenarioFiles["agreed"], "agreed.json", defaultLookup);
const inputs = prepareInputs(loadDatasets("data"), agreed);
const lead = inputs.municipalities.findIndex((m) => m.code === LEAD_MUNICIPALITY);
const amersfoort = inputs.municipalities[lead]!;

function infeasible(f: () => unknown): InfeasibleError {
  try {
    f();
  } catch (e) {
    if (e instanceof InfeasibleError) return e;
    throw e;
  }
  throw new Error("expected an InfeasibleError");
}

describe("solveFairShare", () => {
  it.each(MEASURES)("%s: targets sum to 227 with Amersfoort fixed at 108, within floors and ceilings", (measure) => {
    const s = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure, total: 227, fixed: {Amersfoort: 108}});
    expect(s.targets.reduce((a, b) => a + b, 0)).toBe(227);
    expect(s.targets[lead]).toBe(108);
    expect(s.binding[lead]).toBe("fixed");
    s.targets.forEach((x, m) => {
      expect(x).toBeGreaterThanOrEqual(s.floors[m]!);
      expect(x).toBeLessThanOrEqual(s.ceilings[m]!);
    });
    expect(s.gap.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
  });

  it("floors are the expected returners, rounded up; binding floors are reported", () => {
    const s = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227});
    const returners = [2, 3, 4, 5].map((t) => expectedReturners(inputs, t));
    s.floors.forEach((f, m) => expect(f).toBe(Math.ceil(Math.max(...returners.map((r) => r[m]!)) - 1e-9)));
    expect(s.binding).toContain("floor");
    for (const [m, b] of s.binding.entries()) {
      if (b === "floor") {
        expect(s.targets[m]).toBe(s.floors[m]);
        // Without its floor that municipality would get less.
        const relaxed = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, floor: 0});
        expect(relaxed.targets[m]!).toBeLessThan(s.targets[m]!);
      }
    }
  });

  it("the gap to the agreed ramp is the difference with the agreed targets of the period", () => {
    const s = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "socialStock", total: 227, fixed: {GM0307: 108}});
    const r = simulate(inputs, agreed, {runs: 1, seed: 1});
    const C = inputs.municipalities.length + 1;
    s.agreed.forEach((a, m) => expect(a).toBe(r.target[2 * C + m]));
  });

  it("refuses floors above the total, naming the municipalities and the constraint, in Dutch", () => {
    const e = infeasible(() => solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 100}));
    expect(e.violations.map((v) => v.constraint)).toContain("floors");
    expect(e.message).toMatch(/De ondergrenzen tellen op tot \d+, meer dan de 100 te verdelen plaatsingen per jaar: Amersfoort \d+ \(verwachte terugkeerders\)/);
  });

  it("refuses ceilings below the total, and a fixed Amersfoort outside its own bounds", () => {
    const e = infeasible(() => solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}, cap: 0.08}));
    expect(e.message).toMatch(/Amersfoort: vast op 108, boven de bovengrens \d+ \(8% van 1\.\d{3} verwachte verhuringen\)/);
    expect(e.message).toMatch(/Baarn: de ondergrens \d+ \(verwachte terugkeerders\) ligt boven de bovengrens \d \(8% van \d+ verwachte verhuringen\)/);
    expect(e.message).toMatch(/De bovengrenzen tellen op tot \d+, minder dan de 227/);
    const low = infeasible(() => solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 40}}));
    expect(low.violations[0]).toMatchObject({municipality: "Amersfoort", constraint: "fixed"});
    expect(low.message).toMatch(/^Amersfoort: vast op 40, onder de ondergrens \d+ \(verwachte terugkeerders\)\./);
  });

  it("the proposal is a scenario the engine runs, with the period's targets and the other years as in the base", () => {
    const s = solveFairShare(inputs, agreed, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}});
    const json = proposalScenario(agreed, s);
    const parsed = parseScenario(json, "proposal.json");
    const r = simulate(prepareInputs(loadDatasets("data"), parsed), parsed, {runs: 2, seed: 1});
    const C = inputs.municipalities.length + 1;
    for (let t = 2; t < 6; t++) s.targets.forEach((x, m) => expect(r.target[t * C + m]).toBe(x));
    expect(r.target[0 * C + lead]).toBe(135);
    expect(json.ramp).toEqual([agreed.ramp[0], {from: 2027, to: 2030, targets: Object.fromEntries(inputs.municipalities.map((m, i) => [m.code, s.targets[i]]))}]);
    expect(amersfoort.code).toBe("GM0307");
  });

  it("the proposal keeps every other setting of its base (placement reading, supply switches, cap, prognosis)", () => {
    const ceiling = parseScenario(scenarioFiles["ceiling"], "ceiling.json", defaultLookup);
    const base = {...ceiling, newBuild: false, competingClaims: false, cap: 0.15, prognosis: "low" as const};
    const s = solveFairShare(prepareInputs(loadDatasets("data"), base), base, {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}});
    const parsed = parseScenario(proposalScenario(base, s), "proposal.json");
    const {id, name, description, ramp, ...settings} = parsed;
    const {id: _i, name: _n, description: _d, ramp: _r, $schema: _s, ...baseSettings} = base;
    expect(settings).toEqual(baseSettings);
    expect(settings.placement).toBe("ceiling");
  });

  it("replacePeriod cuts overlapping periods back to the years outside", () => {
    const out = replacePeriod([{from: 2025, to: 2030, region: 227}], {from: 2027, to: 2028, region: 200});
    expect(out).toEqual([
      {from: 2025, to: 2026, region: 227},
      {from: 2027, to: 2028, region: 200},
      {from: 2029, to: 2030, region: 227}
    ]);
  });
});

describe("solveRobust", () => {
  const options = {from: 2027, to: 2030, measure: "lettings" as const, total: 227};
  it("is deterministic for a seed, never worse than its start, and keeps the sum and bounds", () => {
    const a = solveRobust(inputs, agreed, options, {runs: 400, seed: 3, maxEvaluations: 6});
    const b = solveRobust(inputs, agreed, options, {runs: 400, seed: 3, maxEvaluations: 6});
    expect(b).toEqual(a);
    expect(a.pAllWithin).toBeGreaterThanOrEqual(a.pAllWithinStart);
    expect(a.targets.reduce((x, y) => x + y, 0)).toBe(227);
    a.targets.forEach((x, m) => {
      expect(x).toBeGreaterThanOrEqual(a.floors[m]!);
      expect(x).toBeLessThanOrEqual(a.ceilings[m]!);
    });
    expect(a.evaluations).toBeLessThanOrEqual(6);
    expect(a.start).toEqual(solveFairShare(inputs, agreed, options).targets);
  });

  it("leaves a fixed Amersfoort where it is", () => {
    const r = solveRobust(inputs, agreed, {...options, fixed: {Amersfoort: 108}}, {runs: 300, seed: 1, maxEvaluations: 4});
    expect(r.targets[lead]).toBe(108);
  });
});
