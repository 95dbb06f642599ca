import {scenarioSchema, type Scenario} from "./schema.ts";
import {describeIssues, dutchIssue, ScenarioError} from "./errors.ts";

/** Looks up the raw JSON of a base scenario by id (for `extends`), with a label for messages. */
export type BaseLookup = (id: string) => {json: unknown; label: string} | undefined;

/** What `extends` may name: a scenario id (the form of the `id` field), never a path. */
export const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// Resolves `extends` by a shallow merge: a field in the child replaces the base's field whole (so a child can
// turn a mixed key into a pure one). Chains are followed; a cycle is an error.
function resolve(json: unknown, label: string, lookup: BaseLookup | undefined, seen: string[]): unknown {
  if (!isObject(json) || json.extends === undefined) return json;
  if (typeof json.extends !== "string") throw new ScenarioError(label, [{path: "$.extends", message: "verwacht het id van een scenario (een tekst)"}]);
  const id = json.extends;
  // Only an id: never a path, so `extends` cannot reach a file outside the scenario's folder or the defaults.
  if (!SCENARIO_ID.test(id)) {
    throw new ScenarioError(label, [{path: "$.extends", message: "verwacht het id van een scenario (kleine letters, cijfers en streepjes, geen pad): een standaardscenario of een <id>.json naast dit bestand"}]);
  }
  if (seen.includes(id)) throw new ScenarioError(label, [{path: "$.extends", message: `kringverwijzing in extends: ${[...seen, id].join(" → ")}`}]);
  const base = lookup?.(id);
  if (!base) throw new ScenarioError(label, [{path: "$.extends", message: `verwacht het id van een bekend scenario (een standaardscenario of ${id}.json naast dit bestand); "${id}" is niet gevonden`}]);
  const resolvedBase = resolve(base.json, base.label, lookup, [...seen, id]);
  if (!isObject(resolvedBase)) throw new ScenarioError(base.label, [{path: "$", message: "verwacht een JSON-object { … }"}]);
  const {extends: _extends, ...own} = json;
  return {...resolvedBase, ...own};
}

/**
 * Validates a scenario (parsed JSON) and fills in defaults. `fileLabel` names the file in error messages; `lookup`
 * finds the base of a scenario that `extends` another. Throws a `ScenarioError` naming file, JSON path and what
 * was expected.
 *
 * @example
 * parseScenario({id: "x", name: "X", description: "", ramp: [{from: 2025, to: 2030, region: 227}]}, "x.json").key;
 * // {socialStock: 1}
 * parseScenario({id: "x"}, "x.json"); // throws "x.json, veld $.name: verwacht een tekst; gevonden niets (het veld ontbreekt)" …
 */
export function parseScenario(json: unknown, fileLabel: string, lookup?: BaseLookup): Scenario {
  const own = isObject(json) && typeof json.id === "string" ? [json.id] : [];
  const resolved = resolve(json, fileLabel, lookup, own);
  const {$schema: _schema, ...rest} = isObject(resolved) ? resolved : {$schema: undefined};
  const result = scenarioSchema.safeParse(isObject(resolved) ? rest : resolved, {error: dutchIssue});
  if (!result.success) throw new ScenarioError(fileLabel, describeIssues(result.error.issues));
  return result.data;
}
