// Observable Framework data loader: the latest calibration version in simulations/calibrations/ (what the engine
// runs on after monitoring) with its report, the list of versions, and a preview of what `npm run recalibrate`
// would compute from the current monitoring files (so the page shows the effect of a new year before it is saved).
import {readFileSync} from "node:fs";
import {relative} from "node:path";
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import type {GammaBelief} from "../../simulations/model/calibration.ts";
import {gammaMean, predictiveTable, tableQuantile} from "../../simulations/recalibration/gamma-poisson.ts";
import {recalibrate, type BeliefTrace} from "../../simulations/recalibration/recalibrate.ts";
import {latestCalibration, listCalibrations} from "../../simulations/recalibration/versions.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? `${root}/data`;
const calibrationDir = process.env.FAIRSHARE_CALIBRATIONS_DIR ?? `${root}/simulations/calibrations`;

/** Expected yearly count and next year's predictive P5, P50, P95 (what the engine draws from). */
function band(b: GammaBelief) {
  const t = predictiveTable(b);
  return {mean: gammaMean(b), p5: tableQuantile(t, 0.05), p50: tableQuantile(t, 0.5), p95: tableQuantile(t, 0.95)};
}

const trace = (t: BeliefTrace) => ({
  priorStrength: t.prior.strength,
  prior: band(t.prior.belief),
  posterior: band(t.posterior),
  posteriorBelief: t.posterior,
  observed: t.observed
});

try {
  const datasets = loadDatasets(dataDir);
  const monitoring = loadMonitoring(`${dataDir}/monitoring`, monitoringOptions(datasets));
  const latest = latestCalibration(calibrationDir);
  const versions = listCalibrations(calibrationDir).map((f) => ({version: f.version, file: relative(root, f.path)}));
  let preview: unknown = null;
  const year = monitoring.years.at(-1);
  if (year !== undefined) {
    try {
      const r = recalibrate(datasets, monitoring, {year, version: "voorbeeld", createdAt: new Date().toISOString()});
      preview = {
        year,
        statuses: r.statuses,
        dispersion: r.dispersion,
        calibration: r.calibration,
        municipalities: r.municipalities.map((m) => ({code: m.code, name: m.name, backlog: m.backlog, vacancies: trace(m.vacancies), inflow: trace(m.inflow)}))
      };
    } catch (error) {
      // An incomplete year is a state of work, not broken data: show what is missing instead of failing the build.
      if (!(error instanceof DatasetError)) throw error;
      preview = {year, error: error.message};
    }
  }
  const json = JSON.stringify({
    latest: latest ? {
      version: latest.calibration.version,
      file: relative(root, latest.file.path),
      calibration: latest.calibration,
      report: readFileSync(latest.file.path.replace(/\.json$/, ".md"), "utf8")
    } : null,
    versions,
    preview
  });
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
