// Step 1 of a run: the social-rental vacancies of each municipality and year.
import type {Scenario} from "../scenario/schema.ts";
import type {ModelInputs} from "./inputs.ts";
import {ComponentStreams, type Uniform} from "../random/streams.ts";
import {TableSet} from "../distributions/table.ts";
import {negativeBinomialTable} from "../distributions/negativeBinomial.ts";
import {poissonSampler, samplePoisson, type PoissonSampler} from "../distributions/poissonInverse.ts";
import {gamma} from "../distributions/gamma.ts";

/**
 * Vacancy draws for one simulation. Without a calibration: negative binomial or Poisson from the vacancy series
 * (tables built once). With one: a rate per run from the Gamma belief (stream "vacancyRate"), then Poisson counts
 * given that rate in every year (Gamma-Poisson predictive). One uniform per count from the "vacancies" stream of
 * the run and municipality. Not stochastic: the expected value, rounded.
 *
 * @example
 * const draws = new VacancyDraws(inputs, scenario, seed);
 * draws.startRun(0);
 * draws.draw(out); // year 0; call once per year, in order
 */
export class VacancyDraws {
  private readonly tables: TableSet;
  private readonly streams: Uniform[];
  private readonly samplers: PoissonSampler[];
  private readonly expected: number[];
  private readonly vacancyStreams: ComponentStreams | null;
  private readonly rateStreams: ComponentStreams | null;

  constructor(
    private readonly inputs: ModelInputs,
    private readonly scenario: Scenario,
    private readonly seed: number
  ) {
    const calibration = inputs.calibration;
    this.tables = new TableSet(calibration ? [] : inputs.vacancies.mean.map((mean, m) => negativeBinomialTable(mean, inputs.vacancies.size[m] ?? Infinity)));
    this.expected = calibration ? calibration.vacancies.map((b) => Math.round(b.shape / b.rate)) : inputs.vacancies.mean.map((x) => Math.round(x));
    this.streams = new Array(inputs.municipalities.length);
    this.samplers = new Array(inputs.municipalities.length);
    this.vacancyStreams = scenario.stochastic ? new ComponentStreams(seed, "vacancies") : null;
    this.rateStreams = scenario.stochastic && calibration ? new ComponentStreams(seed, "vacancyRate") : null;
  }

  /** Seeds the streams of a run (and, with a calibration, draws the run's rates). */
  startRun(run: number): void {
    const streams = this.vacancyStreams;
    if (streams === null) return;
    streams.startRun(run);
    for (let m = 0; m < this.streams.length; m++) this.streams[m] = streams.stream(m);
    const rates = this.rateStreams;
    const calibration = this.inputs.calibration;
    if (rates !== null && calibration) {
      rates.startRun(run);
      for (let m = 0; m < this.streams.length; m++) {
        const belief = calibration.vacancies[m]!;
        this.samplers[m] = poissonSampler(gamma(belief.shape, belief.rate, rates.stream(m)));
      }
    }
  }

  /** Writes the next year's vacancies per municipality to `out`. */
  draw(out: Int32Array): void {
    const n = this.streams.length;
    if (!this.scenario.stochastic) out.set(this.expected);
    else if (this.inputs.calibration) for (let m = 0; m < n; m++) out[m] = samplePoisson(this.samplers[m]!, this.streams[m]!());
    else {
      const tables = this.tables;
      const streams = this.streams;
      for (let m = 0; m < n; m++) out[m] = tables.sample(m, streams[m]!());
    }
  }
}
