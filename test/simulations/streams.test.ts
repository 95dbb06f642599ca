import {describe, expect, it} from "vitest";
import {mean, variance} from "simple-statistics";
import {stream, streamState} from "../../simulations/random/streams.ts";

const draw = (u: () => number, n: number) => Array.from({length: n}, () => u());

describe("random streams", () => {
  it("gives the same numbers for the same seed, component, run and municipality", () => {
    expect(draw(stream(7, "inflow", 12, 3), 50)).toEqual(draw(stream(7, "inflow", 12, 3), 50));
  });

  it("gives different numbers when any coordinate differs", () => {
    const base = draw(stream(7, "inflow", 12, 3), 5);
    for (const other of [stream(8, "inflow", 12, 3), stream(7, "vacancies", 12, 3), stream(7, "inflow", 13, 3), stream(7, "inflow", 12, 4)]) {
      expect(draw(other, 5)).not.toEqual(base);
    }
  });

  it("has distinct states for many runs and municipalities (no hash collisions)", () => {
    const seen = new Set<string>();
    for (let run = 0; run < 20_000; run++) {
      for (let m = 0; m < 8; m++) {
        const s = streamState(1, "vacancies", run, m);
        seen.add(`${s.s0},${s.s1},${s.s2}`);
      }
    }
    expect(seen.size).toBe(160_000);
  });

  it("is uniform on [0, 1): mean 1/2, variance 1/12, and uncorrelated across runs' first draws", () => {
    const firsts = Array.from({length: 20_000}, (_, run) => stream(3, "return", run, 0)());
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...firsts)).toBeLessThan(1);
    expect(mean(firsts)).toBeCloseTo(0.5, 2);
    expect(variance(firsts)).toBeCloseTo(1 / 12, 2);
  });

  it("rejects a seed that is not a non-negative integer", () => {
    expect(() => stream(-1, "inflow", 0, 0)).toThrow(/seed/);
    expect(() => stream(1.5, "inflow", 0, 0)).toThrow(/seed/);
  });
});
