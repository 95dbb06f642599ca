// `npm run solve`: the fair-share targets of a period under a burden measure, written as a scenario file that
// `npm run simulate -- --scenario FILE.json` runs as it is. Its output goes through the shared guard (cli/outputGuard.ts).
import {parseArgs} from "node:util";
import {extname} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {parseScenario, prepareInputs, rampPeriod, rampTotal, ScenarioError, type Scenario} from "../index.ts";
import {readScenario} from "../scenario/files.ts";
import {DEFAULT_SEED, LEAD_MUNICIPALITY, SHARE_BAND} from "../agreement.ts";
import {MEASURE_LABEL, MEASURES, type Measure} from "../measures/definitions.ts";
import {ROBUST_EVALUATIONS} from "../solver/robust.ts";
import {InfeasibleError, proposalScenario, solveFairShare, solveRobust, formatCount, formatDecimal, formatPercent, type FairShareOptions, type FairShareSolution, type RobustSolution} from "../solver/index.ts";
import {targetsByYear} from "../model/ramp.ts";
import {UsageError} from "./args.ts";
import {checkOutputs, writeOutputs, WriteError, type ReadSet} from "./outputGuard.ts";

/** Runs per candidate of the robust solver when --runs is not given. */
export const ROBUST_RUNS = 5_000;

export const USAGE = `Gebruik:
  npm run solve -- --period <van-tot> --measure <maat> --out <bestand.json>
                   [--amersfoort N] [--total N] [--floor returners|N] [--cap PCT|none] [--ceiling-of lettings|suitable]
                   [--band LAAG,HOOG] [--base <id|bestand.json>] [--id ID] [--data MAP]
                   [--robust [--runs N] [--seed S] [--max-evaluations N]]

  --period     de jaren waarvoor de doelen gelden, bijvoorbeeld 2027-2030 (elk jaar hetzelfde doel)
  --measure    de last die zo gelijk mogelijk moet: ${MEASURES.join(" | ")}
               (${MEASURES.map((m) => MEASURE_LABEL[m]).join("; ")})
  --out        het scenariobestand dat wordt geschreven (.json; niet in data/ of simulations/scenarios/)
  --amersfoort houd Amersfoort vast op N per jaar; de andere zeven verdelen de rest
  --total      plaatsingen per jaar in de regio (standaard: het ingroeipad van --base in het eerste jaar, 227)
  --floor      ondergrens per gemeente: returners (verwachte terugkeerders, standaard) of een getal
  --cap        bovengrens: PCT procent van de verwachte verhuringen (standaard de bovenkant van de band), of none
  --ceiling-of waarvan --cap een aandeel is: lettings (alle verhuringen, zoals de afspraak; standaard) of
               suitable (de verhuringen die na voorrangsclaims geschikt zijn, waarover het rekenmodel plaatst)
  --band       de band van het aandeel verhuringen in procenten (standaard ${SHARE_BAND.map((x) => x * 100).join(",")})
  --base       het scenario waarvan de andere jaren en instellingen komen (standaard agreed)
  --id         id van het nieuwe scenario (standaard fair-share-<maat>-<van>-<tot>)
  --data       map met de gegevens (standaard data)
  --robust     zoek de doelen met de grootste kans dat alle gemeenten elk jaar binnen de band blijven
  --runs       doorrekeningen per kandidaat bij --robust (standaard ${ROBUST_RUNS})
  --seed       startgetal bij --robust (standaard ${DEFAULT_SEED}); elke kandidaat dezelfde trekkingen
  --max-evaluations  hoeveel kandidaten --robust hoogstens doorrekent (standaard ${ROBUST_EVALUATIONS})
  --help       deze tekst`;



