// The draws of recent simulations, kept for the next ones with the same data, seed and runs. Draws depend on the
// data, the seed and the run alone, never on policy (common random numbers, see random/streams.ts): a page that
// re-simulates after a change of key, ramp, cap or placement rule, a comparison of two policies, or a solver
// trying candidate splits would draw the very same counts again. Replaying them skips the generators and the table
// lookups, about a quarter of a run's work, and gives the same numbers bit for bit.
import type {ModelInputs} from "./inputs.ts";
import type {Scenario} from "../scenario/schema.ts";

/** One simulation's draws, runs × years × municipalities, in the order the engine ran the runs. */
export interface Draws {
  /** Vacancies (lettings), index `(i * years + t) * M + m` for run firstRun + i. */
  readonly vacancies: Int32Array;
  /** Returners, pool members who may be housed anywhere, and those who may not be housed at home: `((i * years + t) * M + m) * 3 + part`. */
  readonly inflow: Int32Array;
  /** The order the runs were simulated in (by prognosis level). */
  readonly order: Int32Array;
}

interface Entry {
  key: string;
  vacancies: Int32Array;
  inflow: Int32Array;
  order: Int32Array;
}

// The content the draws are made of, per inputs object (inputs are not changed once prepared).
const contents = new WeakMap<ModelInputs, string>();
function content(inputs: ModelInputs): string {
  let c = contents.get(inputs);
  if (c === undefined) {
    c = JSON.stringify([inputs.years, inputs.municipalities.length, inputs.vacancies, inputs.inflow, inputs.inflowRange, inputs.groups.map((g) => [g.returnShare, g.notHome])]);
    contents.set(inputs, c);
  }
  return c;
}

/**
 * The draws of the `size` most recently simulated (data, seed, runs), with their buffers reused for the next ones
 * (fresh memory is slow to fault in, in a browser's worker most of all). Only the usual stochastic path is kept:
 * tabled vacancies and Poisson inflow without a calibration.
 *
 * @example
 * const kept = new KeptDraws(2);
 * const found = kept.find(inputs, scenario, {seed: 1, firstRun: 0, runs: 5000}); // null the first time
 */
export class KeptDraws {
  // Most recently used last.
  private entries: Entry[] = [];

  constructor(private readonly size: number) {}

  /** Whether draws of this inputs and scenario can be kept at all. */
  static keepable(inputs: ModelInputs, scenario: Pick<Scenario, "stochastic" | "inflowDispersion">): boolean {
    return scenario.stochastic && scenario.inflowDispersion === 0 && inputs.calibration === null;
  }

  private static key(inputs: ModelInputs, scenario: Pick<Scenario, "inflowDispersion">, options: {seed: number; firstRun: number; runs: number}): string {
    return `${options.seed}|${options.firstRun}|${options.runs}|${scenario.inflowDispersion}|${content(inputs)}`;
  }

  /**
   * The kept draws of these data, seed and runs, or null.
   *
   * @example
   * kept.find(inputs, scenario, {seed: 1, firstRun: 0, runs: 5000})?.vacancies[0]; // Amersfoort's lettings in run 0's first year
   */
  find(inputs: ModelInputs, scenario: Pick<Scenario, "inflowDispersion">, options: {seed: number; firstRun: number; runs: number}): Draws | null {
    const key = KeptDraws.key(inputs, scenario, options);
    const at = this.entries.findIndex((e) => e.key === key);
    if (at < 0) return null;
    const [entry] = this.entries.splice(at, 1);
    this.entries.push(entry!);
    return view(entry!, options.runs, inputs);
  }

  /**
   * Room for the draws of these data, seed and runs, to be filled by the simulation now starting (the buffers of
   * the least recently used entry when there are `size` already); `filled()` makes them found from then on, so
   * draws a failed simulation left half-written are never replayed.
   */
  room(inputs: ModelInputs, scenario: Pick<Scenario, "inflowDispersion">, options: {seed: number; firstRun: number; runs: number}): Draws & {filled(): void} {
    const key = KeptDraws.key(inputs, scenario, options);
    const Y = inputs.years.length;
    const M = inputs.municipalities.length;
    const n = options.runs * Y * M;
    let entry = this.entries.length >= this.size ? this.entries.shift()! : undefined;
    if (!entry || entry.vacancies.length < n) entry = {key, vacancies: new Int32Array(n), inflow: new Int32Array(3 * n), order: new Int32Array(options.runs)};
    else if (entry.order.length < options.runs) entry.order = new Int32Array(options.runs);
    entry.key = "";
    this.entries.push(entry);
    const made = entry;
    return {...view(entry, options.runs, inputs), filled: () => void (made.key = key)};
  }
}

function view(entry: Entry, runs: number, inputs: ModelInputs): Draws {
  const n = runs * inputs.years.length * inputs.municipalities.length;
  return {vacancies: entry.vacancies.subarray(0, n), inflow: entry.inflow.subarray(0, 3 * n), order: entry.order.subarray(0, runs)};
}
