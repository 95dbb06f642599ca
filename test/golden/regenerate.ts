// Regenerates every golden file on purpose (after a model or data change): `npx tsx test/golden/regenerate.ts`.
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {main} from "../../simulations/cli/simulate.ts";
import {scenarioFiles} from "../../simulations/index.ts";
import {flowsCsv, GOLDEN_RUNS} from "./flows.ts";

const path = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
for (const id of Object.keys(scenarioFiles)) {
  const code = await main(["--scenario", id, "--runs", String(GOLDEN_RUNS), "--seed", "1", "--out", path(`${id}-seed1.csv`)]);
  if (code !== 0) process.exit(code);
}
writeFileSync(path("agreed-flows-seed1.csv"), flowsCsv("agreed"));