function integer(value: string | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} moet een geheel getal van ${formatCount(min)} tot en met ${formatCount(max)} zijn, niet "${value}"`);
  return Number(value);
}

function percent(value: string, name: string): number {
  if (!/^\d+([.,]\d+)?$/.test(value) || Number(value.replace(",", ".")) > 100) throw new UsageError(`--${name} moet een percentage van 0 tot en met 100 zijn, niet "${value}"`);
  return Number(value.replace(",", ".")) / 100;
}

export interface SolveCliOptions {
  from: number;
  to: number;
  measure: Measure;
  out: string;
  amersfoort?: number;
  total?: number;
  floor: "returners" | number;
  cap?: number | null;
  ceilingOf: "lettings" | "suitable";
  band: [number, number];
  base: string;
  id?: string;
  data: string;
  robust: boolean;
  runs: number;
  seed: number;
  maxEvaluations: number;
}

/** Parses the command line; throws a UsageError (Dutch) naming the flag. `null` means --help. */
export function parseSolveOptions(argv: readonly string[]): SolveCliOptions | null {
  let values;
  try {
    ({values} = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        period: {type: "string"},
        measure: {type: "string"},
        out: {type: "string"},
        amersfoort: {type: "string"},
        total: {type: "string"},
        floor: {type: "string"},
        cap: {type: "string"},
        "ceiling-of": {type: "string"},
        band: {type: "string"},
        base: {type: "string"},
        id: {type: "string"},
        data: {type: "string"},
        robust: {type: "boolean", default: false},
        runs: {type: "string"},
        seed: {type: "string"},
        "max-evaluations": {type: "string"},
        help: {type: "boolean", default: false}
      }
    }));
  } catch (e) {
    const m = /option '([^']+)'/.exec((e as Error).message);
    throw new UsageError(m ? `onbekende of onvolledige optie ${m[1]}` : (e as Error).message);
  }
  if (values.help) return null;
  if (values.period === undefined) throw new UsageError("--period is verplicht, bijvoorbeeld --period 2027-2030");
  const period = /^(\d{4})(?:-(\d{4}))?$/.exec(values.period);
  if (!period || Number(period[2] ?? period[1]) < Number(period[1])) throw new UsageError(`--period moet twee jaren zijn als 2027-2030 (of één jaar), niet "${values.period}"`);
  if (values.measure === undefined) throw new UsageError(`--measure is verplicht: ${MEASURES.join(", ")}`);
  if (!(MEASURES as readonly string[]).includes(values.measure)) throw new UsageError(`--measure moet een van ${MEASURES.join(", ")} zijn, niet "${values.measure}"`);
  if (values.out === undefined) throw new UsageError("--out is verplicht (een .json-bestand)");
  if (extname(values.out).toLowerCase() !== ".json") throw new UsageError(`--out moet op .json eindigen, niet "${values.out}"`);
  let band: [number, number] = [SHARE_BAND[0], SHARE_BAND[1]];
  if (values.band !== undefined) {
    const parts = values.band.split(/[;,]/);
    // "7,18" is two percentages; a decimal comma inside one is not possible here, so a decimal point is used.
    if (parts.length !== 2) throw new UsageError(`--band moet twee percentages zijn als 7,18, niet "${values.band}"`);
    const [low, high] = parts.map((p) => percent(p.replace(",", "."), "band")) as [number, number];
    if (low > high) throw new UsageError(`--band: de ondergrens ${formatPercent(low)} ligt boven de bovengrens ${formatPercent(high)}`);
    band = [low, high];
  }
  let floor: "returners" | number = "returners";
  if (values.floor !== undefined && values.floor !== "returners") floor = integer(values.floor, "floor", 0, 10_000)!;
  let cap: number | null | undefined = band[1];
  if (values.cap !== undefined) cap = values.cap === "none" ? null : percent(values.cap, "cap");
  if (cap === 0) throw new UsageError("--cap moet groter dan 0 zijn (of none)");
  const ceilingOf = values["ceiling-of"] ?? "lettings";
  if (ceilingOf !== "lettings" && ceilingOf !== "suitable") throw new UsageError(`--ceiling-of moet lettings of suitable zijn, niet "${ceilingOf}"`);
  if (!values.robust) {
    for (const flag of ["runs", "seed", "max-evaluations"] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} hoort bij --robust`);
  }
  if (values.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(values.id)) throw new UsageError(`--id moet uit kleine letters, cijfers en streepjes bestaan, niet "${values.id}"`);
  const amersfoort = integer(values.amersfoort, "amersfoort", 0, 100_000);
  const total = integer(values.total, "total", 0, 100_000);
  return {
    from: Number(period[1]),
    to: Number(period[2] ?? period[1]),
    measure: values.measure as Measure,
    out: values.out,
    ...(amersfoort !== undefined && {amersfoort}),
    ...(total !== undefined && {total}),
    floor,
    cap,
    ceilingOf,
    band,
    base: values.base ?? "agreed",
    ...(values.id !== undefined && {id: values.id}),
    data: values.data ?? "data",
    robust: values.robust ?? false,
    runs: integer(values.runs, "runs", 1, 1_000_000) ?? ROBUST_RUNS,
    seed: integer(values.seed, "seed", 0) ?? DEFAULT_SEED,
    maxEvaluations: integer(values["max-evaluations"], "max-evaluations", 1, 1000) ?? ROBUST_EVALUATIONS
  };
}

const BINDING: Record<string, string> = {floor: "ondergrens", ceiling: "bovengrens", fixed: "vast"};

