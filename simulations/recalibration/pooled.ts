// Partial pooling of yearly counts across the municipalities: a hierarchical Gamma-Poisson model with a regional
// trend and a multiplicative overdispersion per municipality (quasi-Poisson). See README.md in this folder for the
// formulas; every prior's strength is stated there in pseudo-years.
//
//   count[m,t] has mean μ[m,t] = E[m,t] · ρ[m] · exp(τ · (t − t₀)) and variance φ[m] · μ[m,t]
//   ρ[m] ~ Gamma(a, b) shared by the municipalities (empirical Bayes: a, b from the eight together)
//   τ ~ Normal(0, σ²) (the regional trend, log growth per year);   φ[m] ≥ 1 shrunk toward the pooled φ
import type {GammaBelief} from "../model/calibration.ts";

/** One year of one municipality: the count and its exposure (homes in the stock, or the prognosed count). */
export interface Observation {
  readonly year: number;
  readonly count: number;
  readonly exposure: number;
}

export interface Unit {
  readonly code: string;
  /** The exposure of a year without an observation (a forecast year), by year; falls back to `exposure`. */
  readonly exposure: number | ((year: number) => number);
  readonly observations: readonly Observation[];
}

export interface PooledSettings {
  /** Fit a regional log-linear trend τ (vacancies: yes; inflow: no, the prognosis carries its own path). */
  readonly trend: boolean;
  /** Prior sd of τ (log growth per year); the trend prior is Normal(0, trendPriorSd²). */
  readonly trendPriorSd: number;
  /** Strength of the pooled dispersion in each municipality's φ, in pseudo-years (residual degrees of freedom). */
  readonly dispersionPriorYears: number;
  /** φ used when no municipality has two years (no residual to learn from). */
  readonly defaultDispersion: number;
  /** The smallest coefficient of variation of ρ between municipalities (caps the pooling strength). */
  readonly minHeterogeneityCv: number;
  /** Optional hyperprior of the regional level ρ̄: Gamma with this mean and coefficient of variation. */
  readonly regionalPrior?: {readonly mean: number; readonly cv: number};
}

/** Vacancies: a trend with prior sd 3% a year, the pooled dispersion worth 4 pseudo-years, ρ differing ≥ 2%. */
export const VACANCY_SETTINGS: PooledSettings = {trend: true, trendPriorSd: 0.03, dispersionPriorYears: 4, defaultDispersion: 1, minHeterogeneityCv: 0.02};

export interface UnitFit {
  readonly code: string;
  /** Posterior belief about ρ[m] (per unit of exposure). */
  readonly rho: GammaBelief;
  /** The shared prior's strength in this unit's posterior, in pseudo-years: b / (effective exposure per year). */
  readonly priorYears: number;
  /** Years observed. */
  readonly years: number;
  /** φ[m] used (≥ 1). */
  readonly dispersion: number;
  /** The unit's own dispersion index (Pearson X² / df), NaN without two years. */
  readonly ownDispersion: number;
}

export interface PooledFit {
  readonly settings: PooledSettings;
  readonly referenceYear: number;
  /** Posterior mean and sd of τ (0 and 0 without a trend). */
  readonly trend: {readonly mean: number; readonly sd: number};
  /** The shared prior of ρ: Gamma(a, b). */
  readonly shared: GammaBelief;
  /** Pooled dispersion index over all units. */
  readonly pooledDispersion: number;
  readonly units: readonly UnitFit[];
}

/**
 * Fits the hierarchical model to the units' observations.
 *
 * Steps (closed forms, a few fixed-point passes): τ by Newton on the profile quasi-likelihood with its Normal
 * prior; φ[m] = max(1, (ν₀·D + X²[m]) / (ν₀ + df[m])); effective counts Y[m] = Σ y/φ[m] and exposures
 * X[m] = Σ E·g(t)/φ[m]; the shared Gamma(a, b) by the method of moments between units (Marshall's estimator);
 * then per unit the conjugate update ρ[m] ~ Gamma(a + Y[m], b + X[m]).
 *
 * @example
 * const fit = fitPooled([{code: "A", exposure: 1000, observations: [{year: 2020, count: 50, exposure: 1000}]}, …], VACANCY_SETTINGS);
 */
