// Regression: the agreed scenario, 2,000 runs, seed 1, on the real data in data/, through the command line, must
// give exactly the committed table. A changed table is written beside it as agreed-seed1-changed.csv for review.
// Change the golden file only on purpose (a model or data change), by running:
//   npm run simulate -- --scenario agreed --runs 2000 --seed 1 --out test/golden/agreed-seed1.csv
import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {main} from "../../simulations/cli/simulate.ts";

const golden = fileURLToPath(new URL("./agreed-seed1.csv", import.meta.url));
const changed = fileURLToPath(new URL("./agreed-seed1-changed.csv", import.meta.url));

describe("golden regression file", () => {
  it("agreed, 2,000 runs, seed 1 reproduces test/golden/agreed-seed1.csv exactly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fairshare-golden-"));
    const out = join(dir, "agreed.csv");
    expect(await main(["--scenario", "agreed", "--runs", "2000", "--seed", "1", "--out", out])).toBe(0);
    const actual = readFileSync(out, "utf8");
    rmSync(dir, {recursive: true});
    if (actual !== readFileSync(golden, "utf8")) writeFileSync(changed, actual);
    else rmSync(changed, {force: true});
    expect(actual).toBe(readFileSync(golden, "utf8"));
  });

  it("two workers, handed ranges of 250 runs, give the same table as one thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fairshare-golden-"));
    const out = join(dir, "agreed.csv");
    expect(await main(["--scenario", "agreed", "--runs", "2000", "--seed", "1", "--workers", "2", "--chunk-size", "250", "--out", out])).toBe(0);
    const actual = readFileSync(out, "utf8");
    rmSync(dir, {recursive: true});
    expect(actual).toBe(readFileSync(golden, "utf8"));
  });
});
