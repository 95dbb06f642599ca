// Burden figures of one run, read from a SimulationResult's per-run arrays (index (r * years + t) * columns + m,
// columns = municipalities, then the region). Pure; `out` arrays avoid allocation when called per run.
import type {SimulationResult} from "../model/engine.ts";
import {burden, isStockMeasure, type Measure, type MeasureBasis} from "./definitions.ts";

type Counts = Pick<SimulationResult, "years" | "municipalities" | "runs" | "placed" | "placedByOrigin" | "vacancies" | "target">;

function check(result: Counts, run: number, t: number, allowCumulative: boolean): void {
  if (!Number.isInteger(run) || run < 0 || run >= result.runs) throw new Error(`measures: run ${run} is not in 0..${result.runs - 1}`);
  const Y = result.years.length;
  if (!Number.isInteger(t) || t < 0 || t > (allowCumulative ? Y : Y - 1)) throw new Error(`measures: year index ${t} is not in 0..${allowCumulative ? Y : Y - 1}`);
}

/**
 * Net contribution to the region in year index t of run `run`, per column: placed in h (as host) minus placed of
 * origin h. Positive: h housed more people than it sent; the municipalities' contributions sum to 0 in every run
 * (everyone housed has one host and one origin), and the region's column is 0.
 *
 * @example
 * netContribution(result, 0, 2); // Int32Array [-12, 3, …, 0]
 */
export function netContribution(result: Counts, run: number, t: number, out: Int32Array = new Int32Array(result.municipalities.length)): Int32Array {
  check(result, run, t, false);
  const C = result.municipalities.length;
  const base = (run * result.years.length + t) * C;
  for (let m = 0; m < C; m++) out[m] = result.placed[base + m]! - result.placedByOrigin[base + m]!;
  return out;
}

/**
 * Cumulative balance against the target at the end of year index t of run `run`, per column: the sum over years
 * 0..t of placed − target. Negative: behind on what was agreed.
 *
 * @example
 * cumulativeBalance(result, 0, result.years.length - 1); // the balance over the whole simulation
 */
export function cumulativeBalance(result: Counts, run: number, t: number, out: Int32Array = new Int32Array(result.municipalities.length)): Int32Array {
  check(result, run, t, false);
  const C = result.municipalities.length;
  out.fill(0, 0, C);
  for (let s = 0; s <= t; s++) {
    const base = (run * result.years.length + s) * C;
    for (let m = 0; m < C; m++) out[m]! += result.placed[base + m]! - result.target[s * C + m]!;
  }
  return out;
}

/**
 * The burden per column in year index t of run `run` (t = years.length: all years together, see
 * `isStockMeasure` for how they add up), in the measure's unit.
 *
 * @example
 * burdens(result, measureBasis(inputs.basis), "lettings", 0, 2); // Float64Array of placements per 100 lettings
 */
export function burdens(result: Counts, basis: MeasureBasis, measure: Measure, run: number, t: number, out: Float64Array = new Float64Array(result.municipalities.length)): Float64Array {
  check(result, run, t, true);
  const C = result.municipalities.length;
  const Y = result.years.length;
  const from = t === Y ? 0 : t;
  const to = t === Y ? Y - 1 : t;
  for (let m = 0; m < C; m++) {
    let placed = 0;
    let lettings = 0;
    for (let s = from; s <= to; s++) {
      const j = (run * Y + s) * C + m;
      placed += result.placed[j]!;
      lettings += result.vacancies[j]!;
    }
    out[m] = burden(placed, isStockMeasure(measure) ? basis[measure][m]! : lettings, measure);
  }
  return out;
}
