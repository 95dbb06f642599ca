// npm run recalibrate -- --year 2025 [--data data] [--monitoring data/monitoring] [--out-dir simulations/calibrations]
// Writes a new calibration version and its report; on a data problem lists every problem and writes nothing.
import {parseArgs} from "node:util";
import {DatasetError} from "../../loaders/errors.ts";
import {runRecalibration} from "../recalibration/run.ts";
import {LAST_YEAR} from "../model/inputs.ts";

const USAGE = "gebruik: npm run recalibrate -- --year 2025 [--data data] [--monitoring data/monitoring] [--out-dir simulations/calibrations]";

function main(): number {
  let values;
  try {
    ({values} = parseArgs({
      options: {
        year: {type: "string"},
        data: {type: "string", default: "data"},
        monitoring: {type: "string"},
        "out-dir": {type: "string", default: "simulations/calibrations"},
        help: {type: "boolean", short: "h"}
      },
      strict: true
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.year || !/^\d{4}$/.test(values.year)) {
    console.error(`--year ontbreekt of is geen jaartal (gevonden: ${values.year ?? "niets"})\n${USAGE}`);
    return 2;
  }
  try {
    const result = runRecalibration({
      year: Number(values.year),
      dataDir: values.data,
      outDir: values["out-dir"],
      ...(values.monitoring ? {monitoringDir: values.monitoring} : {})
    });
    if (result.status === "unchanged") {
      console.log(`Niets veranderd sinds versie ${result.version}: geen nieuw bestand geschreven.`);
    } else {
      console.log(`Herijking ${result.version} geschreven:\n${result.files.map((f) => `  ${f}`).join("\n")}`);
    }
    if (result.recalibration.calibration.startYear > LAST_YEAR) {
      console.log(`Let op: het rekenmodel simuleert tot en met ${LAST_YEAR}; met deze herijking zijn er geen prognosejaren meer over.`);
    }
    if (result.recalibration.statuses.includes("example")) {
      console.log("Let op: de gebruikte realisatie bevat VOORBEELDCIJFERS (status example).");
    }
    return 0;
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(`${error.message}\nEr is niets geschreven.`);
      return 1;
    }
    console.error(`Herijking mislukt: ${(error as Error).message}\nEr is niets geschreven.`);
    return 1;
  }
}

process.exitCode = main();