export function fitPooled(units: readonly Unit[], settings: PooledSettings): PooledFit {
  if (units.length === 0) throw new Error("fitPooled: no units");
  for (const u of units) {
    for (const o of u.observations) {
      if (!Number.isSafeInteger(o.count) || o.count < 0) throw new Error(`fitPooled: a count must be a whole number ≥ 0, got ${o.count} (${u.code} ${o.year})`);
      if (!(o.exposure > 0) || !Number.isFinite(o.exposure)) throw new Error(`fitPooled: an exposure must be > 0, got ${o.exposure} (${u.code} ${o.year})`);
    }
  }
  const all = units.flatMap((u) => u.observations);
  const years = [...new Set(all.map((o) => o.year))].sort((a, b) => a - b);
  const referenceYear = years.length > 0 ? years.reduce((a, b) => a + b, 0) / years.length : 0;
  const trendOn = settings.trend && years.length >= 2;

  let tau = 0;
  let tauSd = 0;
  let phis = units.map(() => Math.max(1, settings.defaultDispersion));
  let pooled = settings.defaultDispersion;
  let own = units.map(() => NaN);
  // Two passes: τ given φ, then φ given τ; the second pass re-weights τ by the dispersions.
  for (let pass = 0; pass < 3; pass++) {
    if (trendOn) ({mean: tau, sd: tauSd} = fitTrend(units, phis, referenceYear, settings.trendPriorSd));
    ({phis, pooled, own} = fitDispersion(units, tau, referenceYear, settings));
  }

  const g = (year: number) => Math.exp(tau * (year - referenceYear));
  const effective = units.map((u, i) => {
    let y = 0;
    let x = 0;
    for (const o of u.observations) {
      y += o.count / phis[i]!;
      x += (o.exposure * g(o.year)) / phis[i]!;
    }
    return {y, x, n: u.observations.length};
  });
  const shared = sharedPrior(effective, settings);
  const unitFits = units.map((u, i): UnitFit => {
    const e = effective[i]!;
    return {
      code: u.code,
      rho: {shape: shared.shape + e.y, rate: shared.rate + e.x},
      priorYears: e.n > 0 ? shared.rate / (e.x / e.n) : Infinity,
      years: e.n,
      dispersion: phis[i]!,
      ownDispersion: own[i]!
    };
  });
  return {settings, referenceYear, trend: {mean: tau, sd: tauSd}, shared, pooledDispersion: pooled, units: unitFits};
}

/** τ: Newton steps on the profile quasi-log-likelihood (ρ[m] at its MLE given τ) plus the Normal(0, σ²) prior. */
function fitTrend(units: readonly Unit[], phis: readonly number[], t0: number, priorSd: number): {mean: number; sd: number} {
  let tau = 0;
  let info = 1 / (priorSd * priorSd);
  for (let iter = 0; iter < 50; iter++) {
    let score = -tau / (priorSd * priorSd);
    info = 1 / (priorSd * priorSd);
    units.forEach((u, i) => {
      if (u.observations.length === 0) return;
      let sy = 0;
      let se = 0;
      for (const o of u.observations) {
        sy += o.count;
        se += o.exposure * Math.exp(tau * (o.year - t0));
      }
      const rho = sy / se;
      let s1 = 0;
      let s2 = 0;
      let sm = 0;
      let sh = 0;
      for (const o of u.observations) {
        const h = o.year - t0;
        const mu = rho * o.exposure * Math.exp(tau * h);
        s1 += h * (o.count - mu);
        s2 += h * h * mu;
        sh += h * mu;
        sm += mu;
      }
      score += s1 / phis[i]!;
      info += (s2 - (sm > 0 ? (sh * sh) / sm : 0)) / phis[i]!;
    });
    const step = score / info;
    tau += Math.max(-0.5, Math.min(0.5, step));
    if (Math.abs(step) < 1e-12) break;
  }
  return {mean: tau, sd: 1 / Math.sqrt(info)};
}

/** φ[m] from Pearson residuals, shrunk toward the pooled index with `dispersionPriorYears` pseudo-years. */
function fitDispersion(units: readonly Unit[], tau: number, t0: number, settings: PooledSettings): {phis: number[]; pooled: number; own: number[]} {
  const stats = units.map((u) => {
    let sy = 0;
    let se = 0;
    for (const o of u.observations) {
      sy += o.count;
      se += o.exposure * Math.exp(tau * (o.year - t0));
    }
    const rho = se > 0 ? sy / se : 0;
    let x2 = 0;
    for (const o of u.observations) {
      const mu = rho * o.exposure * Math.exp(tau * (o.year - t0));
      if (mu > 0) x2 += ((o.count - mu) * (o.count - mu)) / mu;
    }
    return {x2, df: Math.max(0, u.observations.length - 1)};
  });
  const df = stats.reduce((a, s) => a + s.df, 0);
  const pooled = df > 0 ? stats.reduce((a, s) => a + s.x2, 0) / df : settings.defaultDispersion;
  const nu = settings.dispersionPriorYears;
  const phis = stats.map((s) => Math.max(1, (nu * pooled + s.x2) / (nu + s.df)));
  return {phis, pooled, own: stats.map((s) => (s.df > 0 ? s.x2 / s.df : NaN))};
}

