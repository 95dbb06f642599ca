// The flags the engine's command lines share (simulate, and solve), with their documented ranges. The ranges keep
// every count inside its array type and the memory of a run bounded: see "Ranges" in simulations/README.md.
import {DEFAULT_RUNS, DEFAULT_SEED} from "../agreement.ts";
import {DEFAULT_CHUNK} from "../runner/chunked.ts";
import type {FlagSpec} from "./args.ts";

/** Most Monte Carlo runs of one command (a million runs give quantiles far finer than the data). */
export const MAX_RUNS = 1_000_000;
/** Largest seed: the random streams take a 32-bit unsigned seed. */
export const MAX_SEED = 4_294_967_295;
/** Most worker threads (each holds a chunk of results; more threads than cores only costs memory). */
export const MAX_WORKERS = 16;
/** Most runs simulated at once per thread (a chunk of 50.000 runs holds about 70 MB of results). */
export const MAX_CHUNK = 50_000;
/** Range of --vacancy-factor (the page "Prognoses toetsen" offers 0,7-1,3). */
export const VACANCY_FACTOR_RANGE = {min: 0.1, max: 3} as const;
/** Range of --return-share-factor (the page offers 0,5-1,5; the share itself is capped at 1). */
export const RETURN_SHARE_FACTOR_RANGE = {min: 0, max: 3} as const;

/** The run flags: runs, seed, workers, chunk size. */
export const RUN_FLAGS = {
  runs: {type: "integer", help: "aantal Monte Carlo-runs", min: 1, max: MAX_RUNS, default: DEFAULT_RUNS},
  seed: {type: "integer", help: "startgetal van het toeval; hetzelfde getal geeft dezelfde cijfers", value: "S", min: 0, max: MAX_SEED, default: DEFAULT_SEED},
  workers: {type: "integer", help: "aantal threads; de cijfers hangen er niet van af", min: 1, max: MAX_WORKERS, default: 1},
  "chunk-size": {type: "integer", help: "runs per keer per thread; alleen geheugen en snelheid, nooit de cijfers", min: 1, max: MAX_CHUNK, default: DEFAULT_CHUNK}
} as const satisfies Record<string, FlagSpec>;

/** The data flags: the data folder and the data assumptions of the page "Prognoses toetsen". */
export const DATA_FLAGS = {
  data: {type: "string", help: "map met de data", value: "MAP", default: "data"},
  "vacancy-factor": {type: "number", help: "vermenigvuldiger op elke reeks vrijkomende woningen, zoals op de pagina Prognoses toetsen", ...VACANCY_FACTOR_RANGE, default: 1},
  "return-share-factor": {type: "number", help: "vermenigvuldiger op het terugkeeraandeel van elke groep (hoogstens 1), zoals op die pagina", ...RETURN_SHARE_FACTOR_RANGE, default: 1}
} as const satisfies Record<string, FlagSpec>;
