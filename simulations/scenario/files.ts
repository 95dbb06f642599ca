// Node-only: reading scenario files from disk (the pages use the bundled defaults in scenarios/index.ts).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseScenario, type BaseLookup} from "./parse.ts";
import {ScenarioError} from "./errors.ts";
import type {Scenario} from "./schema.ts";

/** The folder of the default scenario files. */
export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios");

function label(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ScenarioError(label(path), [{path: "$", message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`}]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(label(path), [{path: "$", message: `expected JSON: ${(e as Error).message}`}]);
  }
}

/** Finds `<id>.json` beside the scenario being read, then among the default scenarios. */
function lookupNear(dir: string): BaseLookup {
  return (id) => {
    for (const d of [dir, SCENARIO_DIR]) {
      const path = join(d, `${id}.json`);
      if (existsSync(path)) return {json: readJson(path), label: label(path)};
    }
    return undefined;
  };
}

/**
 * Reads a scenario by id (a file in simulations/scenarios/) or by path (anything ending in .json or containing a
 * slash), resolving `extends` from the same folder, then the default scenarios. Throws a `ScenarioError` naming
 * the file, the JSON path and what was expected.
 *
 * @example
 * loadScenario("agreed").ramp.length; // 2
 * loadScenario("./my-scenario.json");
 */
export function loadScenario(nameOrFile: string): Scenario {
  const isPath = nameOrFile.endsWith(".json") || nameOrFile.includes("/") || nameOrFile.includes("\\");
  const path = isPath ? resolve(nameOrFile) : join(SCENARIO_DIR, `${nameOrFile}.json`);
  if (!isPath && !existsSync(path)) {
    throw new ScenarioError(nameOrFile, [{path: "$", message: `no scenario with this id in ${label(SCENARIO_DIR)} (give an id or a path to a .json file)`}]);
  }
  return parseScenario(readJson(path), label(path), lookupNear(dirname(path)));
}

/** The ids of the scenario files in a folder (default: simulations/scenarios), sorted. */
export function scenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}
