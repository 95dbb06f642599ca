// Instroom = uitstroom: returners are housed in their municipality of origin first.
import {describe, expect, it} from "vitest";
import {placeReturners} from "../../simulations/model/returnToOrigin.ts";

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
