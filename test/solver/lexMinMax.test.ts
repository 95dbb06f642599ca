// The greedy solver against brute force: on seeded random small instances, no feasible integer allocation has a
// lexicographically smaller sorted burden vector than the solver's, and the solver's is feasible.
import {describe, expect, it} from "vitest";
import seedrandom from "seedrandom";
import {compareBurden, lexMinMax, violations, type LexProblem} from "../../simulations/solver/lexMinMax.ts";
import {InfeasibleError} from "../../simulations/solver/infeasible.ts";

/** Every integer x with floors ≤ x ≤ ceilings (capped at total) and Σx = total. */
function* allocations(p: LexProblem, m = 0, left = p.total, prefix: number[] = []): Generator<number[]> {
  const n = p.names.length;
  if (m === n - 1) {
    if (left >= p.floors[m]! && left <= p.ceilings[m]!) yield [...prefix, left];
    return;
  }
  for (let x = p.floors[m]!; x <= Math.min(p.ceilings[m]!, left); x++) yield* allocations(p, m + 1, left - x, [...prefix, x]);
}

/** Sorted burden entries (largest first) as [x, d] pairs, compared exactly. */
function sortedBurdens(x: readonly number[], d: readonly number[]): [number, number][] {
  return x.map((v, m) => [v, d[m]!] as [number, number]).sort((a, b) => compareBurden(b[0], b[1], a[0], a[1]));
}

/** Lexicographic comparison of two sorted burden vectors. */
function compareLex(a: [number, number][], b: [number, number][]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareBurden(a[i]![0], a[i]![1], b[i]![0], b[i]![1]);
    if (c !== 0) return c;
  }
  return 0;
}

function randomProblem(rng: () => number): LexProblem {
  const n = 3 + Math.floor(rng() * 3); // 3-5 municipalities
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  // Small denominators with many ties (equal burdens are where a greedy goes wrong), sometimes real-valued.
  const denominators = Array.from({length: n}, () => (rng() < 0.2 ? int(1, 40) + 0.5 : int(1, 12) * (rng() < 0.5 ? 1 : 5)));
  const floors = Array.from({length: n}, () => (rng() < 0.5 ? 0 : int(0, 4)));
  const ceilings = floors.map((f) => (rng() < 0.3 ? Infinity : f + int(0, 8)));
  const fSum = floors.reduce((a, b) => a + b, 0);
  const total = fSum + int(0, 12);
  return {names: floors.map((_, i) => `M${i}`), denominators, total, floors, ceilings};
}

describe("lexMinMax equals brute force", () => {
  it("on 400 seeded random instances of 3-5 municipalities", () => {
    const rng = seedrandom.alea("fair-share-brute-force");
    let solved = 0;
    let infeasible = 0;
    for (let k = 0; k < 400; k++) {
      const p = randomProblem(rng);
      const all = [...allocations(p)];
      if (all.length === 0) {
        expect(() => lexMinMax(p)).toThrow(InfeasibleError);
        expect(violations(p).length).toBeGreaterThan(0);
        infeasible++;
        continue;
      }
      const x = Array.from(lexMinMax(p));
      // Feasible …
      expect(x.reduce((a, b) => a + b, 0)).toBe(p.total);
      x.forEach((v, m) => {
        expect(v).toBeGreaterThanOrEqual(p.floors[m]!);
        expect(v).toBeLessThanOrEqual(p.ceilings[m]!);
      });
      // … and no allocation is lexicographically better.
      const mine = sortedBurdens(x, p.denominators);
      let best = mine;
      for (const y of all) {
        const theirs = sortedBurdens(y, p.denominators);
        if (compareLex(theirs, best) < 0) best = theirs;
      }
      expect(compareLex(mine, best), `instance ${k}: ${JSON.stringify(p)} gave ${x}`).toBe(0);
      solved++;
    }
    expect(solved).toBeGreaterThanOrEqual(200);
    expect(infeasible).toBeGreaterThan(0);
  });

  it("needs its tie rule: among equal burdens after a unit, the entry that is heavier now gets it", () => {
    // J: 0 now, 1/1 = 1 after; I: 9/10 now, 10/10 = 1 after. A unit for J gives burdens (1, 0.9); for I (1, 0).
    const p = {names: ["J", "I"], denominators: [1, 10], total: 10, floors: [0, 9], ceilings: [20, 20]};
    expect(Array.from(lexMinMax(p))).toEqual([0, 10]);
  });

  it("is Jefferson / D'Hondt without bounds: 8 over 100, 50, 50", () => {
    expect(Array.from(lexMinMax({names: ["A", "B", "C"], denominators: [100, 50, 50], total: 8, floors: [0, 0, 0], ceilings: [Infinity, Infinity, Infinity]}))).toEqual([4, 2, 2]);
  });
});

describe("apportionment properties", () => {
  const rng = seedrandom.alea("fair-share-properties");
  it("house monotone: one more to divide never takes a placement from anyone", () => {
    for (let k = 0; k < 300; k++) {
      const p = randomProblem(rng);
      if (violations(p).length > 0 || violations({...p, total: p.total + 1}).length > 0) continue;
      const a = lexMinMax(p);
      const b = lexMinMax({...p, total: p.total + 1});
      a.forEach((v, m) => expect(b[m]).toBeGreaterThanOrEqual(v));
    }
  });

  it("no population paradox: a larger denominator for one never lowers its target nor raises another's", () => {
    for (let k = 0; k < 300; k++) {
      const p = randomProblem(rng);
      if (violations(p).length > 0) continue;
      const i = Math.floor(rng() * p.names.length);
      const grown = {...p, denominators: p.denominators.map((d, m) => (m === i ? d * 1.5 : d))};
      const a = lexMinMax(p);
      const b = lexMinMax(grown);
      expect(b[i]).toBeGreaterThanOrEqual(a[i]!);
      a.forEach((v, m) => {
        if (m !== i) expect(b[m]).toBeLessThanOrEqual(v);
      });
    }
  });

  it("lower quota without bounds: everyone gets at least the floor of their proportional share", () => {
    for (let k = 0; k < 300; k++) {
      const p = randomProblem(rng);
      const free = {...p, floors: p.floors.map(() => 0), ceilings: p.ceilings.map(() => Infinity)};
      const x = lexMinMax(free);
      const D = p.denominators.reduce((a, b) => a + b, 0);
      x.forEach((v, m) => expect(v).toBeGreaterThanOrEqual(Math.floor((p.total * p.denominators[m]!) / D + 1e-9)));
    }
  });
});
