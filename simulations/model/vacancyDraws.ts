// Step 1 of a run: the social-rental lettings (vacancies) of each municipality and year.
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {ComponentStreams, type Uniform} from "../random/streams.ts";
import {TableSet} from "../distributions/table.ts";
import {negativeBinomialSpec} from "../distributions/negativeBinomial.ts";
import {poissonSampler, samplePoisson, type PoissonSampler} from "../distributions/poissonInverse.ts";
import {gamma} from "../distributions/gamma.ts";
import {RecentlyUsed} from "./recentlyUsed.ts";

// Tables depend on the expected relettings and their spread alone, so they are kept by that content: inputs that
// differ elsewhere (a page's inflow or return-share assumptions, the tornado's variants) share them. The tables of
// the 8 most recently used contents are kept.
const kept = new RecentlyUsed<TableSet>(8);
function tablesOf(v: ModelInputs["vacancies"]): TableSet {
  return kept.get(JSON.stringify([v.existing, v.size]), () => TableSet.of(v.existing.flatMap((row) => row.map((mean, m) => negativeBinomialSpec(mean, v.size[m] ?? Infinity)))));
}

/**
 * Vacancy draws for one simulation. Without a calibration: relettings of the existing stock, negative binomial (or
 * Poisson) around the fitted trend of the year, plus the first lettings of new build as they are planned. With a
 * calibration: a rate per run from the Gamma belief (stream "vacancyRate"), then Poisson counts given that rate in
 * every year (Gamma-Poisson predictive; the belief learned from realised lettings, new build included). One
 * "vacancies" stream per run, one uniform per year and municipality, in that order. Not stochastic: the expected
 * value, rounded.
 *
 * @example
 * const draws = new VacancyDraws(inputs, scenario, seed);
 * draws.startRun(0);
 * draws.draw(0, out); // year index 0
 */
export class VacancyDraws {
  private readonly M: number;
  private readonly tables: TableSet | null;
  private readonly samplers: PoissonSampler[];
  private readonly newBuild: Int32Array;
  private readonly expected: Int32Array;
  private readonly vacancyStreams: ComponentStreams | null;
  private readonly rateStreams: ComponentStreams | null;
  private stream: Uniform | null = null;
  /** The run's uniforms, drawn at once in their fixed order (year, municipality). */
  private readonly uniforms: Float64Array;
  // Copied out of the scenario: `draw` never reads the scenario object (see InflowDraws).
  private readonly stochastic: boolean;

  constructor(
    private readonly inputs: ModelInputs,
    scenario: Scenario,
    seed: number
  ) {
    const calibration = inputs.calibration;
    const M = (this.M = inputs.municipalities.length);
    const Y = inputs.years.length;
    const v = inputs.vacancies;
    this.tables = calibration ? null : tablesOf(v);
    this.newBuild = new Int32Array(Y * M);
    this.expected = new Int32Array(Y * M);
    for (let t = 0; t < Y; t++) {
      for (let m = 0; m < M; m++) {
        const nb = calibration ? 0 : v.newBuild[t]![m]!;
        this.newBuild[t * M + m] = nb;
        this.expected[t * M + m] = calibration ? Math.round(calibration.vacancies[m]!.shape / calibration.vacancies[m]!.rate) : Math.round(v.existing[t]![m]! + nb);
      }
    }
    this.stochastic = scenario.stochastic;
    this.samplers = new Array(M);
    this.uniforms = new Float64Array(Y * M);
    this.vacancyStreams = scenario.stochastic ? new ComponentStreams(seed, "vacancies") : null;
    this.rateStreams = scenario.stochastic && calibration ? new ComponentStreams(seed, "vacancyRate") : null;
  }

  /** Seeds the stream of a run (and, with a calibration, draws the run's rates). */
  startRun(run: number): void {
    const streams = this.vacancyStreams;
    if (streams === null) return;
    const u = (this.stream = streams.stream(run));
    if (this.tables !== null) {
      const buffer = this.uniforms;
      for (let i = 0; i < buffer.length; i++) buffer[i] = u();
    }
    const calibration = this.inputs.calibration;
    if (this.rateStreams !== null && calibration) {
      const rates = this.rateStreams.stream(run);
      for (let m = 0; m < this.M; m++) {
        const belief = calibration.vacancies[m]!;
        this.samplers[m] = poissonSampler(gamma(belief.shape, belief.rate, rates));
      }
    }
  }

  /** Writes year t's vacancies per municipality to `out`. */
  draw(t: number, out: Int32Array): void {
    const M = this.M;
    const base = t * M;
    if (!this.stochastic) {
      for (let m = 0; m < M; m++) out[m] = this.expected[base + m]!;
      return;
    }
    if (this.tables === null) {
      const u = this.stream!;
      for (let m = 0; m < M; m++) out[m] = samplePoisson(this.samplers[m]!, u());
      return;
    }
    const {cdf, guide, start, size, lo} = this.tables;
    const nb = this.newBuild;
    const uniforms = this.uniforms;
    for (let m = 0; m < M; m++) {
      const k = base + m;
      const x = uniforms[k]!;
      const s0 = start[k]!;
      let i = s0 + guide[s0 + ((x * size[k]!) | 0)]!;
      while (cdf[i]! <= x) i++;
      out[m] = lo[k]! + i - s0 + nb[k]!;
    }
  }
}
