// `npm run simulate`: run a scenario (and optionally compare it with another) and write the tidy summary table.
import {parseArgs} from "node:util";
import {extname, join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {adjustDatasets, prepareInputs, toCsv, summaryRows, probabilityRows, type DataAssumptions, type Scenario, type SummaryRow, ScenarioError} from "../index.ts";
import {loadScenario, scenarioIds} from "../scenario/files.ts";
import {runPool} from "../runner/pool.ts";
import {DEFAULT_CHUNK, type JobSummaries} from "../runner/chunked.ts";
import {DEFAULT_RUNS, DEFAULT_SEED, SUMMARY_COLUMNS} from "../agreement.ts";
import {writeAtomic} from "./atomicWrite.ts";
import {progressBar} from "./progress.ts";

export const USAGE = `Usage:
  npm run simulate -- --scenario <id|file.json> [--compare <id|file.json>] --out <file.csv|file.json>
                      [--runs N] [--seed S] [--workers N] [--chunk-size N] [--data DIR]
                      [--vacancy-factor X] [--return-share-factor X]
  npm run simulate -- --all --out-dir <dir> [--runs N] [--seed S] [--workers N] [--data DIR]

  --scenario   a scenario id (simulations/scenarios/<id>.json) or a path to a scenario file
  --compare    a second scenario: adds its rows and the paired differences (scenario column "B-A")
  --out        where to write: .csv (tidy table) or .json (table, probabilities and settings)
  --all        run every default scenario; writes <id>.csv per scenario, probabilities.csv, and
               compare.csv (each scenario minus "agreed", run by run)
  --runs       Monte Carlo runs (default 10000)
  --seed       non-negative integer (default 1); the same seed gives the same numbers
  --workers    worker threads (default 1); the numbers do not depend on it
  --chunk-size runs simulated at once per thread (default 10000); memory and speed only, never the numbers
  --data       data folder (default data)
  --vacancy-factor       multiplier on every vacancy series (default 1), as on the page "Prognoses toetsen"
  --return-share-factor  multiplier on every group's return share, capped at 1 (default 1), as on that page`;

const COLUMNS = SUMMARY_COLUMNS;

class UsageError extends Error {}

function factor(value: string | undefined, name: string): number {
  if (value === undefined) return 1;
  const x = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(x > 0)) throw new UsageError(`--${name} must be a number > 0 with a decimal point, got "${value}"`);
  return x;
}

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  }
  return Number(value);
}

export interface Options {
  scenario?: string;
  compare?: string;
  out?: string;
  all: boolean;
  outDir?: string;
  runs: number;
  seed: number;
  workers: number;
  chunkSize: number;
  data: string;
  /** Data assumptions applied to the datasets before the run (both 1: the data as it is). */
  assumptions: DataAssumptions;
}

/** Parses the command line; throws a UsageError with what is wrong. */
export function parseOptions(argv: readonly string[]): Options {
  let values;
  try {
    ({values} = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scenario: {type: "string"},
        compare: {type: "string"},
        out: {type: "string"},
        all: {type: "boolean", default: false},
        "out-dir": {type: "string"},
        runs: {type: "string"},
        seed: {type: "string"},
        workers: {type: "string"},
        "chunk-size": {type: "string"},
        data: {type: "string"},
        "vacancy-factor": {type: "string"},
        "return-share-factor": {type: "string"},
        help: {type: "boolean", default: false}
      }
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) throw new UsageError("");
  const options: Options = {
    all: values.all ?? false,
    runs: integer(values.runs, "runs", DEFAULT_RUNS, 1),
    seed: integer(values.seed, "seed", DEFAULT_SEED, 0),
    workers: integer(values.workers, "workers", 1, 1),
    chunkSize: integer(values["chunk-size"], "chunk-size", DEFAULT_CHUNK, 1),
    data: values.data ?? "data",
    assumptions: {
      vacancyFactor: factor(values["vacancy-factor"], "vacancy-factor"),
      returnShareFactor: factor(values["return-share-factor"], "return-share-factor")
    },
    ...(values.scenario !== undefined && {scenario: values.scenario}),
    ...(values.compare !== undefined && {compare: values.compare}),
    ...(values.out !== undefined && {out: values.out}),
    ...(values["out-dir"] !== undefined && {outDir: values["out-dir"]})
  };
  if (options.all) {
    if (!options.outDir) throw new UsageError("--all needs --out-dir");
    if (options.scenario || options.compare || options.out) throw new UsageError("--all runs every default scenario: leave out --scenario, --compare and --out");
  } else {
    if (!options.scenario) throw new UsageError("--scenario is required (or --all)");
    if (!options.out) throw new UsageError("--out is required");
    if (![".csv", ".json"].includes(extname(options.out).toLowerCase())) throw new UsageError(`--out must end in .csv or .json, got "${options.out}"`);
  }
  return options;
}

