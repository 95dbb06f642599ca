import {describe, expect, it} from "vitest";
import {beliefFromMoments, fitPooled, mixMoments, predictiveMoments, VACANCY_SETTINGS, type PooledSettings, type Unit} from "../../simulations/recalibration/pooled.ts";
import {REGION, syntheticRegionSeries} from "./synthetic.ts";

const NO_TREND: PooledSettings = {...VACANCY_SETTINGS, trend: false};

/** Units whose counts are the same every year: no residual, so φ = 1 and the update is the plain conjugate one. */
function steadyUnits(): Unit[] {
  const data: [string, number, number, number][] = [["A", 1000, 55, 4], ["B", 400, 18, 3], ["C", 250, 16, 5], ["D", 2000, 96, 2]];
  return data.map(([code, exposure, count, years]) => ({
    code,
    exposure,
    observations: Array.from({length: years}, (_, i) => ({year: 2019 + i, count, exposure}))
  }));
}

describe("the pooled update equals its closed form", () => {
  const units = steadyUnits();
  const fit = fitPooled(units, NO_TREND);

  it("with φ = 1 and no trend, each posterior is Gamma(a + Σy, b + ΣE) around the shared Gamma(a, b)", () => {
    units.forEach((u, i) => {
      const sy = u.observations.reduce((s, o) => s + o.count, 0);
      const se = u.observations.reduce((s, o) => s + o.exposure, 0);
      expect(fit.units[i]!.dispersion).toBe(1);
      expect(fit.units[i]!.rho.shape).toBeCloseTo(fit.shared.shape + sy, 10);
      expect(fit.units[i]!.rho.rate).toBeCloseTo(fit.shared.rate + se, 10);
    });
  });

  it("the shared prior: mean = the regional rate Σy/ΣE; variance between units by the method of moments (Marshall)", () => {
    const y = units.map((u) => u.observations.reduce((s, o) => s + o.count, 0));
    const x = units.map((u) => u.observations.reduce((s, o) => s + o.exposure, 0));
    const sy = y.reduce((a, b) => a + b);
    const sx = x.reduce((a, b) => a + b);
    const level = sy / sx;
    const sx2 = x.reduce((a, b) => a + b * b, 0);
    const v = (x.reduce((a, xi, i) => a + xi * (y[i]! / xi - level) ** 2, 0) - 3 * level) / (sx - sx2 / sx);
    expect(fit.shared.shape / fit.shared.rate).toBeCloseTo(level, 12);
    expect(fit.shared.shape / fit.shared.rate ** 2).toBeCloseTo(Math.max(v, (0.02 * level) ** 2), 12);
  });

  it("the prior counts as `priorYears` pseudo-years: the posterior mean is the weighted average of shared and own rate", () => {
    units.forEach((u, i) => {
      const f = fit.units[i]!;
      const n = u.observations.length;
      const own = u.observations[0]!.count / u.observations[0]!.exposure;
      const shared = fit.shared.shape / fit.shared.rate;
      expect(f.priorYears).toBeCloseTo(fit.shared.rate / u.observations[0]!.exposure, 10);
      expect(f.rho.shape / f.rho.rate).toBeCloseTo((f.priorYears * shared + n * own) / (f.priorYears + n), 12);
    });
  });

  it("with overdispersion, counts and exposures are divided by φ (quasi-Poisson): Gamma(a + Σy/φ, b + ΣE/φ)", () => {
    const noisy: Unit[] = steadyUnits().map((u, k) => ({
      ...u,
      observations: u.observations.map((o, i) => ({...o, count: o.count + (i % 2 === 0 ? 1 : -1) * Math.round(o.count * 0.1 * (k + 1))}))
    }));
    const f = fitPooled(noisy, NO_TREND);
    expect(f.units.some((x) => x.dispersion > 1)).toBe(true);
    noisy.forEach((u, i) => {
      const phi = f.units[i]!.dispersion;
      const sy = u.observations.reduce((s, o) => s + o.count, 0);
      const se = u.observations.reduce((s, o) => s + o.exposure, 0);
      expect(f.units[i]!.rho.shape).toBeCloseTo(f.shared.shape + sy / phi, 10);
      expect(f.units[i]!.rho.rate).toBeCloseTo(f.shared.rate + se / phi, 10);
    });
  });

  it("φ of a municipality = max(1, (ν₀·D + X²) / (ν₀ + df)), the pooled index D worth ν₀ = 4 pseudo-years", () => {
    const noisy: Unit[] = steadyUnits().map((u, k) => ({
      ...u,
      observations: u.observations.map((o, i) => ({...o, count: o.count + (i % 2 === 0 ? 1 : -1) * Math.round(o.count * 0.1 * (k + 1))}))
    }));
    const f = fitPooled(noisy, NO_TREND);
    const stats = noisy.map((u) => {
      const rho = u.observations.reduce((s, o) => s + o.count, 0) / u.observations.reduce((s, o) => s + o.exposure, 0);
      const x2 = u.observations.reduce((s, o) => s + (o.count - rho * o.exposure) ** 2 / (rho * o.exposure), 0);
      return {x2, df: u.observations.length - 1};
    });
    const pooled = stats.reduce((a, s) => a + s.x2, 0) / stats.reduce((a, s) => a + s.df, 0);
    expect(f.pooledDispersion).toBeCloseTo(pooled, 10);
    stats.forEach((s, i) => expect(f.units[i]!.dispersion).toBeCloseTo(Math.max(1, (4 * pooled + s.x2) / (4 + s.df)), 10));
  });

  it("with a regional hyperprior and no data: the shared mean is the hyperprior's, its CV combines level and heterogeneity", () => {
    const settings: PooledSettings = {...NO_TREND, minHeterogeneityCv: 0.1, regionalPrior: {mean: 1, cv: 0.2}};
    const f = fitPooled([{code: "A", exposure: 100, observations: []}, {code: "B", exposure: 50, observations: []}], settings);
    const mean = f.shared.shape / f.shared.rate;
    expect(mean).toBeCloseTo(1, 12);
    expect(f.shared.shape / f.shared.rate ** 2).toBeCloseTo(0.2 ** 2 + 0.1 ** 2, 12);
    expect(f.units[0]!.rho).toEqual(f.shared);
  });

  it("a regional hyperprior of CV c weighs 1/c² pseudo-units of exposure in the regional level", () => {
    const settings: PooledSettings = {...NO_TREND, regionalPrior: {mean: 1, cv: 0.1}};
    // 100 pseudo-units at ratio 1 against 300 observed at ratio 1.2: level (100·1 + 360) / 400 = 1.15.
    const f = fitPooled([{code: "A", exposure: 300, observations: [{year: 2025, count: 360, exposure: 300}]}], settings);
    expect(f.shared.shape / f.shared.rate).toBeCloseTo(1.15, 12);
  });
});

