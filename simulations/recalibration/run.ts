// One recalibration from files to files, as `npm run recalibrate` does it: load and check the data, recalibrate,
// compare with the previous version and write a new version with its report, or nothing at all.
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import type {Calibration} from "../model/calibration.ts";
import {recalibrate, type Recalibration} from "./recalibrate.ts";
import {recalibrationReport} from "./report.ts";
import {listCalibrations, nextVersion, readCalibration, writeNewFiles} from "./versions.ts";
import {assertAppendOnly} from "./used-rows.ts";

export interface RunOptions {
  /** Last realised year to learn from. */
  readonly year: number;
  /** Folder of the datasets (default "data"). */
  readonly dataDir?: string;
  /** Folder of the monitoring files (default `<dataDir>/monitoring`). */
  readonly monitoringDir?: string;
  /** Folder of the calibration versions (default "simulations/calibrations"). */
  readonly outDir?: string;
  /** The moment of creation (default now); also "today" for the monitoring loader's date check. */
  readonly now?: Date;
}

export interface RunResult {
  /** `written`: a new version; `unchanged`: the latest version of this year already has these parameters. */
  readonly status: "written" | "unchanged";
  readonly version: string;
  /** Paths written (empty when unchanged). */
  readonly files: readonly string[];
  readonly recalibration: Recalibration;
  readonly report: string;
}

/**
 * Recalibrates on the realised years up to `year` and writes `calibration-<year>-<n>.json` and `.md` to the output
 * folder, never overwriting; writes nothing when a file has a problem (throws) or nothing changed.
 *
 * @example
 * runRecalibration({year: 2025}).files; // ["simulations/calibrations/calibration-2025-1.json", "…-1.md"]
 */
export function runRecalibration(options: RunOptions): RunResult {
  const dataDir = options.dataDir ?? "data";
  const monitoringDir = options.monitoringDir ?? join(dataDir, "monitoring");
  const outDir = options.outDir ?? "simulations/calibrations";
  const now = options.now ?? new Date();
  if (!Number.isInteger(options.year)) throw new Error(`--year must be a year such as 2025, got ${options.year}`);

  const datasets = loadDatasets(dataDir);
  const monitoring = loadMonitoring(monitoringDir, {...monitoringOptions(datasets), today: now.toISOString().slice(0, 10)});
  const versions = listCalibrations(outDir);
  // Compare with the latest version of this year (a correction), else the latest of an earlier year.
  const sameYear = versions.filter((v) => v.year === options.year).at(-1);
  const earlier = versions.filter((v) => v.year < options.year).at(-1);
  const previousFile = sameYear ?? earlier;
  const previous = previousFile && {calibration: readCalibration(previousFile.path), file: previousFile.path};

  // Append-only: every row an earlier version learned from must still be there, unchanged; else nothing is written.
  assertAppendOnly(versions.map((v) => readCalibration(v.path)), monitoring, monitoringDir);

  const version = nextVersion(outDir, options.year);
  const recalibration = recalibrate(datasets, monitoring, {year: options.year, version, createdAt: now.toISOString(), monitoringDir});
  const report = recalibrationReport({recalibration, monitoring, ...(previous ? {previous} : {})});
  if (sameYear && previous && sameParameters(previous.calibration, recalibration.calibration)) {
    return {status: "unchanged", version: previous.calibration.version, files: [], recalibration, report};
  }
  const json = join(outDir, `calibration-${version}.json`);
  const md = join(outDir, `calibration-${version}.md`);
  writeNewFiles([
    {path: json, content: JSON.stringify(recalibration.calibration, null, 2) + "\n"},
    {path: md, content: report}
  ]);
  return {status: "written", version, files: [json, md], recalibration, report};
}

/** Whether two calibrations hold the same parameters (version and creation time aside). */
export function sameParameters(a: Calibration, b: Calibration): boolean {
  const key = (c: Calibration) =>
    JSON.stringify([c.realisedYears, c.startYear, Object.keys(c.municipalities).sort().map((code) => {
      const m = c.municipalities[code]!;
      return [code, m.vacancies.shape, m.vacancies.rate, m.inflow.shape, m.inflow.rate, m.backlog];
    }), c.model ?? null, Object.entries(c.returnShares ?? {}).sort(), (c.usedRows ?? []).map((r) => r.sha256).sort()]);
  return key(a) === key(b);
}