/** The Dutch report of a solution, as printed on stdout. */
export function report(solution: FairShareSolution | RobustSolution, base: Scenario): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (s: string, n: number) => s.padStart(n);
  const lines = [
    `Eerlijke verdeling ${solution.from}-${solution.to}: ${formatCount(solution.total)} plaatsingen per jaar, zwaarste last zo klein mogelijk (${MEASURE_LABEL[solution.measure]}).`,
    "",
    `${pad("gemeente", 12)}${num("doel", 6)}${num(`"${base.id}"`, 12)}${num("verschil", 10)}${num("last", 8)}${num("aandeel", 9)}${num("ondergrens", 12)}${num("bovengrens", 12)}  bindt`
  ];
  solution.municipalities.forEach((m, i) => {
    lines.push(
      `${pad(m.name, 12)}${num(formatCount(solution.targets[i]!), 6)}${num(formatDecimal(solution.agreed[i]!, 1), 12)}${num(formatDecimal(solution.gap[i]!, 1), 10)}${num(formatDecimal(solution.burdens[i]!, 2), 8)}${num(formatPercent(solution.expectedShares[i]!), 9)}${num(formatCount(solution.floors[i]!), 12)}${num(solution.ceilings[i] === Infinity ? "–" : formatCount(solution.ceilings[i]!), 12)}  ${BINDING[solution.binding[i] ?? ""] ?? ""}`
    );
  });
  lines.push("", `Zwaarste verwachte last gedeeld door de lichtste: ${formatDecimal(solution.maxMin, 2)}×.`);
  if ("pAllWithin" in solution) {
    const band = `${formatDecimal(solution.band[0] * 100, 0)}-${formatPercent(solution.band[1], 0)}`;
    lines.push(
      `Kans dat alle gemeenten elk jaar ${solution.from}-${solution.to} binnen ${band} van hun verhuringen blijven: ${formatPercent(solution.pAllWithin)} (de lexicografische verdeling: ${formatPercent(solution.pAllWithinStart)}; "${base.id}": ${formatPercent(solution.pAllWithinBase)}).`,
      `${solution.evaluations} kandidaten doorgerekend met ${formatCount(solution.runs)} runs en startgetal ${solution.seed} (dezelfde trekkingen voor elke kandidaat); ${solution.converged ? "geen van de geprobeerde stappen verbeterde nog" : "het maximum aantal kandidaten is bereikt"}.`
    );
  }
  return lines.join("\n");
}

async function run(options: SolveCliOptions): Promise<void> {
  const loaded = readScenario(options.base);
  const base = loaded.scenario;
  // The shared guard: never into data/, the scenarios or a file this command reads (links and `..` resolved).
  const read: ReadSet = {dirs: [options.data], files: loaded.files};
  checkOutputs([{flag: "--out", path: options.out}], read);
  const datasets = loadDatasets(options.data);
  const inputs = prepareInputs(datasets, base);
  let total = options.total;
  if (total === undefined) {
    try {
      total = rampTotal(rampPeriod(base.ramp, options.from));
    } catch {
      throw new Error(`het scenario "${base.id}" heeft geen ingroeipad voor ${options.from}; geef --total`);
    }
  }
  const lead = inputs.municipalities.find((m) => m.code === LEAD_MUNICIPALITY)!;
  const problem: FairShareOptions = {
    from: options.from,
    to: options.to,
    measure: options.measure,
    total,
    ...(options.amersfoort !== undefined && {fixed: {[lead.code]: options.amersfoort}}),
    floor: options.floor,
    ...(options.cap !== undefined && {cap: options.cap}),
    ceilingOf: options.ceilingOf
  };
  const solution = options.robust
    ? solveRobust(inputs, base, problem, {runs: options.runs, seed: options.seed, band: options.band, maxEvaluations: options.maxEvaluations})
    : solveFairShare(inputs, base, problem);
  const json = proposalScenario(base, solution, options.id !== undefined ? {id: options.id} : {});
  // What is written must be a scenario the engine runs: validate it and compute its targets before writing.
  const parsed = parseScenario(json, options.out);
  targetsByYear(inputs, parsed);
  writeOutputs([{flag: "--out", path: options.out, content: JSON.stringify(json, null, 2) + "\n"}], read);
  console.log(report(solution, base));
  console.error(`\nScenario geschreven naar ${options.out}; doorrekenen met: npm run simulate -- --scenario ${options.out} --out <uitvoer.csv>`);
}

/** Runs the command line; returns the exit code (0 done, 1 infeasible or bad data, 2 bad flags). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseSolveOptions(argv);
    if (options === null) {
      console.log(USAGE);
      return 0;
    }
    await run(options);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`fout: ${e.message}\n`);
      console.error(USAGE);
      return 2;
    }
    if (e instanceof InfeasibleError) {
      console.error(`Geen verdeling mogelijk; er is niets geschreven.\n${e.message}`);
      return 1;
    }
    console.error(e instanceof ScenarioError || e instanceof WriteError ? e.message : `fout: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
