// Step 2 of a run: the urgent inflow by origin, split into returners (instroom = uitstroom: housed in their
// municipality of origin) and the regional pool, which has two parts: those who may be housed anywhere, and those
// who may not be housed in their municipality of origin (victims of domestic violence, by default).
import {probit} from "simple-statistics";
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {ComponentStreams, type Uniform} from "../random/streams.ts";
import {sampleTable, TableSet, type DiscreteTable} from "../distributions/table.ts";
import {poissonSpec} from "../distributions/poisson.ts";
import {negativeBinomialSpec, sizeFromOverdispersion} from "../distributions/negativeBinomial.ts";
import {binomialTables} from "../distributions/binomial.ts";
import {poissonSampler, samplePoisson} from "../distributions/poissonInverse.ts";
import {gamma} from "../distributions/gamma.ts";
import {RecentlyUsed} from "./recentlyUsed.ts";

/** Number of equally likely levels the prognosis range is drawn from (their quantiles' midpoints). */
export const LEVELS = 40;
const Z90 = 1.2815515655446004; // the standard normal's P90

/**
 * The inflow level of the k-th of LEVELS equally likely levels in year t: the central prognosis times a factor
 * whose P10 is low ÷ central and whose P90 is high ÷ central (log-normal on each side of the median, so the
 * skewed band −20%/+25% is kept). 1 without a range.
 *
 * @example
 * levelFactor({low: [0.8], high: [1.25]}, 0, 39); // ≈ 1.43: the top level
 */
export function levelFactor(range: ModelInputs["inflowRange"], t: number, k: number): number {
  if (range === null) return 1;
  const z = probit((k + 0.5) / LEVELS);
  const side = z >= 0 ? range.high[t]! : range.low[t]!;
  return side > 0 ? Math.pow(side, Math.abs(z) / Z90) : 0;
}

/**
 * The prognosis's split of each origin's inflow over the groups, per year: share[t][g][m] (equal shares when an
 * origin has no inflow in a year). With a calibration this splits the origin's drawn rate over the groups.
 *
 * @example
 * groupShares(inputs)[0][0][0]; // the first group's share of Amersfoort's inflow in the first year
 */
export function groupShares(inputs: ModelInputs): number[][][] {
  const G = inputs.groups.length;
  return inputs.inflow.map((byGroup) =>
    byGroup.map((byOrigin, g) =>
      byOrigin.map((_, m) => {
        let total = 0;
        for (let h = 0; h < G; h++) total += byGroup[h]![m]!;
        return total > 0 ? byGroup[g]![m]! / total : 1 / G;
      })
    )
  );
}

// Expected returners, pool members who may be housed anywhere, and those who may not be housed at home, per year
// and origin, from per-group means: index (t * M + m) * 3 + part.
function parts(inputs: ModelInputs, base: readonly (readonly (readonly number[])[])[], factor: (t: number) => number): Float64Array {
  const M = inputs.municipalities.length;
  const out = new Float64Array(inputs.years.length * M * 3);
  inputs.years.forEach((_, t) => {
    const f = factor(t);
    for (let m = 0; m < M; m++) {
      inputs.groups.forEach((g, i) => {
        const mean = base[t]![i]![m]! * f;
        const k = (t * M + m) * 3;
        out[k]! += mean * g.returnShare;
        out[k + (g.notHome ? 2 : 1)]! += mean * (1 - g.returnShare);
      });
    }
  });
  return out;
}

// Tables are derived from the inputs' inflow alone (means, groups, range), so they are kept by that content: a
// page or a worker runs many chunks on one inputs object, and inputs that differ only elsewhere (the tornado's
// vacancy assumptions) share them. The tables of the 8 most recently used contents are kept.
const kept = new RecentlyUsed<Map<string, TableSet>>(8);
const contentKeys = new WeakMap<ModelInputs, string>();
function cached(inputs: ModelInputs, key: string, build: () => TableSet): TableSet {
  let content = contentKeys.get(inputs);
  if (content === undefined) {
    content = JSON.stringify([inputs.municipalities.length, inputs.years, inputs.groups.map((g) => [g.returnShare, g.notHome]), inputs.inflow, inputs.inflowRange]);
    contentKeys.set(inputs, content);
  }
  const byKey = kept.get(content, () => new Map());
  let set = byKey.get(key);
  if (!set) byKey.set(key, (set = build()));
  return set;
}