/**
 * The shared Gamma(a, b) of ρ from the units' effective counts and exposures: mean = the regional level (with its
 * hyperprior when given), variance between units by the method of moments (Marshall 1991):
 * V = [Σ X (ρ̂ − ρ̄)² − (M − 1) ρ̄] / [ΣX − ΣX²/ΣX], at least (minHeterogeneityCv · ρ̄)².
 */
function sharedPrior(effective: readonly {y: number; x: number}[], settings: PooledSettings): GammaBelief {
  const withData = effective.filter((e) => e.x > 0);
  const sy = withData.reduce((a, e) => a + e.y, 0);
  const sx = withData.reduce((a, e) => a + e.x, 0);
  const hyper = settings.regionalPrior;
  let level: number;
  let levelVar = 0;
  if (hyper) {
    const h = 1 / (hyper.cv * hyper.cv); // Gamma(h, h/mean): mean `mean`, CV `cv`
    const shape = h + sy;
    const rate = h / hyper.mean + sx;
    level = shape / rate;
    levelVar = shape / (rate * rate);
  } else {
    if (!(sx > 0)) throw new Error("fitPooled: no observations and no regional prior: nothing to learn the level from");
    level = sy / sx;
  }
  let between = (settings.minHeterogeneityCv * level) ** 2;
  if (withData.length >= 2) {
    const sx2 = withData.reduce((a, e) => a + e.x * e.x, 0);
    const raw = level > 0 ? withData.reduce((a, e) => a + e.x * (e.y / e.x - sy / sx) ** 2, 0) : 0;
    const mom = (raw - (withData.length - 1) * (sy / sx)) / (sx - sx2 / sx);
    if (mom > between) between = mom;
  }
  // Without unit data the spread of a unit's ρ is the regional level's uncertainty plus the heterogeneity.
  const variance = between + levelVar;
  return {shape: (level * level) / variance, rate: level / variance};
}

/** Mean and variance of the count of one unit in one (future) year under the fit: the predictive moments. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Predictive mean and variance of unit `i`'s count in `year` with exposure `exposure`: ρ from its posterior, τ from
 * its Normal posterior (lognormal growth), and the year's own noise φ·μ.
 * Var = φ·μ + E²·(E[ρ²]·E[g²] − (E[ρ]·E[g])²).
 *
 * @example
 * predictiveMoments(fit, 0, 2026, 22598); // {mean: …, variance: …}
 */
export function predictiveMoments(fit: PooledFit, i: number, year: number, exposure: number): Moments {
  const u = fit.units[i]!;
  const h = year - fit.referenceYear;
  const {mean: tau, sd} = fit.trend;
  const eg = Math.exp(tau * h + (sd * sd * h * h) / 2);
  const eg2 = Math.exp(2 * tau * h + 2 * sd * sd * h * h);
  const er = u.rho.shape / u.rho.rate;
  const er2 = (u.rho.shape * (u.rho.shape + 1)) / (u.rho.rate * u.rho.rate);
  const mean = exposure * er * eg;
  const variance = u.dispersion * mean + exposure * exposure * (er2 * eg2 - er * er * eg * eg);
  return {mean, variance};
}

/**
 * The engine's Gamma belief (one rate per run, Poisson years) whose one-year predictive has these moments:
 * β = mean / (variance − mean), α = mean · β. The engine draws the rate once per run, so within a run the years
 * share it: cumulative sums are, if anything, wider than the model's.
 *
 * @example
 * beliefFromMoments({mean: 100, variance: 150}); // {shape: 200, rate: 2}
 */
export function beliefFromMoments(m: Moments): GammaBelief {
  if (!(m.mean > 0)) throw new Error(`a predictive mean must be > 0, got ${m.mean}`);
  // A variance at (or below) Poisson cannot be a Gamma mixture: keep a tiny extra spread.
  const extra = Math.max(m.variance - m.mean, m.mean * 1e-6);
  const rate = m.mean / extra;
  return {shape: m.mean * rate, rate};
}

/**
 * Moments of one year drawn at random from `years`: the average of each year's variance plus the variance of the
 * years' means (so a band over the forecast years covers the trend as well as the noise).
 *
 * @example
 * mixMoments([{mean: 90, variance: 100}, {mean: 110, variance: 120}]); // {mean: 100, variance: 210}
 */
export function mixMoments(ms: readonly Moments[]): Moments {
  if (ms.length === 0) throw new Error("mixMoments: no years");
  const mean = ms.reduce((a, m) => a + m.mean, 0) / ms.length;
  const variance = ms.reduce((a, m) => a + m.variance + (m.mean - mean) ** 2, 0) / ms.length;
  return {mean, variance};
}