async function summaries(a: Scenario, b: Scenario | undefined, options: Options, datasets: ReturnType<typeof loadDatasets>): Promise<JobSummaries> {
  const progress = progressBar(options.runs, b ? `${a.id} en ${b.id}` : a.id);
  const result = await runPool(
    {
      a: {inputs: prepareInputs(datasets, a), scenario: a},
      b: b && {inputs: prepareInputs(datasets, b), scenario: b},
      runs: options.runs,
      seed: options.seed,
      chunkSize: options.chunkSize
    },
    {workers: options.workers, onProgress: progress}
  );
  progress.done();
  return result;
}

async function runOne(options: Options): Promise<void> {
  const a = loadScenario(options.scenario!);
  const b = options.compare ? loadScenario(options.compare) : undefined;
  const datasets = adjustDatasets(loadDatasets(options.data), options.assumptions);
  const s = await summaries(a, b, options, datasets);
  const rows: SummaryRow[] = [...summaryRows(s.a), ...(s.b ? summaryRows(s.b) : []), ...(s.paired ? summaryRows(s.paired) : [])];
  const out = options.out!;
  if (extname(out).toLowerCase() === ".json") {
    const probabilities = [...probabilityRows(s.a), ...(s.b ? probabilityRows(s.b) : [])];
    writeAtomic(out, JSON.stringify({runs: options.runs, seed: options.seed, scenarios: [a, ...(b ? [b] : [])], rows, probabilities}, null, 1) + "\n");
  } else {
    writeAtomic(out, toCsv(rows, COLUMNS));
  }
  console.error(`${rows.length} rijen geschreven naar ${out}`);
}

async function runAll(options: Options): Promise<void> {
  const datasets = adjustDatasets(loadDatasets(options.data), options.assumptions);
  const scenarios = scenarioIds().map((id) => loadScenario(id));
  const agreed = scenarios.find((s) => s.id === "agreed");
  const probabilities = [];
  const compare: SummaryRow[] = [];
  // Compute everything first, write after: a failure half-way leaves the folder as it was.
  const files: [string, string][] = [];
  for (const s of scenarios) {
    const partner = agreed && s.id !== agreed.id ? agreed : undefined;
    const result = await summaries(partner ?? s, partner ? s : undefined, options, datasets);
    const own = result.b ?? result.a;
    files.push([join(options.outDir!, `${s.id}.csv`), toCsv(summaryRows(own), COLUMNS)]);
    probabilities.push(...probabilityRows(own));
    if (result.paired) compare.push(...summaryRows(result.paired));
  }
  files.push([join(options.outDir!, "probabilities.csv"), toCsv(probabilities)]);
  files.push([join(options.outDir!, "compare.csv"), toCsv(compare, COLUMNS)]);
  for (const [path, content] of files) writeAtomic(path, content);
  console.error(`${scenarios.length} scenario's geschreven naar ${options.outDir}`);
}

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    await (options.all ? runAll(options) : runOne(options));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`fout: ${e.message}\n`);
      console.error(USAGE);
      return 2;
    }
    console.error(e instanceof ScenarioError ? e.message : `fout: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
