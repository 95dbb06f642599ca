import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {beliefFromMean, gammaMean, gammaVariance, predictiveTable, tableCdf, tableQuantile, updateGamma} from "../../simulations/recalibration/gamma-poisson.ts";
import {tableMean} from "../../simulations/distributions/table.ts";
import {quantile} from "simple-statistics";
import {syntheticCounts} from "./synthetic.ts";
import {gamma} from "../../simulations/distributions/gamma.ts";
import {stream} from "../../simulations/random/streams.ts";

const belief = fc.record({shape: fc.double({min: 0.1, max: 1e4, noNaN: true}), rate: fc.double({min: 0.05, max: 50, noNaN: true})});
const counts = fc.array(fc.nat(3000), {maxLength: 12});

describe("the conjugate update", () => {
  it("equals its closed form α₀ + Σy, β₀ + n", () => {
    fc.assert(fc.property(belief, counts, (prior, ys) => {
      const post = updateGamma(prior, ys);
      expect(post.shape).toBeCloseTo(prior.shape + ys.reduce((a, b) => a + b, 0), 9);
      expect(post.rate).toBeCloseTo(prior.rate + ys.length, 12);
    }));
  });

  it("gives the same posterior year by year as all years at once, in any order", () => {
    fc.assert(fc.property(belief, counts, (prior, ys) => {
      const stepwise = ys.reduce((b, y) => updateGamma(b, [y]), prior);
      const reversed = updateGamma(prior, [...ys].reverse());
      const batch = updateGamma(prior, ys);
      for (const b of [stepwise, reversed]) {
        expect(b.shape).toBeCloseTo(batch.shape, 6);
        expect(b.rate).toBeCloseTo(batch.rate, 9);
      }
    }));
  });

  it("moves the mean to the precision-weighted average of prior mean and realised mean", () => {
    const prior = beliefFromMean(100, 3); // worth three years at 100
    const post = updateGamma(prior, [130]);
    expect(gammaMean(post)).toBeCloseTo((3 * 100 + 130) / 4, 12);
    expect(gammaVariance(post)).toBeCloseTo(430 / 16, 12);
  });

  it("refuses counts that are not non-negative integers and beliefs that are not positive", () => {
    expect(() => updateGamma({shape: 1, rate: 1}, [-1])).toThrow(/non-negative integer/);
    expect(() => updateGamma({shape: 1, rate: 1}, [2.5])).toThrow(/non-negative integer/);
    expect(() => updateGamma({shape: 0, rate: 1}, [])).toThrow(/shape > 0/);
    expect(() => beliefFromMean(0, 1)).toThrow(/mean/);
  });
});

describe("recovering known rates from synthetic realised years (engine's Gamma, Poisson and streams)", () => {
  it("the posterior mean approaches the true rate even from a prior that is 30% off", () => {
    [6, 22, 135, 1300].forEach((truth, m) => {
      for (let seed = 1; seed <= 20; seed++) {
        const post = updateGamma(beliefFromMean(truth * 1.3, 1), syntheticCounts(truth, 60, seed, m));
        // Poisson noise of a 60-year mean (4 sd) plus the prior's pull, 30%/61.
        const tolerance = 4 * Math.sqrt(truth / 60) + (0.3 * truth) / 61;
        expect(Math.abs(gammaMean(post) - truth)).toBeLessThan(tolerance);
      }
    });
  });

  it("a rate drawn from the prior falls in the posterior's 90% interval about 90% of the time", () => {
    const prior = beliefFromMean(50, 0.5);
    let inside = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const truth = gamma(prior.shape, prior.rate, stream(t, "inflowRate", 0, 0));
      const post = updateGamma(prior, syntheticCounts(truth, 3, t, 1));
      const draws = stream(t, "vacancyRate", 1, 0);
      const sample = Array.from({length: 1000}, () => gamma(post.shape, post.rate, draws));
      if (truth >= quantile(sample, 0.05) && truth <= quantile(sample, 0.95)) inside++;
    }
    expect(inside / trials).toBeGreaterThan(0.86);
    expect(inside / trials).toBeLessThan(0.94);
  });
});

describe("the predictive distribution", () => {
  it("has mean α/β and variance α/β·(1 + 1/β) (negative binomial)", () => {
    for (const b of [{shape: 200, rate: 2}, {shape: 30, rate: 5}, {shape: 7915, rate: 6}]) {
      const t = predictiveTable(b);
      const m = tableMean(t);
      let v = 0;
      let prev = 0;
      t.cdf.forEach((c, i) => {
        v += (t.lo + i - m) ** 2 * (c - prev);
        prev = c;
      });
      expect(m).toBeCloseTo(b.shape / b.rate, 6);
      expect(v / ((b.shape / b.rate) * (1 + 1 / b.rate))).toBeCloseTo(1, 6);
    }
  });

  it("its quantile is the smallest count whose CDF reaches p", () => {
    fc.assert(fc.property(belief, fc.double({min: 0.001, max: 0.999, noNaN: true}), (b, p) => {
      const t = predictiveTable(b);
      const q = tableQuantile(t, p);
      expect(tableCdf(t, q)).toBeGreaterThanOrEqual(p - 1e-12);
      expect(tableCdf(t, q - 1)).toBeLessThan(p);
    }), {numRuns: 50});
  });

  it("matches the engine's sampled bands: exact quantiles vs simple-statistics quantiles of many draws", () => {
    const b = {shape: 310, rate: 6};
    const t = predictiveTable(b);
    const draws = syntheticCounts(310 / 6, 20000, 7, 0, 310); // Gamma(α, α/μ) rate per year = the predictive
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      expect(Math.abs(quantile(draws, p) - tableQuantile(t, p))).toBeLessThanOrEqual(1);
    }
  });
});
