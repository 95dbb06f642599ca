// Running a command line the same way everywhere: --help on stdout (exit 0), a bad flag with the usage on stderr
// (exit 2), a problem in the data or a scenario listed in Dutch (exit 1), and nothing written unless all is well.
// Every command exports `main(argv, io)` built on `runCommand`, so tests run it in-process.
import {pathToFileURL} from "node:url";
import {DatasetError} from "../../loaders/errors.ts";
import {ScenarioError} from "../scenario/errors.ts";
import {parseFlags, usage, UsageError, type CommandSpec, type FlagSpec, type FlagValues} from "./args.ts";
import {WriteError} from "./outputGuard.ts";
import {BudgetError} from "./budget.ts";
import {dutchEngineError} from "./messages.ts";
import {CalibrationError} from "../recalibration/forecast.ts";

/** Where a command prints: `out` for results and help, `err` for progress and problems. One call per message. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The real terminal. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`)
};

/** Exit codes of every command line. */
export const EXIT = {ok: 0, problem: 1, usage: 2} as const;

const NOTHING_WRITTEN = "Er is niets geschreven.";

/** A refusal a command explains itself, in Dutch (such as a problem without a solution): exit 1, nothing written. */
export class CommandProblem extends Error {
  override readonly name = "CommandProblem";
}

/**
 * Parses the flags and runs `body`; maps every failure to its Dutch message and exit code (0 done, 1 a problem
 * in the data, a scenario or writing, 2 a bad command line, also an output path that would touch an input).
 *
 * @example
 * export const main = (argv: readonly string[], io: CliIo = processIo) =>
 *   runCommand(SOLVE, argv, io, async (flags) => { ... });
 */
export async function runCommand<F extends Readonly<Record<string, FlagSpec>>>(
  command: CommandSpec<F>,
  argv: readonly string[],
  io: CliIo,
  body: (flags: FlagValues<F>, io: CliIo) => Promise<void> | void
): Promise<number> {
  try {
    const flags = parseFlags(command, argv);
    if (flags === "help") {
      io.out(usage(command));
      return EXIT.ok;
    }
    await body(flags, io);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`fout: ${e.message}\n\n${usage(command)}`);
      return EXIT.usage;
    }
    if (e instanceof ScenarioError || e instanceof DatasetError || e instanceof CalibrationError || e instanceof CommandProblem) io.err(`${e.message}\n${NOTHING_WRITTEN}`);
    else if (e instanceof WriteError) io.err(`fout: ${e.message}`);
    else if (e instanceof BudgetError) io.err(`fout: ${e.message}\n${NOTHING_WRITTEN}`);
    else io.err(`fout: ${dutchEngineError((e as Error)?.message ?? String(e))}\n${NOTHING_WRITTEN}`);
    return EXIT.problem;
  }
}

/**
 * Whether the module with this `import.meta.url` is the script node was started with (not imported by a test).
 *
 * @example
 * if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
 */
export function isEntryPoint(moduleUrl: string): boolean {
  return moduleUrl === pathToFileURL(process.argv[1] ?? "").href;
}