/**
 * Inflow draws for one simulation. One "inflow" stream per run, read in a fixed order that depends on the data
 * only: first the run's prognosis level (one uniform, always drawn, used with prognosis "range"), then per year and
 * origin one uniform per count.
 *
 * - Poisson inflow (`inflowDispersion` 0, and always with a calibration, which is Poisson given the run's rate):
 *   by Poisson thinning the returners, the pool members who may be housed anywhere and those who may not be
 *   housed at home are independent Poisson counts: three uniforms per origin and year.
 * - Overdispersed inflow: a negative binomial count per group (one uniform each), then Binomial(count, share)
 *   returners (one uniform each of the "return" stream).
 * - Not stochastic: per group, the expected count rounded, and round(count × share) returners.
 *
 * @example
 * const draws = new InflowDraws(inputs, scenario, seed);
 * draws.startRun(0);
 * draws.draw(0, returners, poolAny, poolNotHome); // year index 0
 */
export class InflowDraws {
  private readonly M: number;
  private readonly G: number;
  private readonly shares: number[][][];
  private readonly poissonSplit: boolean;
  private readonly range: boolean;
  private readonly returnTables: ((n: number) => DiscreteTable)[];
  private readonly rate: Float64Array;
  private readonly inflowSeeds: ComponentStreams | null;
  private readonly returnSeeds: ComponentStreams | null;
  private readonly rateSeeds: ComponentStreams | null;
  private readonly calibratedParts: Float64Array | null;
  private readonly levelTables: (TableSet | null)[];
  private tables: TableSet | null = null;
  private inflowStream: Uniform | null = null;
  /** The run's uniforms of the Poisson path, drawn at once in their fixed order (year, origin, part). */
  private readonly uniforms: Float64Array;
  private returnStream: Uniform | null = null;
  // Read per draw, so copied out of the scenario: the hot methods never touch the scenario object, whose shape
  // differs between a parsed file and one a page composes (a new shape would throw away their optimised code).
  private readonly stochastic: boolean;
  /** Stochastic Poisson inflow without a calibration: the usual case, drawn from the uniforms of `startRun`. */
  private readonly tabled: boolean;

  constructor(
    private readonly inputs: ModelInputs,
    private readonly scenario: Scenario,
    seed: number
  ) {
    const calibration = inputs.calibration;
    this.M = inputs.municipalities.length;
    this.G = inputs.groups.length;
    this.shares = groupShares(inputs);
    this.poissonSplit = scenario.inflowDispersion === 0 || calibration !== null;
    this.range = inputs.inflowRange !== null && calibration === null;
    this.stochastic = scenario.stochastic;
    this.tabled = scenario.stochastic && this.poissonSplit && calibration === null;
    this.returnTables = inputs.groups.map((g) => binomialTables(g.returnShare));
    this.rate = new Float64Array(this.M);
    this.calibratedParts = calibration ? parts(inputs, this.shares, () => 1) : null;
    // Filled with null, not holes: an array of holes changes its elements kind when the first table is stored, and
    // code optimised for the filled array would be thrown away at the start of every simulation.
    this.levelTables = Array.from({length: this.range ? LEVELS : 1}, () => null);
    this.uniforms = new Float64Array(inputs.years.length * this.M * 3);
    this.inflowSeeds = scenario.stochastic ? new ComponentStreams(seed, "inflow") : null;
    this.returnSeeds = scenario.stochastic && !this.poissonSplit ? new ComponentStreams(seed, "return") : null;
    this.rateSeeds = scenario.stochastic && calibration ? new ComponentStreams(seed, "inflowRate") : null;
  }

  // The tables of level k: Poisson per part (t, m, part), or negative binomial per (t, g, m).
  private levelSet(k: number): TableSet {
    const set = this.levelTables[k];
    if (set) return set;
    const inputs = this.inputs;
    const factor = (t: number) => (this.range ? levelFactor(inputs.inflowRange, t, k) : 1);
    const built = this.poissonSplit
      ? cached(inputs, `poisson|${this.range ? k : "fixed"}`, () => TableSet.of(Array.from(parts(inputs, inputs.inflow, factor), (mean) => poissonSpec(mean))))
      : cached(inputs, `nb|${this.scenario.inflowDispersion}|${this.range ? k : "fixed"}`, () => {
          const size = sizeFromOverdispersion(this.scenario.inflowDispersion);
          return TableSet.of(inputs.inflow.flatMap((byGroup, t) => byGroup.flatMap((byOrigin) => byOrigin.map((mean) => negativeBinomialSpec(mean * factor(t), size)))));
        });
    this.levelTables[k] = built;
    return built;
  }