describe("the predictive and the engine's belief", () => {
  it("one-year moments: mean E·E[ρ]·E[g]; variance φ·mean + E²·Var(ρ·g)", () => {
    const fit = fitPooled(steadyUnits(), NO_TREND);
    const u = fit.units[0]!;
    const m = predictiveMoments(fit, 0, 2030, 1000);
    const er = u.rho.shape / u.rho.rate;
    expect(m.mean).toBeCloseTo(1000 * er, 10);
    expect(m.variance).toBeCloseTo(u.dispersion * m.mean + 1000 ** 2 * (u.rho.shape / u.rho.rate ** 2), 8);
  });

  it("the engine's Gamma belief has the predictive's mean and variance: α/β and α/β·(1 + 1/β)", () => {
    const b = beliefFromMoments({mean: 100, variance: 150});
    expect(b).toEqual({shape: 200, rate: 2});
    expect((b.shape / b.rate) * (1 + 1 / b.rate)).toBeCloseTo(150, 12);
  });

  it("a random year of the forecast period: mean of means, mean variance plus the spread of the means", () => {
    expect(mixMoments([{mean: 90, variance: 100}, {mean: 110, variance: 120}])).toEqual({mean: 100, variance: 210});
  });
});

describe("recovering known parameters from synthetic series (overdispersion and a trend)", () => {
  // Stated tolerances, over 20 seeds of 30 years each: trend within 0.004 a year (mean absolute error), every
  // turnover within 4% of its true value, the overdispersion of the φ = 3 and φ = 2.5 municipalities within 40%.
  const years = Array.from({length: 30}, (_, i) => 2000 + i);
  const region = {...REGION, referenceYear: 2014.5};
  const fits = Array.from({length: 20}, (_, s) => {
    const series = syntheticRegionSeries(region, years, s + 1);
    const units: Unit[] = region.codes.map((code, m) => ({
      code,
      exposure: region.stocks[m]!,
      observations: series.filter((r) => r.municipality === code).map((r) => ({year: r.year, count: r.vacancies, exposure: region.stocks[m]!}))
    }));
    return fitPooled(units, VACANCY_SETTINGS);
  });

  it("recovers the regional trend", () => {
    const error = fits.reduce((a, f) => a + Math.abs(f.trend.mean - region.trend), 0) / fits.length;
    expect(error).toBeLessThan(0.004);
  });

  it("recovers every municipality's turnover on the stock", () => {
    region.codes.forEach((_, m) => {
      const mean = fits.reduce((a, f) => a + f.units[m]!.rho.shape / f.units[m]!.rho.rate, 0) / fits.length;
      expect(Math.abs(mean / region.turnover[m]! - 1)).toBeLessThan(0.04);
    });
  });

  it("recovers the overdispersion where it is large, and keeps φ at 1 where the years are Poisson", () => {
    for (const m of [0, 5]) {
      const mean = fits.reduce((a, f) => a + f.units[m]!.dispersion, 0) / fits.length;
      expect(Math.abs(mean / region.phis[m]! - 1)).toBeLessThan(0.4);
    }
    const poisson = fits.reduce((a, f) => a + f.units[3]!.dispersion, 0) / fits.length;
    expect(poisson).toBeLessThan(1.6);
  });
});

describe("the trend's prior", () => {
  it("without information about a trend, τ's posterior is its prior Normal(0, 0.03²): the stated strength", () => {
    const zeros: Unit[] = ["A", "B"].map((code) => ({code, exposure: 100, observations: [2019, 2020, 2021].map((year) => ({year, count: 0, exposure: 100}))}));
    const fit = fitPooled([...zeros, {code: "C", exposure: 100, observations: [{year: 2020, count: 5, exposure: 100}]}], VACANCY_SETTINGS);
    expect(fit.trend.mean).toBe(0);
    expect(fit.trend.sd).toBeCloseTo(0.03, 12);
  });

  it("with much data the trend is the data's: the prior's pull is below 0.001 a year", () => {
    const units: Unit[] = [{code: "A", exposure: 1e6, observations: [2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({year, count: Math.round(5e4 * Math.exp(-0.02 * (year - 2015))), exposure: 1e6}))}];
    expect(Math.abs(fitPooled(units, VACANCY_SETTINGS).trend.mean + 0.02)).toBeLessThan(0.001);
  });
});
