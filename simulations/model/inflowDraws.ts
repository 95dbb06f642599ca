// Step 2 of a run: the urgent inflow by origin, split into returners (instroom = uitstroom: housed in their
// municipality of origin) and non-returners (the regional pool).
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {stream, type Uniform} from "../random/streams.ts";
import {sampleTable, type DiscreteTable} from "../distributions/table.ts";
import {poissonTable} from "../distributions/poisson.ts";
import {negativeBinomialTable, sizeFromOverdispersion} from "../distributions/negativeBinomial.ts";
import {binomialTables} from "../distributions/binomial.ts";
import {poissonSampler, samplePoisson} from "../distributions/poissonInverse.ts";
import {gamma} from "../distributions/gamma.ts";

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

/**
 * Inflow draws for one simulation.
 *
 * - Poisson inflow (`inflowDispersion` 0, and always with a calibration, which is Poisson given the run's rate):
 *   by Poisson thinning the returners of all groups together are Poisson(Σ_g mean_g·share_g) and the others,
 *   independently, Poisson(Σ_g mean_g·(1 − share_g)): the same distribution as a count per group followed by a
 *   binomial split, in two draws (two uniforms of the "inflow" stream) per origin and year.
 * - Overdispersed inflow: a negative binomial count per group ("inflow" stream), then Binomial(count, share_g)
 *   returners ("return" stream).
 * - Not stochastic: per group, the expected count rounded, and round(count × share) returners.
 *
 * @example
 * const draws = new InflowDraws(inputs, scenario, seed);
 * draws.startRun(0);
 * draws.draw(0, returners, newcomers); // year index 0
 */
export class InflowDraws {
  /** Expected returners (home) and non-returners (pool) per year and origin; rates with a calibration. */
  private readonly home: number[][];
  private readonly pool: number[][];
  private readonly homeTables: DiscreteTable[][];
  private readonly poolTables: DiscreteTable[][];
  private readonly groupTables: DiscreteTable[][][];
  private readonly returnTables: ((n: number) => DiscreteTable)[];
  private readonly shares: number[][][];
  private readonly poissonSplit: boolean;
  private readonly inflowStreams: Uniform[];
  private readonly returnStreams: Uniform[];
  private readonly rate: Float64Array;

  constructor(
    private readonly inputs: ModelInputs,
    private readonly scenario: Scenario,
    private readonly seed: number
  ) {
    const calibration = inputs.calibration;
    const G = inputs.groups.length;
    this.shares = groupShares(inputs);
    // With a calibration the means are fractions of the run's rate; without, the prognosis counts.
    const base = calibration ? this.shares : inputs.inflow;
    const fraction = (returning: boolean) =>
      inputs.years.map((_, t) =>
        inputs.municipalities.map((_, m) => {
          let f = 0;
          for (let g = 0; g < G; g++) {
            const share = inputs.groups[g]!.returnShare;
            f += base[t]![g]![m]! * (returning ? share : 1 - share);
          }
          return f;
        })
      );
    this.home = fraction(true);
    this.pool = fraction(false);
    this.poissonSplit = scenario.inflowDispersion === 0 || calibration !== null;
    this.homeTables = calibration || !this.poissonSplit ? [] : this.home.map((row) => row.map((mean) => poissonTable(mean)));
    this.poolTables = calibration || !this.poissonSplit ? [] : this.pool.map((row) => row.map((mean) => poissonTable(mean)));
    const size = sizeFromOverdispersion(scenario.inflowDispersion);
    this.groupTables = this.poissonSplit ? [] : inputs.inflow.map((byGroup) => byGroup.map((byOrigin) => byOrigin.map((mean) => negativeBinomialTable(mean, size))));
    this.returnTables = inputs.groups.map((g) => binomialTables(g.returnShare));
    const M = inputs.municipalities.length;
    this.inflowStreams = new Array(M);
    this.returnStreams = new Array(M);
    this.rate = new Float64Array(M);
  }

  /** Seeds the streams of a run (and, with a calibration, draws each origin's inflow rate for the run). */
  startRun(run: number): void {
    const calibration = this.inputs.calibration;
    for (let m = 0; m < this.rate.length; m++) {
      if (this.scenario.stochastic) {
        this.inflowStreams[m] = stream(this.seed, "inflow", run, m);
        if (!this.poissonSplit) this.returnStreams[m] = stream(this.seed, "return", run, m);
      }
      if (calibration) {
        const belief = calibration.inflow[m]!;
        this.rate[m] = this.scenario.stochastic ? gamma(belief.shape, belief.rate, stream(this.seed, "inflowRate", run, m)) : belief.shape / belief.rate;
      }
    }
  }

  /** Writes year t's returners and non-returners per origin. */
  draw(t: number, returners: Int32Array, newcomers: Int32Array): void {
    const calibration = this.inputs.calibration !== null;
    for (let m = 0; m < this.rate.length; m++) {
      let home = 0;
      let away = 0;
      if (!this.scenario.stochastic) {
        for (let g = 0; g < this.inputs.groups.length; g++) {
          const d = Math.round(calibration ? this.rate[m]! * this.shares[t]![g]![m]! : this.inputs.inflow[t]![g]![m]!);
          const r = Math.round(d * this.inputs.groups[g]!.returnShare);
          home += r;
          away += d - r;
        }
      } else if (calibration) {
        const u = this.inflowStreams[m]!;
        home = samplePoisson(poissonSampler(this.rate[m]! * this.home[t]![m]!), u());
        away = samplePoisson(poissonSampler(this.rate[m]! * this.pool[t]![m]!), u());
      } else if (this.poissonSplit) {
        const u = this.inflowStreams[m]!;
        home = sampleTable(this.homeTables[t]![m]!, u());
        away = sampleTable(this.poolTables[t]![m]!, u());
      } else {
        for (let g = 0; g < this.inputs.groups.length; g++) {
          const d = sampleTable(this.groupTables[t]![g]![m]!, this.inflowStreams[m]!());
          const r = sampleTable(this.returnTables[g]!(d), this.returnStreams[m]!());
          home += r;
          away += d - r;
        }
      }
      returners[m] = home;
      newcomers[m] = away;
    }
  }
}
