// A run's memory, estimated before it starts. The summaries count (placed, vacancies) pairs per year and
// municipality in a grid as wide as the spread of the vacancy draws, squared: with data inside their documented
// ranges that is megabytes, but a vacancy series that swings wildly (0, 10.000, 0, 10.000) gives a negative
// binomial so wide that the grid would need gigabytes and V8 would abort. Such a run is refused with a message
// that names the series, instead of crashing.
import type {ModelInputs} from "../model/inputs.ts";
import {dutchNumber} from "../../loaders/errors.ts";

/** The most memory a run may be estimated to need. */
export const MEMORY_BUDGET_BYTES = 2_000_000_000;

/** A vacancy model whose spread is too wide for the summaries; the message names the municipality. Exit code 1. */
export class BudgetError extends Error {
  override readonly name = "BudgetError";
}

interface Spread {
  readonly mean: number;
  readonly variance: number;
  readonly heavy: boolean;
}

// The likely span of `runs` draws: the extremes of a normal sample lie about sqrt(2 ln n) standard deviations out;
// a negative binomial with a small size has a longer right tail, so twice that.
function span(s: Spread, runs: number): number {
  const z = Math.sqrt(2 * Math.log(Math.max(runs, 2))) + 0.5;
  const sd = Math.sqrt(s.variance);
  const hi = s.mean + z * sd * (s.heavy ? 2 : 1);
  const lo = Math.max(0, s.mean - z * sd);
  return hi - lo + 1;
}

/**
 * Estimated bytes of the (placed, vacancies) grids of one scenario's summaries: years × (municipalities + region)
 * grids of about span² Int32 cells each.
 *
 * @example
 * estimateGridBytes(prepareInputs(loadDatasets("data"), agreed), 10_000); // a few megabytes
 */
export function estimateGridBytes(inputs: ModelInputs, runs: number): {bytes: number; worst: {name: string; bytes: number}} {
  const spreads: Spread[] = inputs.vacancies.mean.map((mean, m) => {
    const size = inputs.vacancies.size[m] ?? null;
    return {mean, variance: mean + (size === null ? 0 : (mean * mean) / size), heavy: size !== null && size < 4};
  });
  const region: Spread = {
    mean: spreads.reduce((t, s) => t + s.mean, 0),
    variance: spreads.reduce((t, s) => t + s.variance, 0),
    heavy: spreads.some((s) => s.heavy)
  };
  const perYear = [...spreads, region].map((s) => 4 * span(s, runs) ** 2);
  const worstIndex = perYear.indexOf(Math.max(...perYear.slice(0, spreads.length)));
  return {
    bytes: inputs.years.length * perYear.reduce((a, b) => a + b, 0),
    worst: {name: `${inputs.municipalities[worstIndex]?.name ?? "?"} (${inputs.municipalities[worstIndex]?.code ?? "?"})`, bytes: inputs.years.length * perYear[worstIndex]!}
  };
}

/**
 * Refuses a run whose summaries would not fit in MEMORY_BUDGET_BYTES (three summaries when two scenarios are
 * compared: A, B and the paired differences).
 *
 * @example
 * checkMemoryBudget([inputsA, inputsB], 10_000); // throws a BudgetError for a wildly swinging vacancy series
 */
export function checkMemoryBudget(inputs: readonly ModelInputs[], runs: number): void {
  const estimates = inputs.map((i) => estimateGridBytes(i, runs));
  const total = estimates.reduce((t, e) => t + e.bytes, 0) * (inputs.length > 1 ? 1.5 : 1);
  if (total <= MEMORY_BUDGET_BYTES) return;
  const worst = estimates.reduce((a, b) => (b.worst.bytes > a.worst.bytes ? b : a)).worst;
  const mb = (b: number) => dutchNumber(Math.round(b / 1e6));
  throw new BudgetError(
    `deze run zou naar schatting ${mb(total)} MB geheugen vragen (hoogstens ${mb(MEMORY_BUDGET_BYTES)} MB): de spreiding van de vrijkomende woningen is te groot, vooral bij ${worst.name}. ` +
      "Controleer de reeks in data/vacancies.csv (springt die van jaar tot jaar sterk?), kies een kleinere --vacancy-factor of minder --runs"
  );
}
