import {describe, expect, it} from "vitest";
import {mean, variance} from "simple-statistics";
import {ComponentStreams, stream, streamState} from "../../simulations/random/streams.ts";

const draw = (u: () => number, n: number) => Array.from({length: n}, () => u());

describe("random streams", () => {
  it("gives the same numbers for the same seed, component and run (and sub-stream)", () => {
    expect(draw(stream(7, "inflow", 12), 50)).toEqual(draw(stream(7, "inflow", 12), 50));
    expect(draw(stream(7, "inflow", 12, 3), 50)).toEqual(draw(stream(7, "inflow", 12, 3), 50));
    expect(draw(new ComponentStreams(7, "inflow").stream(12), 50)).toEqual(draw(stream(7, "inflow", 12), 50));
  });

  it("gives different numbers when any coordinate differs", () => {
    const base = draw(stream(7, "inflow", 12), 5);
    for (const other of [stream(8, "inflow", 12), stream(7, "vacancies", 12), stream(7, "inflow", 13), stream(7, "inflow", 12, 0)]) {
      expect(draw(other, 5)).not.toEqual(base);
    }
  });

  it("has distinct states for many runs and components (no hash collisions)", () => {
    const seen = new Set<string>();
    for (let run = 0; run < 40_000; run++) {
      for (const c of ["vacancies", "inflow", "return", "vacancyRate"] as const) {
        const s = streamState(1, c, run);
        seen.add(`${s.s0},${s.s1},${s.s2}`);
      }
    }
    expect(seen.size).toBe(160_000);
  });

  it("is uniform on [0, 1): mean 1/2, variance 1/12, and uncorrelated across runs' first draws", () => {
    const n = 100_000;
    const firsts = Array.from({length: n}, (_, run) => stream(3, "return", run)());
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...firsts)).toBeLessThan(1);
    // Within five standard errors of the uniform's moments.
    expect(Math.abs(mean(firsts) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance(firsts) - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it("rejects a seed that is not a non-negative integer", () => {
    expect(() => stream(-1, "inflow", 0)).toThrow(/seed/);
    expect(() => stream(1.5, "inflow", 0)).toThrow(/seed/);
  });
});
