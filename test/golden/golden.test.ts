// Regression: every default scenario, 2,000 runs, seed 1, on the real data in data/, through the command line, must
// give exactly its committed table (test/golden/<id>-seed1.csv); the agreed scenario's flow matrix is pinned too
// (agreed-flows-seed1.csv). A changed table is written beside it as <name>-changed.csv for review. Change the
// golden files only on purpose (a model or data change), by running:
//   npx tsx test/golden/regenerate.ts
import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {main} from "../../simulations/cli/simulate.ts";
import {scenarioFiles} from "../../simulations/index.ts";
import {flowsCsv, GOLDEN_RUNS} from "./flows.ts";

const path = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

function compare(name: string, actual: string): void {
  const golden = path(`${name}.csv`);
  const changed = path(`${name}-changed.csv`);
  if (actual !== readFileSync(golden, "utf8")) writeFileSync(changed, actual);
  else rmSync(changed, {force: true});
  expect(actual).toBe(readFileSync(golden, "utf8"));
}

async function run(id: string, extra: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "fairshare-golden-"));
  const out = join(dir, `${id}.csv`);
  expect(await main(["--scenario", id, "--runs", String(GOLDEN_RUNS), "--seed", "1", ...extra, "--out", out])).toBe(0);
  const actual = readFileSync(out, "utf8");
  rmSync(dir, {recursive: true});
  return actual;
}

describe("golden regression files", () => {
  it.each(Object.keys(scenarioFiles))("%s, 2,000 runs, seed 1, reproduces its golden file test/golden/<id>-seed1.csv exactly", async (id) => {
    compare(`${id}-seed1`, await run(id));
  });

  it("agreed: the origin × host flows reproduce test/golden/agreed-flows-seed1.csv exactly", () => {
    compare("agreed-flows-seed1", flowsCsv("agreed"));
  });

  it("two workers, handed ranges of 250 runs, give the same table as one thread", async () => {
    expect(await run("agreed", ["--workers", "2", "--chunk-size", "250"])).toBe(readFileSync(path("agreed-seed1.csv"), "utf8"));
  });
});
