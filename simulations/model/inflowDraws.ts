// Step 2 of a run: the urgent inflow by origin, split into returners (instroom = uitstroom: housed in their
// municipality of origin) and non-returners (the regional pool).
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {ComponentStreams, type Uniform} from "../random/streams.ts";
import {sampleTable, TableSet, type DiscreteTable} from "../distributions/table.ts";
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
  /** Poisson tables of the returners and non-returners, index t * M + m. */
  private readonly homeTables: TableSet;
  private readonly poolTables: TableSet;
  private readonly groupTables: DiscreteTable[][][];
  private readonly returnTables: ((n: number) => DiscreteTable)[];
  private readonly shares: number[][][];
  private readonly poissonSplit: boolean;
  private readonly inflowStreams: Uniform[];
  private readonly returnStreams: Uniform[];
  private readonly rate: Float64Array;
  private readonly inflowSeeds: ComponentStreams | null;
  private readonly returnSeeds: ComponentStreams | null;
  private readonly rateSeeds: ComponentStreams | null;

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
    this.homeTables = new TableSet(calibration || !this.poissonSplit ? [] : this.home.flatMap((row) => row.map((mean) => poissonTable(mean))));
    this.poolTables = new TableSet(calibration || !this.poissonSplit ? [] : this.pool.flatMap((row) => row.map((mean) => poissonTable(mean))));
    const size = sizeFromOverdispersion(scenario.inflowDispersion);
    this.groupTables = this.poissonSplit ? [] : inputs.inflow.map((byGroup) => byGroup.map((byOrigin) => byOrigin.map((mean) => negativeBinomialTable(mean, size))));
    this.returnTables = inputs.groups.map((g) => binomialTables(g.returnShare));
    const M = inputs.municipalities.length;
    this.inflowStreams = new Array(M);
    this.returnStreams = new Array(M);
    this.rate = new Float64Array(M);
    this.inflowSeeds = scenario.stochastic ? new ComponentStreams(seed, "inflow") : null;
    this.returnSeeds = scenario.stochastic && !this.poissonSplit ? new ComponentStreams(seed, "return") : null;
    this.rateSeeds = scenario.stochastic && calibration ? new ComponentStreams(seed, "inflowRate") : null;
  }

  /** Seeds the streams of a run (and, with a calibration, draws each origin's inflow rate for the run). */
  startRun(run: number): void {
    const calibration = this.inputs.calibration;
    const M = this.rate.length;
    const inflow = this.inflowSeeds;
    if (inflow !== null) {
      inflow.startRun(run);
      for (let m = 0; m < M; m++) this.inflowStreams[m] = inflow.stream(m);
    }
    const back = this.returnSeeds;
    if (back !== null) {
      back.startRun(run);
      for (let m = 0; m < M; m++) this.returnStreams[m] = back.stream(m);
    }
    if (calibration) {
      const rates = this.rateSeeds;
      rates?.startRun(run);
      for (let m = 0; m < M; m++) {
        const belief = calibration.inflow[m]!;
        this.rate[m] = rates !== null ? gamma(belief.shape, belief.rate, rates.stream(m)) : belief.shape / belief.rate;
      }
    }
  }

  /** Writes year t's returners and non-returners per origin. */
  draw(t: number, returners: Int32Array, newcomers: Int32Array): void {
    const calibration = this.inputs.calibration !== null;
    if (this.scenario.stochastic && !calibration && this.poissonSplit) {
      // The usual case, on its own: two table draws per origin.
      const M = this.rate.length;
      const homeTables = this.homeTables;
      const poolTables = this.poolTables;
      const streams = this.inflowStreams;
      for (let m = 0, k = t * M; m < M; m++, k++) {
        const u = streams[m]!;
        returners[m] = homeTables.sample(k, u());
        newcomers[m] = poolTables.sample(k, u());
      }
      return;
    }
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
      } else {
        // Overdispersed inflow: per group, then the binomial split (the Poisson case returned above).
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
