// Observable Framework data loader: the latest calibration version in simulations/calibrations/ (what the engine
// runs on after monitoring) with its report and its 2026-2030 forecast (the same function the command line's
// `--calibration` uses), the list of versions, and a preview of what `npm run recalibrate` would compute from the
// current monitoring files (so the page shows the effect of a new year before it is saved).
import {readFileSync} from "node:fs";
import {relative} from "node:path";
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {defaultScenarios} from "../../simulations/index.ts";
import type {GammaBelief} from "../../simulations/model/calibration.ts";
import {gammaMean, predictiveTable, tableQuantile} from "../../simulations/recalibration/gamma-poisson.ts";
import {recalibrate, type BeliefTrace} from "../../simulations/recalibration/recalibrate.ts";
import {calibratedForecast, forecastInputs, resolveCalibration} from "../../simulations/recalibration/forecast.ts";
import {assertAppendOnly} from "../../simulations/recalibration/used-rows.ts";
import {LAST_YEAR} from "../../simulations/agreement.ts";
import {RETURN_PRIOR_PEOPLE} from "../../simulations/recalibration/return-shares.ts";
import {listCalibrations} from "../../simulations/recalibration/versions.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? `${root}/data`;
const calibrationDir = process.env.FAIRSHARE_CALIBRATIONS_DIR ?? `${root}/simulations/calibrations`;
/** Runs and seed of the forecast bands: fixed, so every build shows the same numbers (and the command line can repeat them). */
const RUNS = 10_000;
const SEED = 1;
const SCENARIO = "agreed";

/** Expected yearly count and next year's predictive P5, P50, P95 (what the engine draws from). */
function band(b: GammaBelief) {
  const t = predictiveTable(b);
  return {mean: gammaMean(b), p5: tableQuantile(t, 0.05), p50: tableQuantile(t, 0.5), p95: tableQuantile(t, 0.95)};
}

const trace = (t: BeliefTrace) => ({
  priorStrength: t.prior.strength,
  dispersion: t.dispersion,
  prior: band(t.prior.belief),
  posterior: band(t.posterior),
  posteriorBelief: t.posterior,
  observed: t.observed
});

try {
  const datasets = loadDatasets(dataDir);
  const monitoringDir = `${dataDir}/monitoring`;
  const monitoring = loadMonitoring(monitoringDir, monitoringOptions(datasets));
  const versions = listCalibrations(calibrationDir).map((f) => ({version: f.version, file: relative(root, f.path)}));
  const scenario = defaultScenarios().find((s) => s.id === SCENARIO);
  if (!scenario) throw new Error(`scenario "${SCENARIO}" not found among the default scenarios`);
  let latest: unknown = null;
  if (versions.length > 0) {
    // Refuses (fails the build, in Dutch, naming file and line) when a row the calibration used was changed or deleted.
    const {calibration, file} = resolveCalibration("latest", calibrationDir);
    // After the agreement's last year there is nothing left to forecast; the history is still checked.
    const start = calibration.startYear <= LAST_YEAR ? forecastInputs(datasets, scenario, "latest", {calibrationDir, monitoringDir}) : null;
    if (!start) assertAppendOnly([calibration], monitoring, monitoringDir);
    latest = {
      version: calibration.version,
      file: relative(root, file),
      calibration: {...calibration, usedRows: undefined},
      report: readFileSync(file.replace(/\.json$/, ".md"), "utf8"),
      forecast: start && {
        scenario: {id: scenario.id, name: scenario.name},
        runs: RUNS,
        seed: SEED,
        command: `npm run simulate -- --scenario ${scenario.id} --calibration latest --runs ${RUNS} --seed ${SEED} --out prognose-herijkt.csv`,
        rows: calibratedForecast(start.inputs, scenario, {runs: RUNS, seed: SEED}).filter((r) => r.metric === "placed" || r.metric === "backlog")
      }
    };
  }
  let preview: unknown = null;
  const year = monitoring.years.at(-1);
  if (year !== undefined) {
    try {
      const r = recalibrate(datasets, monitoring, {year, version: "voorbeeld", createdAt: new Date().toISOString()});
      preview = {
        year,
        statuses: r.statuses,
        dispersion: r.dispersion,
        trend: r.trend,
        inflowRegionalCv: r.inflowFit.settings.regionalPrior?.cv ?? null,
        returnPriorPeople: RETURN_PRIOR_PEOPLE,
        returnShares: r.returnShares.map((s) => ({group: s.group, prior: s.prior, posterior: s.posterior, returners: s.returners, inflow: s.inflow})),
        calibration: {...r.calibration, usedRows: undefined},
        municipalities: r.municipalities.map((m) => ({code: m.code, name: m.name, backlog: m.backlog, vacancies: trace(m.vacancies), inflow: trace(m.inflow)}))
      };
    } catch (error) {
      // An incomplete year is a state of work, not broken data: show what is missing instead of failing the build.
      if (!(error instanceof DatasetError)) throw error;
      preview = {year, error: error.message};
    }
  }
  process.stdout.write(JSON.stringify({latest, versions, preview}));
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
