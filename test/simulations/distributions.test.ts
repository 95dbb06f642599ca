import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {mean, sampleVariance} from "simple-statistics";
import {stream} from "../../simulations/random/streams.ts";
import {makeTable, sampleTable, tableMean, TableSet, type DiscreteTable} from "../../simulations/distributions/table.ts";
import {poissonSpec, poissonTable} from "../../simulations/distributions/poisson.ts";
import {negativeBinomialSpec, negativeBinomialTable, sizeFromOverdispersion} from "../../simulations/distributions/negativeBinomial.ts";
import {binomialTable, binomialTables} from "../../simulations/distributions/binomial.ts";
import {gamma} from "../../simulations/distributions/gamma.ts";
import {poissonSampler, samplePoisson} from "../../simulations/distributions/poissonInverse.ts";

function sample(table: DiscreteTable, n: number, seed = 1): number[] {
  const u = stream(seed, "inflow", 0, 0);
  return Array.from({length: n}, () => sampleTable(table, u()));
}

// Standard error of the sample mean is sqrt(var/n); 5 standard errors is a test that fails on a wrong mean but
// not on chance (the seed is fixed, so it cannot flicker either).
function expectMoments(xs: number[], m: number, v: number) {
  const n = xs.length;
  expect(Math.abs(mean(xs) - m)).toBeLessThan(5 * Math.sqrt(v / n) + 1e-12);
  expect(Math.abs(sampleVariance(xs) / v - 1)).toBeLessThan(0.05);
}

describe("table sampling (inversion)", () => {
  it("returns the smallest k with CDF(k) > u", () => {
    const t = makeTable(3, Float64Array.of(0.2, 0.5, 1));
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.999].map((u) => sampleTable(t, u))).toEqual([3, 3, 4, 4, 5, 5]);
  });

  it("agrees with a linear search for any u", () => {
    const t = poissonTable(37.3);
    fc.assert(
      fc.property(fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}), (u) => {
        let i = 0;
        while (t.cdf[i]! <= u) i++;
        expect(sampleTable(t, u)).toBe(t.lo + i);
      }),
      {numRuns: 300}
    );
  });

  it("is monotone in the mean for a fixed uniform (common random numbers couple tightly)", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 500, noNaN: true}), fc.double({min: 0, max: 50, noNaN: true}), fc.double({min: 0, max: 0.999999, noNaN: true}), (m, d, u) => {
        expect(sampleTable(poissonTable(m + d), u)).toBeGreaterThanOrEqual(sampleTable(poissonTable(m), u));
        expect(sampleTable(negativeBinomialTable(m + d, 20), u)).toBeGreaterThanOrEqual(sampleTable(negativeBinomialTable(m, 20), u));
      }),
      {numRuns: 200}
    );
  });
});

describe("Poisson", () => {
  it.each([0.5, 4, 30, 1300])("has mean and variance %d under a fixed seed", (m) => {
    expectMoments(sample(poissonTable(m), 40_000), m, m);
    expect(tableMean(poissonTable(m))).toBeCloseTo(m, 9);
  });
  it("is 0 for mean 0 and rejects a negative mean", () => {
    expect(sample(poissonTable(0), 10)).toEqual(Array(10).fill(0));
    expect(() => poissonTable(-1)).toThrow(/mean/);
  });
});

describe("negative binomial", () => {
  it.each([
    [10, 5],
    [2, 0.5],
    [1300, 600]
  ])("mean %d, size %d has variance mean + mean²/size", (m, r) => {
    expectMoments(sample(negativeBinomialTable(m, r), 40_000, 2), m, m + (m * m) / r);
  });
  it("is the Poisson at size Infinity (overdispersion 0)", () => {
    expect(sizeFromOverdispersion(0)).toBe(Infinity);
    expect(sizeFromOverdispersion(0.25)).toBe(4);
    expect(negativeBinomialTable(7, Infinity)).toEqual(poissonTable(7));
  });
});

