// Node-only: reading scenario files from disk (the pages use the bundled defaults in scenarios/index.ts).
// A scenario file stays inside the project: `--scenario` reads a .json file (or a default id), and `extends`
// names an id, found beside the scenario given or among the defaults, never through a symlink that leads
// elsewhere. A refused file is named, its content never quoted.
import {closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync} from "node:fs";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {decodeUtf8} from "../../loaders/encoding.ts";
import {parseScenario, SCENARIO_ID, type BaseLookup} from "./parse.ts";
import {ScenarioError} from "./errors.ts";
import {jsonSyntaxError} from "./jsonSyntax.ts";
import type {Scenario} from "./schema.ts";

/** The folder of the default scenario files. */
export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios");

/** Largest scenario file read (a scenario is a few hundred bytes; this refuses a wrong file before reading it). */
export const MAX_SCENARIO_BYTES = 1_000_000;

function label(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

const fail = (file: string, message: string): never => {
  throw new ScenarioError(label(file), [{path: "$", message}]);
};

// Reads at most MAX_SCENARIO_BYTES + 1 bytes of a regular file: a folder, a device (/dev/zero) or a pipe is refused
// before a byte is read, so nothing can hang or fill the memory.
function readBytes(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(path, code === "ENOENT" ? "bestand niet gevonden" : `bestand niet leesbaar (${code ?? "onbekende oorzaak"})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail(path, "geen gewoon bestand (een map, apparaat of pipe); verwacht een .json-bestand");
    if (stat.size > MAX_SCENARIO_BYTES) fail(path, `te groot voor een scenario (${stat.size} bytes; hoogstens ${MAX_SCENARIO_BYTES})`);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_SCENARIO_BYTES) + 1);
    let n = 0;
    for (let k; n < buffer.length && (k = readSync(fd, buffer, n, buffer.length - n, null)) > 0; ) n += k;
    if (n > MAX_SCENARIO_BYTES) fail(path, `te groot voor een scenario (meer dan ${MAX_SCENARIO_BYTES} bytes)`);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and parses one JSON file: UTF-8 with or without a byte order mark; another encoding or a syntax error is
 * named with its line and column, without quoting the text.
 *
 * @example
 * readJsonFile("simulations/scenarios/agreed.json").id; // "agreed"
 */
export function readJsonFile(path: string): unknown {
  const decoded = decodeUtf8(readBytes(path));
  if (!("text" in decoded)) return fail(path, `verwacht UTF-8-tekst; dit bestand is ${decoded.problem} (regel ${decoded.line}). Sla het op als UTF-8`);
  try {
    return JSON.parse(decoded.text);
  } catch {
    const at = jsonSyntaxError(decoded.text);
    return fail(path, `geen geldige JSON${at ? ` (regel ${at.line}, kolom ${at.column})` : ""}; verwacht een scenario als JSON-object { … }`);
  }
}

const within = (file: string, dir: string): boolean => {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
};

/**
 * Finds `<id>.json` beside the scenario being read, then among the default scenarios; a file whose real path
 * (symlinks resolved) leaves its folder is refused. Every file read is added to `read`.
 */
function lookupNear(dir: string, read: string[]): BaseLookup {
  return (id) => {
    if (!SCENARIO_ID.test(id)) return undefined;
    for (const d of [dir, SCENARIO_DIR]) {
      const path = join(d, `${id}.json`);
      if (!existsSync(path)) continue;
      const real = realpathSync(path);
      if (!within(real, realpathSync(d))) fail(path, "verwijst (via een symbolische link) naar een bestand buiten de map van het scenario; extends leest alleen bestanden naast het scenario of de standaardscenario's");
      read.push(real);
      return {json: readJsonFile(path), label: label(path)};
    }
    return undefined;
  };
}

/** A scenario and every file read for it (the file itself and its `extends` chain, real paths). */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly files: readonly string[];
}

/**
 * `loadScenario`, also returning the files it read, so a command line can refuse to write over them.
 *
 * @example
 * readScenario("./mine.json").files; // [<absolute path of mine.json>, <absolute path of simulations/scenarios/agreed.json>]
 */
export function readScenario(nameOrFile: string): LoadedScenario {
  const isPath = /\.json$/i.test(nameOrFile) || nameOrFile.includes("/") || nameOrFile.includes("\\");
  if (!isPath) {
    if (!SCENARIO_ID.test(nameOrFile)) {
      throw new ScenarioError("--scenario", [{path: "$", message: `geen bestaand scenario-id en geen .json-bestand; geef een id uit ${label(SCENARIO_DIR)} (${scenarioIds().join(", ")}) of een pad naar een .json-bestand`}]);
    }
    const path = join(SCENARIO_DIR, `${nameOrFile}.json`);
    if (!existsSync(path)) {
      throw new ScenarioError(nameOrFile, [{path: "$", message: `geen scenario met dit id in ${label(SCENARIO_DIR)} (${scenarioIds().join(", ")}); geef een id of een pad naar een .json-bestand`}]);
    }
  }
  if (isPath && !/\.json$/i.test(nameOrFile)) {
    throw new ScenarioError(label(resolve(nameOrFile)), [{path: "$", message: "een scenario is een .json-bestand; andere bestanden worden niet gelezen"}]);
  }
  const path = isPath ? resolve(nameOrFile) : join(SCENARIO_DIR, `${nameOrFile}.json`);
  const json = readJsonFile(path);
  const read: string[] = [existsSync(path) ? realpathSync(path) : path];
  const scenario = parseScenario(json, label(path), lookupNear(dirname(path), read));
  return {scenario, files: read};
}

/**
 * Reads a scenario by id (a file in simulations/scenarios/) or by path (a .json file), resolving `extends` from
 * the same folder, then the default scenarios. Throws a `ScenarioError` naming the file, the JSON path and what
 * was expected (in Dutch).
 *
 * @example
 * loadScenario("agreed").ramp.length; // 2
 * loadScenario("./my-scenario.json");
 */
export function loadScenario(nameOrFile: string): Scenario {
  return readScenario(nameOrFile).scenario;
}

/** The ids of the scenario files in a folder (default: simulations/scenarios), sorted. */
export function scenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}