  /**
   * The prognosis level run `run` will draw (its stream's first uniform), 0 without a range: the engine runs a
   * chunk's runs level by level, so that one level's tables stay in the cache (each run's numbers are its own).
   *
   * @example
   * draws.level(0); // 0 … LEVELS - 1
   */
  level(run: number): number {
    if (this.inflowSeeds === null || !this.range || this.inputs.calibration !== null) return 0;
    return Math.min(LEVELS - 1, Math.floor(this.inflowSeeds.stream(run)() * LEVELS));
  }

  /** Number of levels `level` returns (1 without a range). */
  get levels(): number {
    return this.range ? LEVELS : 1;
  }

  /** Seeds the streams of a run: draws its prognosis level and, with a calibration, each origin's inflow rate. */
  startRun(run: number): void {
    const seeds = this.inflowSeeds;
    if (seeds === null) return;
    const u = (this.inflowStream = seeds.stream(run));
    const level = u();
    if (this.returnSeeds !== null) this.returnStream = this.returnSeeds.stream(run);
    const calibration = this.inputs.calibration;
    if (calibration) {
      const rates = this.rateSeeds!.stream(run);
      for (let m = 0; m < this.M; m++) {
        const belief = calibration.inflow[m]!;
        this.rate[m] = gamma(belief.shape, belief.rate, rates);
      }
    } else {
      this.tables = this.levelSet(this.range ? Math.min(LEVELS - 1, Math.floor(level * LEVELS)) : 0);
      if (this.poissonSplit) {
        const buffer = this.uniforms;
        for (let i = 0; i < buffer.length; i++) buffer[i] = u();
      }
    }
  }

  /** Writes year t's returners and pool members (anywhere / not at home) per origin. */
  draw(t: number, returners: Int32Array, poolAny: Int32Array, poolNotHome: Int32Array): void {
    const M = this.M;
    const u = this.inflowStream;
    if (this.tabled) {
      // The usual case, on its own: three table draws per origin (TableSet.sample, inlined by hand).
      const {cdf, guide, start, size, lo} = this.tables!;
      const uniforms = this.uniforms;
      for (let m = 0, k = t * M * 3; m < M; m++) {
        for (let part = 0; part < 3; part++, k++) {
          const x = uniforms[k]!;
          const s0 = start[k]!;
          let i = s0 + guide[s0 + ((x * size[k]!) | 0)]!;
          while (cdf[i]! <= x) i++;
          const value = lo[k]! + i - s0;
          if (part === 0) returners[m] = value;
          else if (part === 1) poolAny[m] = value;
          else poolNotHome[m] = value;
        }
      }
      return;
    }
    const inputs = this.inputs;
    for (let m = 0; m < M; m++) {
      let home = 0;
      let any = 0;
      let notHome = 0;
      if (!this.stochastic) {
        const calibration = inputs.calibration !== null;
        for (let g = 0; g < this.G; g++) {
          const expected = calibration ? (inputs.calibration!.inflow[m]!.shape / inputs.calibration!.inflow[m]!.rate) * this.shares[t]![g]![m]! : inputs.inflow[t]![g]![m]!;
          const d = Math.round(expected);
          const r = Math.round(d * inputs.groups[g]!.returnShare);
          home += r;
          if (inputs.groups[g]!.notHome) notHome += d - r;
          else any += d - r;
        }
      } else if (inputs.calibration) {
        const p = this.calibratedParts!;
        const k = (t * M + m) * 3;
        const rate = this.rate[m]!;
        home = samplePoisson(poissonSampler(rate * p[k]!), u!());
        any = samplePoisson(poissonSampler(rate * p[k + 1]!), u!());
        notHome = samplePoisson(poissonSampler(rate * p[k + 2]!), u!());
      } else {
        // Overdispersed inflow: per group, then the binomial split.
        const tables = this.tables!;
        for (let g = 0; g < this.G; g++) {
          const d = tables.sample((t * this.G + g) * M + m, u!());
          const r = sampleTable(this.returnTables[g]!(d), this.returnStream!());
          home += r;
          if (inputs.groups[g]!.notHome) notHome += d - r;
          else any += d - r;
        }
      }
      returners[m] = home;
      poolAny[m] = any;
      poolNotHome[m] = notHome;
    }
  }
}
