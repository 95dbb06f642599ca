import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {attributePool} from "../../simulations/model/backlog.ts";

describe("pool backlog by origin", () => {
  it("houses who waited first, then newcomers, in proportion to their numbers", () => {
    const waiting = Int32Array.of(2, 0);
    const housed = new Int32Array(2);
    attributePool(5, waiting, Int32Array.of(3, 3), housed);
    expect(Array.from(housed)).toEqual([4, 1]);
    expect(Array.from(waiting)).toEqual([1, 2]);
  });

  it("loses nobody per origin: waiting + newcomers = housed + still waiting", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), {minLength: 1, maxLength: 9}), fc.double({min: 0, max: 1, noNaN: true}), (pairs, f) => {
        const waiting = Int32Array.from(pairs.map(([w]) => w));
        const newcomers = Int32Array.from(pairs.map(([, n]) => n));
        const before = Array.from(waiting);
        const total = before.reduce((s, x) => s + x, 0) + newcomers.reduce((s, x) => s + x, 0);
        const housed = new Int32Array(pairs.length);
        attributePool(Math.floor(f * total), waiting, newcomers, housed);
        pairs.forEach((_, i) => {
          expect(before[i]! + newcomers[i]!).toBe(housed[i]! + waiting[i]!);
          expect(waiting[i]).toBeGreaterThanOrEqual(0);
          expect(housed[i]).toBeGreaterThanOrEqual(0);
        });
        expect(housed.reduce((s, x) => s + x, 0)).toBe(Math.floor(f * total));
      }),
      {numRuns: 200}
    );
  });

  it("refuses to house more than the pool holds", () => {
    expect(() => attributePool(5, Int32Array.of(1), Int32Array.of(1), new Int32Array(1))).toThrow(/pool of 2/);
  });
});
