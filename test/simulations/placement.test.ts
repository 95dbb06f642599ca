// Placement bounded by vacancies and cap; return to origin; regional spreading by the targets.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {capacity} from "../../simulations/model/capacity.ts";
import {placeReturners} from "../../simulations/model/returnToOrigin.ts";
import {spreadPool} from "../../simulations/model/regionalSpreading.ts";

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

describe("return to origin", () => {
  it("houses who waited and newcomers at home up to capacity; the rest waits at home", () => {
    const waiting = Int32Array.of(2, 0, 5);
    const cap = Int32Array.of(5, 1, 100);
    const placed = new Int32Array(3);
    placeReturners(Int32Array.of(4, 3, 1), waiting, cap, placed);
    expect(Array.from(placed)).toEqual([5, 1, 6]);
    expect(Array.from(waiting)).toEqual([1, 2, 0]);
    expect(Array.from(cap)).toEqual([0, 0, 94]);
  });
});

describe("regional spreading", () => {
  it("fills the targets' room, no further, bounded by capacity", () => {
    const placed = new Int32Array(3);
    const cap = Int32Array.of(100, 100, 100);
    const left = spreadPool(20, Int32Array.of(10, 10, 10), Int32Array.of(10, 4, 0), cap, placed);
    // room: 0, 6, 10 = 16 of 20
    expect(Array.from(placed)).toEqual([0, 6, 10]);
    expect(left).toBe(4);
    expect(Array.from(cap)).toEqual([100, 94, 90]);
  });

  it("spreads by remaining room when the pool is smaller", () => {
    const placed = new Int32Array(2);
    spreadPool(6, Int32Array.of(30, 10), Int32Array.of(0, 0), Int32Array.of(100, 100), placed);
    expect(Array.from(placed)).toEqual([5, 1]); // quotas 4.5 and 1.5: tie on remainder, larger room wins
  });

  it("moves what a full municipality cannot take to others with room", () => {
    const placed = new Int32Array(2);
    const left = spreadPool(10, Int32Array.of(8, 8), Int32Array.of(0, 0), Int32Array.of(2, 100), placed);
    expect(Array.from(placed)).toEqual([2, 8]);
    expect(left).toBe(0);
  });
});
