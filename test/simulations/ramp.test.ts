import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {fixedMembers, rampPeriod, rampTotal, yearTargets} from "../../simulations/model/ramp.ts";
import {scenarioSchema} from "../../simulations/scenario/schema.ts";
import {LEAD_MUNICIPALITY} from "../../simulations/agreement.ts";

const basis = {
  inhabitants: [160000, 25000, 22600, 9800, 31700, 45400, 46900, 13600],
  households: [72000, 11000, 9000, 4100, 13000, 18500, 20500, 5400],
  socialStock: [22600, 2600, 2500, 1100, 3500, 5200, 5900, 1400],
  vacancies: [1300, 100, 105, 52, 178, 270, 290, 70]
};
const members = ["Amersfoort", "Baarn", "Bunschoten", "Eemnes", "Leusden", "Nijkerk", "Soest", "Woudenberg"].map((name, i) => ({code: i === 0 ? LEAD_MUNICIPALITY : `GM90${i}`, name}));
const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0);

describe("ramp and targets", () => {
  it("finds the period of a year and its total", () => {
    const ramp = [
      {from: 2025, to: 2026, fixed: {[LEAD_MUNICIPALITY]: 135}, others: 92},
      {from: 2027, to: 2030, fixed: {[LEAD_MUNICIPALITY]: 108}, others: 119}
    ];
    expect(rampTotal(rampPeriod(ramp, 2027))).toBe(227);
    expect(() => rampPeriod(ramp, 2031)).toThrow(/2031/);
  });

  it("gives a fixed municipality its count and divides the others' total over the rest, summing exactly", () => {
    const t = yearTargets({from: 2025, to: 2026, fixed: {[LEAD_MUNICIPALITY]: 135}, others: 92}, {socialStock: 1}, basis, members);
    expect(t[0]).toBe(135);
    expect(sum(t)).toBe(227);
    // Soest has the most social stock of the seven (5,900 of 22,200): 92 × 0.266 = 24.4
    expect(t[6]).toBe(24);
  });

  it("divides a region-only total over all eight", () => {
    const t = yearTargets({from: 2025, to: 2030, region: 227}, {socialStock: 1}, basis, members);
    expect(sum(t)).toBe(227);
    const quota = (227 * 22600) / 44800; // 114.5…
    expect([Math.floor(quota), Math.ceil(quota)]).toContain(t[0]);
  });

  it("targets sum to the ramp for any key and counts", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 1000}),
        fc.integer({min: 0, max: 1000}),
        fc.record({inhabitants: fc.double({min: 0, max: 1, noNaN: true}), socialStock: fc.double({min: 0.01, max: 1, noNaN: true})}),
        (a, o, key) => {
          const t = yearTargets({from: 2025, to: 2025, fixed: {Amersfoort: a}, others: o}, key, basis, members);
          expect(sum(t)).toBe(a + o);
          expect(t[0]).toBe(a);
          expect(Math.min(...t)).toBeGreaterThanOrEqual(0);
        }
      ),
      {numRuns: 200}
    );
  });

  it("fixes any municipalities, by code or name, whatever the region: nothing assumes Amersfoort", () => {
    const t = yearTargets({from: 2025, to: 2025, fixed: {Soest: 40, GM902: 10}, others: 100}, {socialStock: 1}, basis, members);
    expect(t[6]).toBe(40);
    expect(t[2]).toBe(10);
    expect(sum(t)).toBe(150);
    expect(fixedMembers({from: 2025, to: 2025, fixed: {Soest: 40, GM902: 10}, others: 100}, members)).toEqual([false, false, true, false, false, false, true, false]);
    // Another region's members, without the agreement's lead municipality: a region-only or fixed ramp still works.
    const elsewhere = members.map((m, i) => ({code: `GM80${i}`, name: `Gemeente ${i}`}));
    expect(sum(yearTargets({from: 2025, to: 2025, region: 80}, {inhabitants: 1}, basis, elsewhere))).toBe(80);
    expect(yearTargets({from: 2025, to: 2025, fixed: {GM803: 7}, others: 20}, {inhabitants: 1}, basis, elsewhere)[3]).toBe(7);
  });

  it("names an unknown or doubled fixed municipality, and refuses others with nobody left to take them", () => {
    expect(() => yearTargets({from: 2025, to: 2026, fixed: {Utrecht: 5}, others: 1}, {socialStock: 1}, basis, members)).toThrow(/ingroeipad 2025-2026: onbekende gemeente "Utrecht"/);
    expect(() => yearTargets({from: 2025, to: 2026, fixed: {Soest: 5, GM906: 2}, others: 1}, {socialStock: 1}, basis, members)).toThrow(/Soest staat er twee keer in/);
    const all = Object.fromEntries(members.map((m) => [m.code, 1]));
    expect(() => yearTargets({from: 2025, to: 2026, fixed: all, others: 3}, {socialStock: 1}, basis, members)).toThrow(/elke gemeente heeft al een eigen aantal/);
    expect(sum(yearTargets({from: 2025, to: 2026, fixed: all, others: 0}, {socialStock: 1}, basis, members))).toBe(8);
  });

  it("reads the older amersfoort field as fixed with the agreement's lead municipality", () => {
    const s = scenarioSchema.parse({id: "old", name: "Oud", description: "", ramp: [{from: 2025, to: 2030, amersfoort: 120, others: 107}]});
    expect(s.ramp[0]).toEqual({from: 2025, to: 2030, fixed: {[LEAD_MUNICIPALITY]: 120}, others: 107});
  });
});
