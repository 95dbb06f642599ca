// `npm run recalibrate`: writes a new calibration version and its report; on a data problem lists every problem
// and writes nothing. Never writes into data/, simulations/scenarios/ or the folders it reads.
import {join} from "node:path";
import {runRecalibration} from "../recalibration/run.ts";
import {FIRST_YEAR, LAST_YEAR} from "../agreement.ts";
import {UsageError, type CommandSpec, type FlagSpec} from "./args.ts";
import {isEntryPoint, processIo, runCommand, type CliIo} from "./command.ts";
import {checkOutputs} from "./outputGuard.ts";

/** The command line of `npm run recalibrate`. */
export const RECALIBRATE = {
  name: "recalibrate",
  synopsis: ["npm run recalibrate -- --year <jaar> [--data MAP] [--monitoring MAP] [--out-dir MAP]"],
  flags: {
    year: {type: "integer", help: "laatste gerealiseerde jaar om van te leren; verplicht", value: "JAAR", min: FIRST_YEAR, max: LAST_YEAR},
    data: {type: "string", help: "map met de data", value: "MAP", default: "data"},
    monitoring: {type: "string", help: "map met de monitoringbestanden <jaar>.csv (standaard <data>/monitoring)", value: "MAP"},
    "out-dir": {type: "string", help: "map van de herijkingsversies", value: "MAP", default: "simulations/calibrations"}
  },
  notes: [
    "Schrijft calibration-<jaar>-<n>.json en .md; een bestaande versie wordt nooit overschreven, en niets komt in data/,",
    "simulations/scenarios/ of de gelezen mappen.",
    "Afsluitcode: 0 klaar (ook als er niets veranderd is), 1 een probleem in de data of bij het schrijven, 2 een fout in de opdrachtregel."
  ]
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/**
 * Runs `npm run recalibrate` with these arguments; returns the exit code (0, 1 or 2, as `simulate`).
 *
 * @example
 * await main(["--year", "2025", "--out-dir", "out/calibrations"]); // 0
 */
export function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand(RECALIBRATE, argv, io, (flags) => {
    if (flags.year === undefined) throw new UsageError(`--year ontbreekt (een jaar van ${FIRST_YEAR} tot en met ${LAST_YEAR}, zoals 2025)`);
    const monitoringDir = flags.monitoring ?? join(flags.data, "monitoring");
    checkOutputs([{flag: "--out-dir", path: join(flags["out-dir"], `calibration-${flags.year}-1.json`), given: flags["out-dir"]}], {dirs: [flags.data, monitoringDir], files: []});
    const result = runRecalibration({year: flags.year, dataDir: flags.data, outDir: flags["out-dir"], monitoringDir});
    if (result.status === "unchanged") {
      io.out(`Niets veranderd sinds versie ${result.version}: geen nieuw bestand geschreven.`);
    } else {
      io.out(`Herijking ${result.version} geschreven:\n${result.files.map((f) => `  ${f}`).join("\n")}`);
    }
    if (result.recalibration.calibration.startYear > LAST_YEAR) {
      io.out(`Let op: het rekenmodel simuleert tot en met ${LAST_YEAR}; met deze herijking zijn er geen prognosejaren meer over.`);
    }
    if (result.recalibration.statuses.includes("example")) {
      io.out("Let op: de gebruikte realisatie bevat VOORBEELDCIJFERS (status example).");
    }
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
