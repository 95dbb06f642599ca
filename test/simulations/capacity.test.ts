// Placement bounded by the vacancies and by a cap on the urgent share of them.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {capacity} from "../../simulations/model/capacity.ts";

describe("capacity", () => {
  it("is all vacancies without a cap, floor(cap × vacancies) with one", () => {
    expect(capacity(123, null)).toBe(123);
    expect(capacity(100, 0.18)).toBe(18);
    expect(capacity(99, 0.18)).toBe(17);
    expect(capacity(100, 0.57)).toBe(57); // 0.57 × 100 = 56.99999999999999 in floating point
  });
  it("never exceeds cap × vacancies", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 5000}), fc.double({min: 0.01, max: 1, noNaN: true}), (v, cap) => {
        const c = capacity(v, cap);
        expect(c).toBeLessThanOrEqual(v);
        expect(c).toBeLessThanOrEqual(cap * v + 1e-9);
        expect(c).toBeGreaterThanOrEqual(Math.floor(cap * v) - 1);
      })
    );
  });
});
