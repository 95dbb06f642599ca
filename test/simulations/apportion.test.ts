import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {apportion, apportionBounded} from "../../simulations/model/apportion.ts";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
const weightsArb = fc.array(fc.double({min: 0, max: 1e6, noNaN: true}), {minLength: 1, maxLength: 9}).filter((w) => sum(w) > 0);

describe("apportion (largest remainder)", () => {
  it("gives every entry the floor or ceiling of its quota, and exactly the total", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 100_000}), weightsArb, (total, w) => {
        const out = apportion(total, w);
        expect(sum(out)).toBe(total);
        const W = sum(w);
        w.forEach((wi, i) => {
          const q = (total * wi) / W;
          expect(out[i]).toBeGreaterThanOrEqual(Math.floor(q) - 1e-9);
          expect(out[i]).toBeLessThanOrEqual(Math.ceil(q) + 1e-9);
          if (wi === 0) expect(out[i]).toBe(0);
        });
      }),
      {numRuns: 300}
    );
  });

  it("gives leftover seats to the largest remainders", () => {
    expect(Array.from(apportion(10, [0.56, 0.24, 0.2]))).toEqual([6, 2, 2]); // quotas 5.6, 2.4, 2.0
  });

  it("breaks ties by larger weight, then lower index", () => {
    expect(Array.from(apportion(1, [1, 1, 1]))).toEqual([1, 0, 0]);
    expect(Array.from(apportion(2, [1, 1, 1]))).toEqual([1, 1, 0]);
    // quotas 1.5 and 0.5, equal remainders: the larger weight wins
    expect(Array.from(apportion(2, [3, 1]))).toEqual([2, 0]);
  });

  it("rejects totals over zero weights and bad numbers", () => {
    expect(() => apportion(3, [0, 0])).toThrow(/sum to 0/);
    expect(() => apportion(1.5, [1])).toThrow(/integer/);
    expect(() => apportion(2, [1, -1])).toThrow(/weight 1/);
    expect(Array.from(apportion(0, [0, 0]))).toEqual([0, 0]);
  });
});

describe("apportionBounded", () => {
  it("never exceeds a bound, places min(total, Σ bounds) and returns the rest", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 2000}),
        fc.array(fc.tuple(fc.integer({min: 0, max: 500}), fc.integer({min: 0, max: 500})), {minLength: 1, maxLength: 9}),
        (total, pairs) => {
          const weights = pairs.map(([w]) => w);
          const bounds = pairs.map(([, b]) => b);
          const out = new Int32Array(pairs.length);
          const left = apportionBounded(total, weights, bounds, out);
          const reachable = sum(bounds.filter((_, i) => weights[i]! > 0));
          expect(sum(out)).toBe(Math.min(total, reachable));
          expect(left).toBe(total - sum(out));
          out.forEach((x, i) => {
            expect(x).toBeLessThanOrEqual(bounds[i]!);
            if (weights[i] === 0) expect(x).toBe(0);
          });
        }
      ),
      {numRuns: 300}
    );
  });

  it("spreads what a full entry cannot take over the others", () => {
    const out = new Int32Array(3);
    expect(apportionBounded(30, [1, 1, 1], [2, 100, 100], out)).toBe(0);
    expect(Array.from(out)).toEqual([2, 14, 14]);
  });
});
