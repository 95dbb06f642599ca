// Forecast from a calibration: resolve `latest` or a file to a calibration, check that the monitoring rows it learned
// from are still there unchanged (append-only), and give the engine's inputs that run the remaining years from the
// realised backlog. The command line (`npm run simulate -- --calibration latest|FILE`) and the Monitoring page's data
// loader both go through here, so they give the same numbers for the same seed.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Datasets} from "../../loaders/types.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {prepareInputs, type ModelInputs} from "../model/inputs.ts";
import type {Calibration} from "../model/calibration.ts";
import type {Scenario} from "../scenario/schema.ts";
import {simulate} from "../model/engine.ts";
import {summarize} from "../index.ts";
import type {SummaryRow} from "../summary/rows.ts";
import {latestCalibration, readCalibration} from "./versions.ts";
import {assertAppendOnly} from "./used-rows.ts";

/** Where `npm run recalibrate` writes its versions. */
export const DEFAULT_CALIBRATION_DIR = "simulations/calibrations";

/** A calibration refused for a reason a user can act on (Dutch message naming the flag or the file). */
export class CalibrationError extends Error {}

/**
 * The calibration that `--calibration latest|FILE` names: the latest version in `dir` (highest realised year, then
 * highest sequence number), or the file at that path. Throws a CalibrationError in Dutch when there is none or the
 * file is not a calibration.
 *
 * @example
 * resolveCalibration("latest").calibration.version; // "2025-2"
 * resolveCalibration("simulations/calibrations/calibration-2025-1.json").file;
 */
export function resolveCalibration(ref: string, dir: string = DEFAULT_CALIBRATION_DIR): {calibration: Calibration; file: string} {
  if (ref === "latest") {
    const latest = latestCalibration(dir);
    if (!latest) {
      throw new CalibrationError(`--calibration latest: er staat nog geen herijking in ${dir}; maak er een met npm run recalibrate -- --year JJJJ`);
    }
    return {calibration: latest.calibration, file: latest.file.path};
  }
  if (!ref.toLowerCase().endsWith(".json")) {
    throw new CalibrationError(`--calibration: verwacht "latest" of een bestand calibration-JJJJ-n.json, gevonden "${ref}"`);
  }
  if (!existsSync(ref)) throw new CalibrationError(`--calibration: bestand ${ref} niet gevonden`);
  try {
    return {calibration: readCalibration(ref), file: ref};
  } catch (error) {
    throw new CalibrationError(`--calibration: ${(error as Error).message}`);
  }
}

export interface CalibratedStart {
  readonly calibration: Calibration;
  /** The calibration file used. */
  readonly file: string;
  /** The engine's inputs: years startYear..2030, Gamma beliefs, learned return shares, realised backlog. */
  readonly inputs: ModelInputs;
  /** First simulated year: the year after the last realised year. */
  readonly startYear: number;
  /** Realised backlog at the end of the last realised year, by CBS code: where the simulation starts. */
  readonly backlog: Readonly<Record<string, number>>;
}

export interface ForecastOptions {
  /** Folder of the calibration versions (for `latest`; default simulations/calibrations). */
  readonly calibrationDir?: string;
  /** Folder of the monitoring files for the append-only check (default `data/monitoring`). */
  readonly monitoringDir?: string;
  /** Today as YYYY-MM-DD for the monitoring loader (default: the current date). */
  readonly today?: string;
}

/**
 * Resolves the calibration, refuses it (DatasetError in Dutch, naming file and line) when a monitoring row it
 * learned from was changed or deleted, and prepares the engine's inputs from it for `scenario`.
 *
 * @example
 * const start = forecastInputs(loadDatasets("data"), agreed, "latest");
 * start.inputs.years; // [2026, …, 2030]
 */
export function forecastInputs(datasets: Datasets, scenario: Scenario, ref: string, options: ForecastOptions = {}): CalibratedStart {
  const {calibration, file} = resolveCalibration(ref, options.calibrationDir ?? DEFAULT_CALIBRATION_DIR);
  const monitoringDir = options.monitoringDir ?? join("data", "monitoring");
  const monitoring = loadMonitoring(monitoringDir, {...monitoringOptions(datasets), ...(options.today ? {today: options.today} : {})});
  assertAppendOnly([calibration], monitoring, monitoringDir);
  const inputs = prepareInputs(datasets, scenario, calibration);
  const backlog = Object.fromEntries(Object.entries(calibration.municipalities).map(([code, m]) => [code, m.backlog]));
  return {calibration, file, inputs, startYear: calibration.startYear, backlog};
}

/**
 * The forecast summary of a calibration, as the Monitoring page's data loader computes it: the engine on the
 * calibrated inputs, summarised per year, municipality and metric.
 *
 * @example
 * calibratedForecast(start.inputs, agreed, {runs: 10_000, seed: 1}).filter((r) => r.metric === "placed");
 */
export function calibratedForecast(inputs: ModelInputs, scenario: Scenario, options: {runs: number; seed: number}): SummaryRow[] {
  if (inputs.calibration === null) throw new Error("calibratedForecast: these inputs have no calibration (use forecastInputs)");
  return summarize(simulate(inputs, scenario, options));
}
