// Observable Framework data loader: realised placements against the agreed scenario's targets and against the band
// forecast before each realised year (engine run on the calibration known then, or on the prior).
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {defaultScenarios} from "../../simulations/index.ts";
import {realisationAgainstAgreement} from "../../simulations/recalibration/realisation.ts";
import {listCalibrations, readCalibration} from "../../simulations/recalibration/versions.ts";
import {assertAppendOnly} from "../../simulations/recalibration/used-rows.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? `${root}/data`;
const calibrationDir = process.env.FAIRSHARE_CALIBRATIONS_DIR ?? `${root}/simulations/calibrations`;
/** Runs and seed of the forecast bands: fixed, so every build shows the same numbers. */
const RUNS = 10_000;
const SEED = 1;
const SCENARIO = "agreed";

try {
  const datasets = loadDatasets(dataDir);
  const monitoring = loadMonitoring(`${dataDir}/monitoring`, monitoringOptions(datasets));
  const scenario = defaultScenarios().find((s) => s.id === SCENARIO);
  if (!scenario) throw new Error(`scenario "${SCENARIO}" not found among the default scenarios`);
  const calibrations = listCalibrations(calibrationDir).map((f) => readCalibration(f.path));
  // A band forecast from a calibration whose monitoring rows were later edited would judge against rewritten history.
  assertAppendOnly(calibrations, monitoring, `${dataDir}/monitoring`);
  const rows = realisationAgainstAgreement(datasets, monitoring, scenario, calibrations, {runs: RUNS, seed: SEED});
  process.stdout.write(JSON.stringify({scenario: {id: scenario.id, name: scenario.name}, runs: RUNS, seed: SEED, rows}));
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
