// Realisation against the agreement: per municipality and realised year, the realised placements against the ramp
// target of a scenario (the engine's own target computation) and against the band that was forecast before that
// year (P5-P95 of an engine run on the calibration known at the time, or on the prior when there was none).
import type {Datasets} from "../../loaders/types.ts";
import {realised, type MonitoringData, type MonitoringStatus} from "../../loaders/monitoring.ts";
import {FIRST_YEAR, LAST_YEAR, prepareInputs, rampPeriod, simulate, summarize, yearTargets, type Scenario, type SummaryRow} from "../index.ts";
import type {Calibration} from "../model/calibration.ts";

/** The column name the engine gives the region's total. */
const REGION_COLUMN = "regio";

export interface RealisationRow {
  readonly year: number;
  /** CBS code, or "regio" for the region's total. */
  readonly code: string;
  readonly name: string;
  /** Realised placements (group "all"); null when not recorded. */
  readonly placed: number | null;
  readonly status: MonitoringStatus | null;
  /** The ramp target of the scenario for this municipality and year. */
  readonly target: number;
  /** placed − target; null without a realised value. */
  readonly gap: number | null;
  /** The forecast made before the year: mean and quantiles of the engine's placements. */
  readonly forecast: {readonly mean: number; readonly p5: number; readonly p50: number; readonly p95: number};
  /** "prior" or the calibration version the forecast ran on. */
  readonly forecastBasis: string;
  /** Whether the realised value lies in the forecast's P5-P95 band; null without a realised value. */
  readonly inBand: boolean | null;
}

export interface RealisationOptions {
  readonly runs: number;
  readonly seed: number;
}

/**
 * The calibration that was the latest known before `year` was realised: the one with the latest realised year
 * (then the highest sequence number) among those that start forecasting in or before `year`; null = the prior.
 *
 * @example
 * forecastBasisFor(2026, [cal2025v1, cal2025v2])?.version; // "2025-2"
 */
export function forecastBasisFor(year: number, calibrations: readonly Calibration[]): Calibration | null {
  const order = (c: Calibration) => {
    const [y, n] = c.version.split("-").map(Number);
    return [y ?? 0, n ?? 0] as const;
  };
  const known = calibrations.filter((c) => c.startYear <= year).sort((a, b) => {
    const [ya, na] = order(a);
    const [yb, nb] = order(b);
    return ya - yb || na - nb;
  });
  return known.at(-1) ?? null;
}

/**
 * Realised placements against the scenario's targets and against the band forecast before each realised year, for
 * every municipality in the agreement and the region.
 *
 * @example
 * realisationAgainstAgreement(datasets, monitoring, agreed, [], {runs: 2000, seed: 1}).filter((r) => r.inBand === false);
 */
export function realisationAgainstAgreement(
  datasets: Datasets,
  monitoring: MonitoringData,
  scenario: Scenario,
  calibrations: readonly Calibration[],
  options: RealisationOptions
): RealisationRow[] {
  const plain = prepareInputs(datasets, scenario);
  const members = plain.municipalities;
  const bands = new Map<string, SummaryRow[]>();
  const forecastRows = (basis: Calibration | null): SummaryRow[] => {
    const key = basis?.version ?? "prior";
    let rows = bands.get(key);
    if (!rows) {
      const inputs = basis ? prepareInputs(datasets, scenario, basis) : plain;
      rows = summarize(simulate(inputs, scenario, options)).filter((r) => r.metric === "placed");
      bands.set(key, rows);
    }
    return rows;
  };

  const out: RealisationRow[] = [];
  for (const year of monitoring.years) {
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    const basis = forecastBasisFor(year, calibrations);
    const rows = forecastRows(basis);
    // The agreement's targets do not move with a calibration: computed from the uncalibrated inputs.
    const targets = yearTargets(rampPeriod(scenario.ramp, year), scenario.key, plain.basis, plain.municipalities);
    const entry = (code: string, name: string, placed: number | null, status: MonitoringStatus | null, target: number): RealisationRow => {
      const f = rows.find((r) => r.year === year && r.municipality === name);
      if (!f) throw new Error(`the forecast (${basis?.version ?? "prior"}) has no placements for ${name} in ${year}`);
      const forecast = {mean: f.mean, p5: f.p5, p50: f.p50, p95: f.p95};
      return {
        year, code, name, placed, status, target,
        gap: placed === null ? null : placed - target,
        forecast,
        forecastBasis: basis?.version ?? "prior",
        inBand: placed === null ? null : placed >= f.p5 && placed <= f.p95
      };
    };
    let total = 0;
    let complete = true;
    const statuses = new Set<MonitoringStatus>();
    members.forEach((m, i) => {
      const placed = realised(monitoring, year, m.code, "placements") ?? null;
      const status = monitoring.current.find((r) => r.year === year && r.municipality === m.code && r.metric === "placements" && r.group === "all")?.status ?? null;
      if (placed === null) complete = false;
      else total += placed;
      if (status) statuses.add(status);
      out.push(entry(m.code, m.name, placed, status, targets[i]!));
    });
    const regionStatus = statuses.size === 1 ? [...statuses][0]! : statuses.size === 0 ? null : statuses.has("example") ? "example" : "provisional";
    out.push(entry(REGION_COLUMN, REGION_COLUMN, complete ? total : null, regionStatus, targets.reduce((a, b) => a + b, 0)));
  }
  return out;
}
