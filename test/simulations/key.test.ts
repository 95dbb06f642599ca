import {describe, expect, it} from "vitest";
import {keyShares} from "../../simulations/model/key.ts";

const basis = {inhabitants: [300, 100, 100], households: [100, 50, 50], socialStock: [10, 30, 60], vacancies: [1, 2, 1]};
const all = [true, true, true];

describe("allocation keys", () => {
  it("a pure key divides in proportion to its basis", () => {
    expect(Array.from(keyShares({inhabitants: 1}, basis, all))).toEqual([0.6, 0.2, 0.2]);
    expect(Array.from(keyShares({vacancies: 2}, basis, all))).toEqual([0.25, 0.5, 0.25]);
  });

  it("a mix is the weighted mean of the pure keys' shares", () => {
    const mix = keyShares({inhabitants: 1, socialStock: 3}, basis, all);
    [0.6 * 0.25 + 0.1 * 0.75, 0.2 * 0.25 + 0.3 * 0.75, 0.2 * 0.25 + 0.6 * 0.75].forEach((s, i) => expect(mix[i]).toBeCloseTo(s, 12));
  });

  it("divides only among members, whose shares sum to 1", () => {
    const s = keyShares({socialStock: 1}, basis, [false, true, true]);
    expect(s[0]).toBe(0);
    expect(s[1]! + s[2]!).toBeCloseTo(1, 12);
    expect(s[1]).toBeCloseTo(1 / 3, 12);
  });

  it("refuses a key without weight or a basis that sums to 0", () => {
    expect(() => keyShares({}, basis, all)).toThrow(/weight/);
    expect(() => keyShares({inhabitants: 1}, {...basis, inhabitants: [0, 0, 0]}, all)).toThrow(/inhabitants/);
  });
});
