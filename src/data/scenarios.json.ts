// Framework data loader: the default scenario files, validated here on the Node side with the engine's own schema
// (zod), so the browser gets checked scenarios and needs no validator. `files` keeps each file's JSON as written
// (for "save the scenario file" links), `scenarios` the parsed form with defaults filled and `extends` resolved.
// A bad scenario file stops the build with the engine's message (file, JSON path, what was expected).
import {defaultScenarios, scenarioFiles} from "../../simulations/index.ts";

try {
  const json = JSON.stringify({ids: Object.keys(scenarioFiles), files: scenarioFiles, scenarios: Object.fromEntries(defaultScenarios().map((s) => [s.id, s]))});
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
