// The ramp period that gives every municipality's count (the solver's scenarios use it): read from a scenario
// file, turned into targets by the engine, and refused with a message when a municipality is unknown or missing.
import {describe, expect, it} from "vitest";
import {parseScenario, prepareInputs, rampTotal, simulate} from "../../simulations/index.ts";
import {municipalityTargets} from "../../simulations/model/ramp.ts";
import {fixtureDatasets, scenario} from "../simulations/fixtures.ts";

const municipalities = [
  {code: "GM0307", name: "Amersfoort"},
  {code: "GM0308", name: "Baarn"}
];

describe("ramp period with targets per municipality", () => {
  it("maps CBS codes and names to the municipalities' order, and sums to the period's total", () => {
    const period = {from: 2027, to: 2030, targets: {Baarn: 17, GM0307: 108}};
    expect(Array.from(municipalityTargets(period, municipalities))).toEqual([108, 17]);
    expect(rampTotal(period)).toBe(125);
  });

  it("refuses an unknown, doubled or missing municipality, naming it", () => {
    expect(() => municipalityTargets({from: 2027, to: 2030, targets: {GM0307: 1, Barn: 2}}, municipalities)).toThrow(/ingroeipad 2027-2030: onbekende gemeente "Barn"/);
    expect(() => municipalityTargets({from: 2027, to: 2030, targets: {GM0307: 1, Amersfoort: 2, Baarn: 1}}, municipalities)).toThrow(/Amersfoort staat er twee keer in/);
    expect(() => municipalityTargets({from: 2027, to: 2030, targets: {GM0307: 1}}, municipalities)).toThrow(/geen doel voor Baarn \(GM0308\)/);
  });

  it("is valid in a scenario file (non-negative integers only) and the engine places by it", () => {
    expect(() => parseScenario({id: "x", name: "X", description: "", ramp: [{from: 2025, to: 2030, targets: {GM0307: -1}}]}, "x.json")).toThrow(/x\.json, veld \$\.ramp\[0\]/);
    const targets = {GM0307: 100, GM0308: 20, GM0313: 15, GM0317: 8, GM0327: 20, GM0267: 30, GM0342: 30, GM0351: 4};
    const s = scenario({ramp: [{from: 2025, to: 2026, amersfoort: 135, others: 92}, {from: 2027, to: 2030, targets}]});
    const inputs = prepareInputs(fixtureDatasets(), s);
    const r = simulate(inputs, s, {runs: 3, seed: 1});
    const C = inputs.municipalities.length + 1;
    const t = r.years.indexOf(2028);
    inputs.municipalities.forEach((m, i) => expect(r.target[t * C + i]).toBe(targets[m.code as keyof typeof targets]));
    expect(r.target[t * C + C - 1]).toBe(227);
  });
});