describe("binomial", () => {
  it.each([
    [10, 0.8],
    [57, 0.15],
    [200, 0.5]
  ])("Binomial(%d, %d) has mean np and variance np(1-p)", (n, p) => {
    expectMoments(sample(binomialTable(n, p), 40_000, 3), n * p, n * p * (1 - p));
  });
  it("stays within 0..n and handles p = 0 and p = 1", () => {
    const t = binomialTable(5, 0.99);
    expect(t.lo).toBeGreaterThanOrEqual(0);
    expect(t.lo + t.cdf.length - 1).toBeLessThanOrEqual(5);
    expect(sampleTable(binomialTable(9, 1), 0.3)).toBe(9);
    expect(sampleTable(binomialTable(9, 0), 0.3)).toBe(0);
  });
  it("caches one table per n", () => {
    const tables = binomialTables(0.3);
    expect(tables(12)).toBe(tables(12));
  });
});

describe("Gamma", () => {
  it.each([
    [50, 0.04],
    [3, 2],
    [0.5, 1]
  ])("Gamma(shape %d, rate %d) has mean shape/rate and variance shape/rate²", (shape, rate) => {
    const u = stream(4, "vacancyRate", 0, 0);
    const xs = Array.from({length: 40_000}, () => gamma(shape, rate, u));
    expectMoments(xs, shape / rate, shape / (rate * rate));
  });
  it("rejects bad parameters", () => {
    expect(() => gamma(0, 1, Math.random)).toThrow(/shape/);
  });
});

describe("Poisson by inversion from the mode (changing means)", () => {
  it("agrees with the tabulated inversion, except within rounding of a CDF step", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 3000, noNaN: true}), fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}), (m, u) => {
        const t = poissonTable(m);
        const k = sampleTable(t, u);
        const near = (i: number) => i >= 0 && i < t.cdf.length && Math.abs(t.cdf[i]! - u) < 1e-12;
        if (!near(k - t.lo) && !near(k - t.lo - 1)) expect(samplePoisson(poissonSampler(m), u)).toBe(k);
      }),
      {numRuns: 300}
    );
  });

  it.each([0.3, 7, 120, 1300])("has mean and variance %d", (m) => {
    const s = poissonSampler(m);
    const u = stream(5, "inflow", 0, 0);
    expectMoments(Array.from({length: 40_000}, () => samplePoisson(s, u())), m, m);
  });

  // Away from the extreme tails, where the CDF is within rounding (1e-16) of 0 or 1 and no inversion can rank.
  it("is monotone in the mean for a fixed uniform", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 2000, noNaN: true}), fc.double({min: 0, max: 30, noNaN: true}), fc.double({min: 1e-9, max: 1 - 1e-9, noNaN: true}), (m, d, u) => {
        expect(samplePoisson(poissonSampler(m + d), u)).toBeGreaterThanOrEqual(samplePoisson(poissonSampler(m), u));
      }),
      {numRuns: 200}
    );
  });
});

describe("TableSet.of (many tables at once, as the engine builds them)", () => {
  it("holds exactly the tables that poissonTable and negativeBinomialTable make one by one, and samples as they do", () => {
    const means = [0, 0.2, 1, 3.7, 12, 45.5, 380];
    const specs = means.flatMap((m) => [poissonSpec(m), negativeBinomialSpec(m, 2), negativeBinomialSpec(m, 0.5)]);
    const tables = means.flatMap((m) => [poissonTable(m), negativeBinomialTable(m, 2), negativeBinomialTable(m, 0.5)]);
    const set = TableSet.of(specs);
    const one = new TableSet(tables);
    for (const key of ["cdf", "guide", "start", "size", "lo"] as const) expect(Array.from(set[key])).toEqual(Array.from(one[key]));
    const u = stream(3, "inflow", 0);
    for (let i = 0; i < 2000; i++) {
      const k = i % tables.length;
      const x = u();
      expect(set.sample(k, x)).toBe(sampleTable(tables[k]!, x));
    }
  });

  it("grows past its first buffer (tables with thousands of values)", () => {
    const means = Array.from({length: 8}, (_, i) => 4000 + 1000 * i);
    const set = TableSet.of(means.map(poissonSpec));
    expect(set.cdf.length).toBeGreaterThan(4096);
    means.forEach((m, k) => expect(set.sample(k, 0.999)).toBe(sampleTable(poissonTable(m), 0.999)));
  });
});
