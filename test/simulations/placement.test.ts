// Placement by hand: small cases computed on paper for both readings of the agreement ("obligation", "ceiling"),
// spill-over under each, and the rule that victims of domestic violence who cannot return are not housed at home.
import {describe, expect, it} from "vitest";
import {Placement, type PlacementRule} from "../../simulations/model/placement.ts";

interface Case {
  returners: number[];
  any: number[];
  notHome?: number[];
  capacity: number[];
  target: number[];
  key?: number[];
  waiting?: {home?: number[]; any?: number[]};
}

function place(rule: PlacementRule, spill: boolean, c: Case) {
  const M = c.capacity.length;
  const p = new Placement(M, rule, spill, Float64Array.from(c.key ?? c.capacity.map(() => 1 / M)));
  p.reset(c.waiting?.home ?? new Array(M).fill(0), c.waiting?.any ?? new Array(M).fill(0));
  const flow = new Int32Array(M * M + 3).fill(-7); // an offset, and stale values, must not matter
  const capacity = Int32Array.from(c.capacity);
  const placed = new Int32Array(M);
  const byOrigin = new Int32Array(M);
  p.year(Int32Array.from(c.returners), Int32Array.from(c.any), Int32Array.from(c.notHome ?? new Array(M).fill(0)), capacity, Int32Array.from(c.target), flow, 3, placed, byOrigin);
  const rows = Array.from({length: M}, (_, o) => Array.from(flow.subarray(3 + o * M, 3 + (o + 1) * M)));
  const waiting = Array.from({length: M}, (_, m) => p.waitHome[m]! + p.waitAny[m]! + p.waitNotHome[m]!);
  return {flow: rows, placed: Array.from(placed), byOrigin: Array.from(byOrigin), waiting, capacityLeft: Array.from(capacity), waitHome: Array.from(p.waitHome)};
}

// Three municipalities A, B, C. Returners 5 in A and 1 in B; a pool of 4 + 2 + 2; targets 6, 3, 3; room 1, 2, 3.
const basic: Case = {returners: [5, 1, 0], any: [4, 2, 2], capacity: [20, 20, 20], target: [6, 3, 3], key: [0.5, 0.3, 0.2]};

describe("placement, hand-computed", () => {
  it("obligation: returners at home, the pool by the targets' room (1, 2, 3), the 2 left beyond the targets by the key (A 1, B 1)", () => {
    const r = place("obligation", false, basic);
    // Host slots for the pool: A 1 + 1, B 2 + 1, C 3. Filled in proportion by origin (systematic rounding):
    // A takes 2 of [4, 2, 2] → A 1, B 1; B takes 3 of [3, 1, 2] → A 2, C 1; C takes the last [1, 1, 1].
    expect(r.flow).toEqual([
      [6, 2, 1],
      [1, 1, 1],
      [0, 1, 1]
    ]);
    expect(r.placed).toEqual([7, 4, 3]);
    expect(r.byOrigin).toEqual([9, 3, 2]);
    expect(r.waiting).toEqual([0, 0, 0]);
  });

  it("ceiling: the pool only within the targets' room; the 2 left wait", () => {
    const r = place("ceiling", false, basic);
    // A takes 1 of [4, 2, 2] → A; B takes 2 of [3, 2, 2] → A, C; C takes 3 of [2, 2, 1] → A, B, C.
    expect(r.flow).toEqual([
      [6, 1, 1],
      [0, 1, 1],
      [0, 1, 1]
    ]);
    expect(r.placed).toEqual([6, 3, 3]);
    expect(r.waiting).toEqual([1, 1, 0]);
  });

  it("ceiling with spill-over: who is left goes by capacity left (14 : 17 : 17 after the targets), nobody waits", () => {
    const r = place("ceiling", true, basic);
    // Quotas of the 2 left: 0.58, 0.71, 0.71; B and C get the two largest remainders (the key plays no part here).
    expect(r.placed).toEqual([6, 4, 4]);
    expect(r.waiting).toEqual([0, 0, 0]);
  });

  it("a victim of domestic violence who cannot return is never housed at home, even where all the room is", () => {
    const c: Case = {returners: [0, 0], any: [0, 0], notHome: [3, 0], capacity: [10, 10], target: [3, 0], key: [0.5, 0.5]};
    const r = place("obligation", false, c);
    expect(r.flow).toEqual([
      [0, 3],
      [0, 0]
    ]);
    expect(r.waiting).toEqual([0, 0]);
    // The strict reading keeps them waiting: the only target room is at home.
    expect(place("ceiling", false, c).waiting).toEqual([3, 0]);
  });

  it("obligation with spill-over: returners who do not fit at home are housed elsewhere; without it they wait at home", () => {
    const c: Case = {returners: [5, 0], any: [0, 0], capacity: [3, 10], target: [3, 3], key: [0.5, 0.5]};
    const wait = place("obligation", false, c);
    expect(wait.flow).toEqual([
      [3, 0],
      [0, 0]
    ]);
    expect(wait.waitHome).toEqual([2, 0]);
    const spill = place("obligation", true, c);
    expect(spill.flow).toEqual([
      [3, 2],
      [0, 0]
    ]);
    expect(spill.waiting).toEqual([0, 0]);
    // Under the ceiling reading spill-over moves the pool, never returners: they wait at home.
    expect(place("ceiling", true, c).waitHome).toEqual([2, 0]);
  });

  it("capacity binds: backlog only where it does, and capacity is never exceeded", () => {
    const c: Case = {returners: [2, 2], any: [6, 0], capacity: [3, 4], target: [4, 4], key: [0.5, 0.5]};
    const r = place("obligation", false, c);
    // Home: A 2 (1 left), B 2 (2 left); the pool of 6 (all of A) fills A 1 and B 2; 3 of A wait, nowhere has room.
    expect(r.placed).toEqual([3, 4]);
    expect(r.capacityLeft).toEqual([0, 0]);
    expect(r.waiting).toEqual([3, 0]);
  });

  it("a host whose only candidates are its own not-at-home members swaps with another host", () => {
    // Slots 1, 1, 2; not-at-home members of B (2) and C (2). C's slots can only take B's members.
    const c: Case = {returners: [0, 0, 0], any: [0, 0, 0], notHome: [0, 2, 2], capacity: [9, 9, 9], target: [1, 1, 2]};
    const r = place("ceiling", false, c);
    for (let m = 0; m < 3; m++) expect(r.flow[m]![m]).toBe(0);
    expect(r.placed).toEqual([1, 1, 2]);
    expect(r.waiting).toEqual([0, 0, 0]);
  });
});
