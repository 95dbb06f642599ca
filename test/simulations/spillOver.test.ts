import {describe, expect, it} from "vitest";
import {spillOver} from "../../simulations/model/spillOver.ts";

describe("spill-over", () => {
  it("places the rest in proportion to capacity left", () => {
    const cap = Int32Array.of(30, 10, 0);
    const placed = new Int32Array(3);
    expect(spillOver(8, cap, placed)).toBe(0);
    expect(Array.from(placed)).toEqual([6, 2, 0]);
    expect(Array.from(cap)).toEqual([24, 8, 0]);
  });

  it("keeps who does not fit anywhere waiting", () => {
    const cap = Int32Array.of(3, 1);
    const placed = new Int32Array(2);
    expect(spillOver(10, cap, placed)).toBe(6);
    expect(Array.from(placed)).toEqual([3, 1]);
  });
});
