import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {rampPeriod, rampTotal, yearTargets} from "../../simulations/model/ramp.ts";

const basis = {
  inhabitants: [160000, 25000, 22600, 9800, 31700, 45400, 46900, 13600],
  households: [72000, 11000, 9000, 4100, 13000, 18500, 20500, 5400],
  socialStock: [22600, 2600, 2500, 1100, 3500, 5200, 5900, 1400],
  vacancies: [1300, 100, 105, 52, 178, 270, 290, 70]
};
const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0);

describe("ramp and targets", () => {
  it("finds the period of a year and its total", () => {
    const ramp = [
      {from: 2025, to: 2026, amersfoort: 135, others: 92},
      {from: 2027, to: 2030, amersfoort: 108, others: 119}
    ];
    expect(rampTotal(rampPeriod(ramp, 2027))).toBe(227);
    expect(() => rampPeriod(ramp, 2031)).toThrow(/2031/);
  });

  it("gives Amersfoort its count and divides the others' total over the seven, summing exactly", () => {
    const t = yearTargets({from: 2025, to: 2026, amersfoort: 135, others: 92}, {socialStock: 1}, basis, 0);
    expect(t[0]).toBe(135);
    expect(sum(t)).toBe(227);
    // Soest has the most social stock of the seven (5,900 of 22,200): 92 × 0.266 = 24.4
    expect(t[6]).toBe(24);
  });

  it("divides a region-only total over all eight", () => {
    const t = yearTargets({from: 2025, to: 2030, region: 227}, {socialStock: 1}, basis, 0);
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
          const t = yearTargets({from: 2025, to: 2025, amersfoort: a, others: o}, key, basis, 0);
          expect(sum(t)).toBe(a + o);
          expect(t[0]).toBe(a);
          expect(Math.min(...t)).toBeGreaterThanOrEqual(0);
        }
      ),
      {numRuns: 200}
    );
  });
});
