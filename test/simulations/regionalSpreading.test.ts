// The regional pool, housed by the room the targets leave.
import {describe, expect, it} from "vitest";
import {spreadPool} from "../../simulations/model/regionalSpreading.ts";

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
