import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {mean, quantileSorted} from "simple-statistics";
import {addRatiosStrided, addReal, addStrided, fraction, intHistogram, mergeInt, mergeRatio, ratioHistogram, realHistogram, stats} from "../../simulations/summary/histogram.ts";
import {toCsv} from "../../simulations/summary/csv.ts";

const P = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
function expectStats(got: ReturnType<typeof stats>, xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  expect([got.p5, got.p25, got.p50, got.p75, got.p95]).toEqual(P.map((p) => quantileSorted(sorted, p)));
  expect(got.mean).toBeCloseTo(mean(xs), 9);
}

describe("histograms", () => {
  it("reflect runs added after a statistic was read (the sorted counts are cached per number of runs)", () => {
    const h = ratioHistogram();
    addRatiosStrided(h, Int32Array.of(1, 2, 3), Int32Array.of(10, 10, 10), 0, 1, 3);
    expect(fraction(h, (v) => v > 0.15)).toBeCloseTo(2 / 3, 12);
    addRatiosStrided(h, Int32Array.of(0, 0, 9), Int32Array.of(10, 10, 10), 0, 1, 3);
    expect(fraction(h, (v) => v > 0.15)).toBeCloseTo(3 / 6, 12);
    const fresh = ratioHistogram();
    addRatiosStrided(fresh, Int32Array.of(1, 2, 3, 0, 0, 9), Int32Array.of(10, 10, 10, 10, 10, 10), 0, 1, 6);
    expect(stats(h)).toEqual(stats(fresh));
  });

  it("give the same quantiles as simple-statistics on the full sorted sample (R type 7)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -50, max: 3000}), {minLength: 1, maxLength: 300}), (xs) => {
        const h = intHistogram();
        addStrided(h, Int32Array.from(xs), 0, 1, xs.length);
        expectStats(stats(h), xs);
      }),
      {numRuns: 200}
    );
  });

  it("count ratios exactly, equal ratios from different pairs as one value", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({min: 0, max: 40}), fc.integer({min: 0, max: 200})), {minLength: 1, maxLength: 200}), (pairs) => {
        const h = ratioHistogram();
        addRatiosStrided(h, Int32Array.from(pairs.map(([p]) => p)), Int32Array.from(pairs.map(([, d]) => d)), 0, 1, pairs.length);
        expectStats(stats(h), pairs.map(([p, d]) => (d > 0 ? p / d : 0)));
      }),
      {numRuns: 200}
    );
  });

  it("merge exactly: any split of the sample gives the same statistics, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 500}), {minLength: 2, maxLength: 200}), fc.nat(), (xs, cut) => {
        const k = 1 + (cut % (xs.length - 1));
        const whole = intHistogram();
        addStrided(whole, Int32Array.from(xs), 0, 1, xs.length);
        const a = intHistogram();
        const b = intHistogram();
        addStrided(a, Int32Array.from(xs.slice(k)), 0, 1, xs.length - k);
        addStrided(b, Int32Array.from(xs.slice(0, k)), 0, 1, k);
        mergeInt(a, b);
        expect(stats(a)).toEqual(stats(whole));
        const r1 = ratioHistogram();
        const r2 = ratioHistogram();
        const rw = ratioHistogram();
        const den = Int32Array.from(xs, (x) => x + 7);
        addRatiosStrided(rw, Int32Array.from(xs), den, 0, 1, xs.length);
        addRatiosStrided(r1, Int32Array.from(xs).subarray(k), den.subarray(k), 0, 1, xs.length - k);
        addRatiosStrided(r2, Int32Array.from(xs).subarray(0, k), den.subarray(0, k), 0, 1, k);
        mergeRatio(r1, r2);
        expect(stats(r1)).toEqual(stats(rw));
      }),
      {numRuns: 200}
    );
  });

  it("read strided columns and shift them (gap = placed − target)", () => {
    const h = intHistogram();
    addStrided(h, Int32Array.of(10, 99, 12, 99, 14, 99), 0, 2, 3, 12);
    expect(stats(h)).toMatchObject({mean: 0, p50: 0, p5: -1.8});
  });

  it("give the fraction of a sample for which a test holds", () => {
    const h = realHistogram();
    [0.1, 0.2, 0.19, 0.3].forEach((v) => addReal(h, v));
    expect(fraction(h, (v) => v > 0.18)).toBe(0.75);
  });

  it("refuse to summarise nothing", () => {
    expect(() => stats(intHistogram())).toThrow(/empty/);
  });
});

describe("CSV", () => {
  it("writes a header and rows, quoting where needed", () => {
    expect(toCsv([{scenario: "a,b", year: 2025, mean: 0.1}, {scenario: 'say "x"', year: 2026, mean: 2}])).toBe(
      'scenario,year,mean\n"a,b",2025,0.1\n"say ""x""",2026,2\n'
    );
  });
  it("refuses numbers that are not finite", () => {
    expect(() => toCsv([{x: NaN}])).toThrow(/NaN/);
  });
});
