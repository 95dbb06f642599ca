// `npm run solve`: the fair-share targets of a period under a burden measure, written as a scenario file that
// `npm run simulate -- --scenario FILE.json` runs as it is. Its output goes through the shared guard (cli/outputGuard.ts).
import {extname} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {parseScenario, prepareInputs, rampPeriod, rampTotal, type Scenario} from "../index.ts";
import {readScenario} from "../scenario/files.ts";
import {DEFAULT_SEED, FIRST_YEAR, LAST_YEAR, SHARE_BAND} from "../agreement.ts";
import {MEASURE_LABEL, MEASURES, type Measure} from "../measures/definitions.ts";
import {ROBUST_EVALUATIONS} from "../solver/robust.ts";
import {InfeasibleError, proposalScenario, solveFairShare, solveRobust, formatCount, formatDecimal, formatPercent, type FairShareOptions, type FairShareSolution, type RobustSolution} from "../solver/index.ts";
import {targetsByYear} from "../model/ramp.ts";
import {dutchNumber} from "../../loaders/errors.ts";
import {parseFlags, readNumber, UsageError, type CommandSpec, type FlagSpec, type FlagValues} from "./args.ts";
import {CommandProblem, isEntryPoint, processIo, runCommand, type CliIo} from "./command.ts";
import {DATA_FLAGS, MAX_RUNS, MAX_SEED} from "./flags.ts";
import {checkOutputs, writeOutputs, type ReadSet} from "./outputGuard.ts";

/** Runs per candidate of the robust solver when --runs is not given. */
export const ROBUST_RUNS = 5_000;
/** Most candidates --robust may simulate. */
export const MAX_EVALUATIONS = 1_000;
/** Largest count a year of --fixed or --total may ask for (as a scenario's ramp allows). */
const MAX_COUNT = 100_000;
/** Largest --floor per municipality. */
const MAX_FLOOR = 10_000;

/** The command line of `npm run solve`: its flags, ranges and usage text (parsed and printed by cli/args.ts). */
export const SOLVE = {
  name: "solve",
  synopsis: [
    "npm run solve -- --period <van-tot> --measure <maat> --out <bestand.json>",
    "                 [--fixed GEMEENTE=N[,…]] [--total N] [--floor returners|N] [--cap PCT|none] [--ceiling-of lettings|suitable]",
    "                 [--band LAAG,HOOG] [--base <id|bestand.json>] [--id ID] [--data MAP]",
    "                 [--robust [--runs N] [--seed S] [--max-evaluations N]]"
  ],
  flags: {
    period: {type: "string", help: `de jaren waarvoor de doelen gelden, bijvoorbeeld 2027-2030 (elk jaar hetzelfde doel; binnen ${FIRST_YEAR}-${LAST_YEAR}); verplicht`, value: "VAN-TOT"},
    measure: {type: "string", help: `de last die zo gelijk mogelijk moet: ${MEASURES.join(" | ")} (${MEASURES.map((m) => MEASURE_LABEL[m]).join("; ")}); verplicht`, value: "MAAT"},
    out: {type: "string", help: "het scenariobestand dat wordt geschreven (.json); verplicht", value: "BESTAND.json"},
    fixed: {type: "string", help: "houd gemeenten vast op hun aantal per jaar (CBS-code of naam, bijvoorbeeld GM0307=108 of Amersfoort=108; meer met komma's); de andere verdelen de rest", value: "GEMEENTE=N[,…]"},
    total: {type: "integer", help: "plaatsingen per jaar in de regio (standaard: het ingroeipad van --base in het eerste jaar)", min: 0, max: MAX_COUNT},
    floor: {type: "string", help: `ondergrens per gemeente: returners (verwachte terugkeerders) of een geheel getal van 0 tot en met ${dutchNumber(MAX_FLOOR)}`, value: "returners|N", default: "returners"},
    cap: {type: "string", help: "bovengrens: PCT procent (groter dan 0, hoogstens 100) van de verwachte verhuringen, of none (standaard de bovenkant van --band)", value: "PCT|none"},
    "ceiling-of": {
      type: "string",
      help: "waarvan --cap een aandeel is: lettings (alle verhuringen, zoals de afspraak) of suitable (de verhuringen die na voorrangsclaims geschikt zijn, waarover het rekenmodel plaatst)",
      value: "lettings|suitable",
      default: "lettings"
    },
    band: {type: "string", help: `de band van het aandeel verhuringen: twee percentages van 0 tot en met 100 (standaard ${SHARE_BAND.map((x) => String(Math.round(x * 1000) / 10)).join(",")}: ${formatPercent(SHARE_BAND[0], 0)} tot ${formatPercent(SHARE_BAND[1], 0)})`, value: "LAAG,HOOG"},
    base: {type: "string", help: "het scenario waarvan de andere jaren en instellingen komen", value: "ID|BESTAND", default: "agreed"},
    id: {type: "string", help: "id van het nieuwe scenario: kleine letters, cijfers en streepjes (standaard fair-share-<maat>-<van>-<tot>)", value: "ID"},
    data: DATA_FLAGS.data,
    robust: {type: "boolean", help: "zoek de doelen met de grootste kans dat alle gemeenten elk jaar binnen de band blijven"},
    runs: {type: "integer", help: `doorrekeningen per kandidaat bij --robust, standaard ${dutchNumber(ROBUST_RUNS)}`, min: 1, max: MAX_RUNS},
    seed: {type: "integer", help: `startgetal bij --robust, standaard ${DEFAULT_SEED}; elke kandidaat dezelfde trekkingen`, value: "S", min: 0, max: MAX_SEED},
    "max-evaluations": {type: "integer", help: `hoeveel kandidaten --robust hoogstens doorrekent, standaard ${ROBUST_EVALUATIONS}`, min: 1, max: MAX_EVALUATIONS}
  },
  notes: [
    "Het scenario komt nooit in data/, simulations/scenarios/, de --data-map of over het --base-bestand.",
    "Afsluitcode: 0 klaar, 1 geen verdeling mogelijk of een probleem in de data, een scenario of bij het schrijven, 2 een fout in de opdrachtregel."
  ]
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

type Flags = FlagValues<typeof SOLVE.flags>;

/**
 * `--fixed GM0307=108,Soest=30`: counts by CBS code or name (the solver names an unknown municipality).
 *
 * @example
 * fixedCounts("GM0307=108"); // {GM0307: 108}
 */
export function fixedCounts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(",")) {
    const [key, value, ...rest] = part.split("=").map((x) => x.trim());
    if (!key || value === undefined || rest.length > 0) throw new UsageError(`--fixed verwacht GEMEENTE=AANTAL, bijvoorbeeld GM0307=108; gevonden "${part.trim()}"`);
    if (key in out) throw new UsageError(`--fixed noemt ${key} twee keer`);
    out[key] = readNumber("fixed", value, {type: "integer", help: "", min: 0, max: MAX_COUNT});
  }
  return out;
}

