// `npm run simulate`: run a scenario (and optionally compare it with another) and write the tidy summary table.
import {extname, join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {adjustDatasets, flowRows, prepareInputs, type ModelInputs, toCsv, summaryRows, probabilityRows, type Scenario, type SummaryRow} from "../index.ts";
import {readScenario, scenarioIds} from "../scenario/files.ts";
import {runPool} from "../runner/pool.ts";
import type {JobSummaries} from "../runner/chunked.ts";
import {SUMMARY_COLUMNS} from "../agreement.ts";
import {UsageError, type CommandSpec, type FlagSpec, type FlagValues} from "./args.ts";
import {processIo, runCommand, isEntryPoint, type CliIo} from "./command.ts";
import {DATA_FLAGS, RUN_FLAGS} from "./flags.ts";
import {checkOutputs, writeOutputs, type OutputFile, type ReadSet} from "./outputGuard.ts";
import {checkMemoryBudget} from "./budget.ts";
import {progressBar} from "./progress.ts";
import {forecastInputs} from "../recalibration/forecast.ts";

/** The command line of `npm run simulate`: its flags, ranges and usage text. */
export const SIMULATE = {
  name: "simulate",
  synopsis: [
    "npm run simulate -- --scenario <id|bestand.json> [--compare <id|bestand.json>] --out <bestand.csv|bestand.json> [opties]",
    "npm run simulate -- --all --out-dir <map> [opties]"
  ],
  flags: {
    scenario: {type: "string", help: "een scenario-id (simulations/scenarios/<id>.json) of een pad naar een .json-scenariobestand", value: "ID|BESTAND"},
    compare: {type: "string", help: 'een tweede scenario: voegt zijn rijen en de gepaarde verschillen toe (scenario "B-A")', value: "ID|BESTAND"},
    out: {type: "string", help: "uitvoerbestand: .csv (nette tabel) of .json (tabel, kansen en instellingen)", value: "BESTAND"},
    all: {type: "boolean", help: "elk standaardscenario; schrijft <id>.csv, probabilities.csv en compare.csv (elk scenario min agreed)"},
    "out-dir": {type: "string", help: "uitvoermap voor --all", value: "MAP"},
    calibration: {
      type: "string",
      help: "latest of een herijkingsbestand: rekent de jaren na het laatst gerealiseerde jaar door vanaf de gerealiseerde wachtenden; geweigerd als een gebruikte monitoringrij is gewijzigd",
      value: "latest|BESTAND"
    },
    ...RUN_FLAGS,
    ...DATA_FLAGS
  },
  notes: [
    "Uitvoer komt nooit in data/, simulations/scenarios/, de --data-map of over een gelezen scenariobestand.",
    "Afsluitcode: 0 klaar, 1 een probleem in de data, een scenario of bij het schrijven, 2 een fout in de opdrachtregel."
  ]
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

type Flags = FlagValues<typeof SIMULATE.flags>;

/** Checks the combinations of flags (each flag's own range is checked when it is read). */
function checkCombination(flags: Flags): void {
  if (flags.all) {
    if (!flags["out-dir"]) throw new UsageError("--all heeft --out-dir nodig");
    if (flags.scenario || flags.compare || flags.out) throw new UsageError("--all draait elk standaardscenario: laat --scenario, --compare en --out weg");
    return;
  }
  if (flags["out-dir"]) throw new UsageError("--out-dir hoort bij --all; gebruik anders --out");
  if (!flags.scenario) throw new UsageError("--scenario ontbreekt (of gebruik --all)");
  if (!flags.out) throw new UsageError("--out ontbreekt");
  if (![".csv", ".json"].includes(extname(flags.out).toLowerCase())) throw new UsageError(`--out moet eindigen op .csv of .json; gevonden "${flags.out}"`);
}

/** The engine's inputs for a scenario: from the data, or (--calibration) from a calibration and the realised backlog. */
function inputsFor(scenario: Scenario, flags: Flags, datasets: ReturnType<typeof loadDatasets>): ModelInputs {
  if (!flags.calibration) return prepareInputs(datasets, scenario);
  return forecastInputs(datasets, scenario, flags.calibration, {monitoringDir: join(flags.data, "monitoring")}).inputs;
}

async function summaries(a: Scenario, b: Scenario | undefined, flags: Flags, datasets: ReturnType<typeof loadDatasets>): Promise<JobSummaries> {
  const inputsA = inputsFor(a, flags, datasets);
  const inputsB = b && inputsFor(b, flags, datasets);
  checkMemoryBudget([inputsA, ...(inputsB ? [inputsB] : [])], flags.runs);
  const progress = progressBar(flags.runs, b ? `${a.id} en ${b.id}` : a.id);
  const result = await runPool(
    {a: {inputs: inputsA, scenario: a}, b: inputsB && b && {inputs: inputsB, scenario: b}, runs: flags.runs, seed: flags.seed, chunkSize: flags["chunk-size"]},
    {workers: flags.workers, onProgress: progress}
  );
  progress.done();
  return result;
}

const datasetsOf = (flags: Flags) =>
  adjustDatasets(loadDatasets(flags.data), {vacancyFactor: flags["vacancy-factor"], returnShareFactor: flags["return-share-factor"]});

async function runOne(flags: Flags, io: CliIo): Promise<void> {
  const a = readScenario(flags.scenario!);
  const b = flags.compare ? readScenario(flags.compare) : undefined;
  const read: ReadSet = {dirs: [flags.data], files: [...a.files, ...(b?.files ?? [])]};
  const out = flags.out!;
  // Refuse a bad output path before the run, not after minutes of simulating (and again just before writing).
  checkOutputs([{flag: "--out", path: out}], read);
  const datasets = datasetsOf(flags);
  const s = await summaries(a.scenario, b?.scenario, flags, datasets);
  const rows: SummaryRow[] = [...summaryRows(s.a), ...(s.b ? summaryRows(s.b) : []), ...(s.paired ? summaryRows(s.paired) : [])];
  const content =
    extname(out).toLowerCase() === ".json"
      ? JSON.stringify(
          {
            runs: flags.runs,
            seed: flags.seed,
            scenarios: [a.scenario, ...(b ? [b.scenario] : [])],
            rows,
            probabilities: [...probabilityRows(s.a), ...(s.b ? probabilityRows(s.b) : [])],
            flows: [...flowRows(s.a), ...(s.b ? flowRows(s.b) : [])]
          },
          null,
          1
        ) + "\n"
      : toCsv(rows, SUMMARY_COLUMNS);
  writeOutputs([{flag: "--out", path: out, content}], read);
  io.err(`${rows.length} rijen geschreven naar ${out}`);
}

async function runAll(flags: Flags, io: CliIo): Promise<void> {
  const loaded = scenarioIds().map((id) => readScenario(id));
  const read: ReadSet = {dirs: [flags.data], files: loaded.flatMap((l) => l.files)};
  const dir = flags["out-dir"]!;
  const names = [...loaded.map((l) => `${l.scenario.id}.csv`), "probabilities.csv", "compare.csv"];
  const target = (name: string): OutputFile => ({flag: "--out-dir", path: join(dir, name), given: dir, content: ""});
  checkOutputs(names.map(target), read);
  const datasets = datasetsOf(flags);
  const scenarios = loaded.map((l) => l.scenario);
  const agreed = scenarios.find((s) => s.id === "agreed");
  const probabilities = [];
  const compare: SummaryRow[] = [];
  // Compute everything first, write after: a failure half-way leaves the folder as it was.
  const files: OutputFile[] = [];
  for (const s of scenarios) {
    const partner = agreed && s.id !== agreed.id ? agreed : undefined;
    const result = await summaries(partner ?? s, partner ? s : undefined, flags, datasets);
    const own = result.b ?? result.a;
    files.push({...target(`${s.id}.csv`), content: toCsv(summaryRows(own), SUMMARY_COLUMNS)});
    probabilities.push(...probabilityRows(own));
    if (result.paired) compare.push(...summaryRows(result.paired));
  }
  files.push({...target("probabilities.csv"), content: toCsv(probabilities)});
  files.push({...target("compare.csv"), content: toCsv(compare, SUMMARY_COLUMNS)});
  writeOutputs(files, read);
  io.err(`${scenarios.length} scenario's geschreven naar ${dir}`);
}

/**
 * Runs `npm run simulate` with these arguments; returns the exit code (0 done, 1 a problem in data, scenario or
 * writing, 2 a bad command line). Prints through `io` (default: the terminal).
 *
 * @example
 * await main(["--scenario", "agreed", "--runs", "1000", "--out", "out/agreed.csv"]); // 0
 */
export function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand(SIMULATE, argv, io, async (flags) => {
    checkCombination(flags);
    await (flags.all ? runAll(flags, io) : runOne(flags, io));
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
