// The default scenarios, bundled as data so that the pages (in the browser) and the command line see the same set.
import agreed from "./agreed.json" with {type: "json"};
import immediate from "./immediate.json" with {type: "json"};
import slower from "./slower.json" with {type: "json"};
import keyInhabitants from "./key-inhabitants.json" with {type: "json"};
import keyHouseholds from "./key-households.json" with {type: "json"};
import keyVacancies from "./key-vacancies.json" with {type: "json"};
import keyMix from "./key-mix.json" with {type: "json"};
import prognosisLow from "./prognosis-low.json" with {type: "json"};
import prognosisCentral from "./prognosis-central.json" with {type: "json"};
import prognosisHigh from "./prognosis-high.json" with {type: "json"};
import cap18 from "./cap-18.json" with {type: "json"};
import cap12 from "./cap-12.json" with {type: "json"};
import spillOver from "./spill-over.json" with {type: "json"};
import ceiling from "./ceiling.json" with {type: "json"};
import expected from "./expected.json" with {type: "json"};
import {parseScenario, type BaseLookup} from "../scenario/parse.ts";
import type {Scenario} from "../scenario/schema.ts";

/** Raw scenario files by id, in the order the pages list them. */
export const scenarioFiles: Readonly<Record<string, unknown>> = {
  agreed,
  immediate,
  slower,
  "key-inhabitants": keyInhabitants,
  "key-households": keyHouseholds,
  "key-vacancies": keyVacancies,
  "key-mix": keyMix,
  "prognosis-low": prognosisLow,
  "prognosis-central": prognosisCentral,
  "prognosis-high": prognosisHigh,
  "cap-18": cap18,
  "cap-12": cap12,
  "spill-over": spillOver,
  ceiling,
  expected
};

/** Finds a default scenario's raw JSON by id, for `extends`. */
export const defaultLookup: BaseLookup = (id) =>
  Object.hasOwn(scenarioFiles, id) ? {json: scenarioFiles[id], label: `simulations/scenarios/${id}.json`} : undefined;

/**
 * The default scenarios, validated, with `extends` resolved.
 *
 * @example
 * defaultScenarios().map((s) => s.id); // ["agreed", "immediate", "slower", …]
 */
export function defaultScenarios(): Scenario[] {
  return Object.entries(scenarioFiles).map(([id, json]) => parseScenario(json, `simulations/scenarios/${id}.json`, defaultLookup));
}
