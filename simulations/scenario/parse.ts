import {scenarioSchema, type Scenario} from "./schema.ts";
import {describeIssues, ScenarioError} from "./errors.ts";

/** Looks up the raw JSON of a base scenario by id (for `extends`), with a label for messages. */
export type BaseLookup = (id: string) => {json: unknown; label: string} | undefined;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// Resolves `extends` by a shallow merge: a field in the child replaces the base's field whole (so a child can
// turn a mixed key into a pure one). Chains are followed; a cycle is an error.
function resolve(json: unknown, label: string, lookup: BaseLookup | undefined, seen: string[]): unknown {
  if (!isObject(json) || json.extends === undefined) return json;
  if (typeof json.extends !== "string") throw new ScenarioError(label, [{path: "$.extends", message: "expected the id of a scenario (a string)"}]);
  const id = json.extends;
  if (seen.includes(id)) throw new ScenarioError(label, [{path: "$.extends", message: `extends cycle: ${[...seen, id].join(" → ")}`}]);
  const base = lookup?.(id);
  if (!base) throw new ScenarioError(label, [{path: "$.extends", message: `expected the id of a known scenario, got "${id}"`}]);
  const resolvedBase = resolve(base.json, base.label, lookup, [...seen, id]);
  if (!isObject(resolvedBase)) throw new ScenarioError(base.label, [{path: "$", message: "expected an object"}]);
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
 * parseScenario({id: "x"}, "x.json"); // throws "x.json: at $.name: Invalid input: expected string, received undefined" …
 */
export function parseScenario(json: unknown, fileLabel: string, lookup?: BaseLookup): Scenario {
  const own = isObject(json) && typeof json.id === "string" ? [json.id] : [];
  const resolved = resolve(json, fileLabel, lookup, own);
  const {$schema: _schema, ...rest} = isObject(resolved) ? resolved : {$schema: undefined};
  const result = scenarioSchema.safeParse(isObject(resolved) ? rest : resolved);
  if (!result.success) throw new ScenarioError(fileLabel, describeIssues(result.error.issues));
  return result.data;
}