export interface SolveCliOptions {
  from: number;
  to: number;
  measure: Measure;
  out: string;
  /** Counts per year that stay fixed, by CBS code or name. */
  fixed?: Record<string, number>;
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

/** A percentage flag's text as a share: a number with a decimal point, in the flag's range (cli/args.ts's rules). */
function percent(flag: string, text: string, range: {min: number; max: number; above?: boolean}): number {
  return readNumber(flag, text, {type: "number", help: "", ...range}) / 100;
}

/**
 * The solver's options from the parsed flags: required flags, the period, measure, band, floor, cap and id checked
 * (each number's own range is checked when it is read); throws a UsageError (Dutch) naming the flag.
 *
 * @example
 * const flags = parseFlags(SOLVE, ["--period", "2027-2030", "--measure", "lettings", "--out", "x.json"]);
 * if (flags !== "help") solveOptions(flags).from; // 2027
 */
export function solveOptions(flags: Flags): SolveCliOptions {
  if (flags.period === undefined) throw new UsageError("--period ontbreekt, bijvoorbeeld --period 2027-2030");
  const period = /^(\d{4})(?:-(\d{4}))?$/.exec(flags.period);
  const from = Number(period?.[1]);
  const to = Number(period?.[2] ?? period?.[1]);
  if (!period || to < from) throw new UsageError(`--period moet twee jaren zijn als 2027-2030 (of één jaar); gevonden "${flags.period}"`);
  if (from < FIRST_YEAR || to > LAST_YEAR) throw new UsageError(`--period moet binnen de jaren van de afspraak liggen, ${FIRST_YEAR}-${LAST_YEAR}; gevonden "${flags.period}"`);
  if (flags.measure === undefined) throw new UsageError(`--measure ontbreekt: ${MEASURES.join(", ")}`);
  if (!(MEASURES as readonly string[]).includes(flags.measure)) throw new UsageError(`--measure moet een van ${MEASURES.join(", ")} zijn; gevonden "${flags.measure}"`);
  if (flags.out === undefined) throw new UsageError("--out ontbreekt (een .json-bestand)");
  if (extname(flags.out).toLowerCase() !== ".json") throw new UsageError(`--out moet op .json eindigen; gevonden "${flags.out}"`);
  let band: [number, number] = [SHARE_BAND[0], SHARE_BAND[1]];
  if (flags.band !== undefined) {
    // "7,18" is two percentages (so a percentage takes a decimal point: 7.5,18).
    const parts = flags.band.split(/[;,]/);
    if (parts.length !== 2) throw new UsageError(`--band moet twee percentages zijn als 7,18; gevonden "${flags.band}"`);
    const [low, high] = parts.map((p) => percent("band", p.trim(), {min: 0, max: 100})) as [number, number];
    if (low > high) throw new UsageError(`--band: de ondergrens ${formatPercent(low)} ligt boven de bovengrens ${formatPercent(high)}`);
    band = [low, high];
  }
  let floor: "returners" | number = "returners";
  if (flags.floor !== "returners") {
    if (!/^\d+$/.test(flags.floor) || Number(flags.floor) > MAX_FLOOR) throw new UsageError(`--floor moet returners of een geheel getal van 0 tot en met ${dutchNumber(MAX_FLOOR)} zijn; gevonden ${JSON.stringify(flags.floor.slice(0, 40))}`);
    floor = Number(flags.floor);
  }
  const cap = flags.cap === undefined ? band[1] : flags.cap === "none" ? null : percent("cap", flags.cap, {min: 0, above: true, max: 100});
  const ceilingOf = flags["ceiling-of"];
  if (ceilingOf !== "lettings" && ceilingOf !== "suitable") throw new UsageError(`--ceiling-of moet lettings of suitable zijn; gevonden "${ceilingOf}"`);
  if (!flags.robust) {
    for (const flag of ["runs", "seed", "max-evaluations"] as const) if (flags[flag] !== undefined) throw new UsageError(`--${flag} hoort bij --robust`);
  }
  if (flags.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(flags.id)) throw new UsageError(`--id moet uit kleine letters, cijfers en streepjes bestaan; gevonden "${flags.id}"`);
  return {
    from,
    to,
    measure: flags.measure as Measure,
    out: flags.out,
    ...(flags.fixed !== undefined && {fixed: fixedCounts(flags.fixed)}),
    ...(flags.total !== undefined && {total: flags.total}),
    floor,
    cap,
    ceilingOf,
    band,
    base: flags.base,
    ...(flags.id !== undefined && {id: flags.id}),
    data: flags.data,
    robust: flags.robust,
    runs: flags.runs ?? ROBUST_RUNS,
    seed: flags.seed ?? DEFAULT_SEED,
    maxEvaluations: flags["max-evaluations"] ?? ROBUST_EVALUATIONS
  };
}

/**
 * Parses a command line the way `npm run solve` does; `null` means --help. Throws a UsageError (Dutch) naming the flag.
 *
 * @example
 * parseSolveOptions(["--period", "2027-2030", "--measure", "lettings", "--out", "x.json"])?.floor; // "returners"
 */
export function parseSolveOptions(argv: readonly string[]): SolveCliOptions | null {
  const flags = parseFlags(SOLVE, argv);
  return flags === "help" ? null : solveOptions(flags);
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

async function run(options: SolveCliOptions, io: CliIo): Promise<void> {
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
      throw new UsageError(`het scenario "${base.id}" heeft geen ingroeipad voor ${options.from}; geef --total`);
    }
  }
  for (const key of Object.keys(options.fixed ?? {})) {
    if (!inputs.municipalities.some((m) => m.code === key || m.name === key)) {
      throw new UsageError(`--fixed: onbekende gemeente "${key}" (geef de CBS-code of de naam van een van ${inputs.municipalities.map((m) => m.name).join(", ")})`);
    }
  }
  const problem: FairShareOptions = {
    from: options.from,
    to: options.to,
    measure: options.measure,
    total,
    ...(options.fixed !== undefined && {fixed: options.fixed}),
    floor: options.floor,
    ...(options.cap !== undefined && {cap: options.cap}),
    ceilingOf: options.ceilingOf
  };
  let solution: FairShareSolution | RobustSolution;
  try {
    solution = options.robust
      ? solveRobust(inputs, base, problem, {runs: options.runs, seed: options.seed, band: options.band, maxEvaluations: options.maxEvaluations})
      : solveFairShare(inputs, base, problem);
  } catch (e) {
    if (e instanceof InfeasibleError) throw new CommandProblem(`Geen verdeling mogelijk:\n${e.message}`);
    throw e;
  }
  const json = proposalScenario(base, solution, options.id !== undefined ? {id: options.id} : {});
  // What is written must be a scenario the engine runs: validate it and compute its targets before writing.
  const parsed = parseScenario(json, options.out);
  targetsByYear(inputs, parsed);
  writeOutputs([{flag: "--out", path: options.out, content: JSON.stringify(json, null, 2) + "\n"}], read);
  io.out(report(solution, base));
  io.err(`\nScenario geschreven naar ${options.out}; doorrekenen met: npm run simulate -- --scenario ${options.out} --out <uitvoer.csv>`);
}

/**
 * Runs `npm run solve` with these arguments; returns the exit code (0 done; 1 no feasible split, or a problem in the
 * data, a scenario or writing; 2 a bad command line), as `simulate` and `recalibrate` do.
 *
 * @example
 * await main(["--period", "2027-2030", "--measure", "lettings", "--out", "out/fair.json"]); // 0
 */
export function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand(SOLVE, argv, io, (flags, io) => run(solveOptions(flags), io));
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
