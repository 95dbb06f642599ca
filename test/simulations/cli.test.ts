import {beforeEach, describe, expect, it} from "vitest";
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {main as simulateMain} from "../../simulations/cli/simulate.ts";
import {writeAtomic} from "../../simulations/cli/atomicWrite.ts";
import type {CliIo} from "../../simulations/cli/command.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {METRICS, adjustDatasets, defaultLookup, parseScenario, prepareInputs, scenarioFiles, simulate, summarize, toCsv} from "../../simulations/index.ts";

let dir: string;
let errors: string[];
let outputs: string[];
const io: CliIo = {out: (t) => void outputs.push(t), err: (t) => void errors.push(t)};
const main = (argv: readonly string[]) => simulateMain(argv, io);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fairshare-cli-"));
  errors = [];
  outputs = [];
});

describe("npm run simulate", () => {
  it("writes the tidy table with scenario A, B and paired differences B-A", async () => {
    const out = join(dir, "cmp.csv");
    expect(await main(["--scenario", "agreed", "--compare", "immediate", "--runs", "200", "--seed", "3", "--out", out])).toBe(0);
    const rows = parse(readFileSync(out, "utf8"), {columns: true}) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["scenario", "year", "municipality", "metric", "mean", "p5", "p25", "p50", "p75", "p95"]);
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(["agreed", "immediate", "immediate-agreed"]));
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(METRICS));
    expect(rows.filter((r) => r.municipality === "regio")).toHaveLength(3 * 6 * 14);
    // Paired: the same draws, so the vacancy difference is exactly zero everywhere.
    expect(rows.filter((r) => r.scenario === "immediate-agreed" && r.metric === "vacancies").every((r) => r.mean === "0" && r.p95 === "0")).toBe(true);
  });

  it("writes JSON with the rows, the probabilities and the settings", async () => {
    const out = join(dir, "a.json");
    expect(await main(["--scenario", "cap-18", "--runs", "100", "--out", out])).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json).toMatchObject({runs: 100, seed: 1, scenarios: [{id: "cap-18", cap: 0.18}]});
    expect(json.rows.length).toBe(6 * 9 * 14);
    expect(json.probabilities[0]).toMatchObject({scenario: "cap-18", capShare: 0.18, pExceedCap: 0});
    // The origin × host flows: 8 × 8 cells per year (6) and for the whole period.
    expect(json.flows.length).toBe(7 * 8 * 8);
    const whole = json.flows.filter((f: {period: string}) => f.period === "2025-2030");
    expect(new Set(whole.map((f: {origin: string}) => f.origin)).size).toBe(8);
  });

  it("a bad scenario file: names file, JSON path and what was expected; exit 1; the old output stays", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({extends: "agreed", id: "bad", ramp: [{from: 2025, to: 2030, amersfoort: "135", others: 92}]}));
    const out = join(dir, "out.csv");
    writeFileSync(out, "old");
    expect(await main(["--scenario", bad, "--runs", "10", "--out", out])).toBe(1);
    expect(errors.join("\n")).toMatch(/bad\.json, veld \$\.ramp\[0\]\.amersfoort: verwacht een getal; gevonden een tekst/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    [["--scenario", "agreed", "--out", "x.csv", "--bogus"], /onbekende optie "--bogus"/],
    [["--scenario", "agreed", "--out", "x.txt"], /--out moet eindigen op .csv of .json/],
    [["--scenario", "agreed", "--out", "x.csv", "--runs", "1e3"], /--runs moet een geheel getal van 1 tot en met 1\.000\.000 zijn; gevonden "1e3"/],
    [["--out", "x.csv"], /--scenario ontbreekt/],
    [["--all"], /--all heeft --out-dir nodig/]
  ])("a bad flag %j prints the usage and exits 2", async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(errors.join("\n")).toMatch(message);
    expect(errors.join("\n")).toContain("Gebruik:");
    expect(outputs).toEqual([]);
  });

  it("--vacancy-factor and --return-share-factor give the numbers the page 'Prognoses toetsen' computes", async () => {
    const out = join(dir, "assumed.csv");
    const flags = ["--vacancy-factor", "1.2", "--return-share-factor", "0.5"];
    expect(await main(["--scenario", "agreed", "--runs", "300", "--seed", "4", ...flags, "--out", out])).toBe(0);
    // The page runs the engine on adjustDatasets(datasets, assumptions): the same function, so the same bits.
    const agreed = parseScenario(scenarioFiles["agreed"], "agreed.json", defaultLookup);
    const datasets = adjustDatasets(loadDatasets("data"), {vacancyFactor: 1.2, returnShareFactor: 0.5});
    const expected = summarize(simulate(prepareInputs(datasets, agreed), agreed, {runs: 300, seed: 4}));
    const columns = ["scenario", "year", "municipality", "metric", "mean", "p5", "p25", "p50", "p75", "p95"];
    expect(readFileSync(out, "utf8")).toBe(toCsv(expected, columns));
    // And the assumptions change the outcome: 20% more vacancies than the data says.
    const plain = join(dir, "plain.csv");
    expect(await main(["--scenario", "agreed", "--runs", "300", "--seed", "4", "--out", plain])).toBe(0);
    expect(readFileSync(plain, "utf8")).not.toBe(readFileSync(out, "utf8"));
    expect(await main(["--scenario", "agreed", "--vacancy-factor", "1,2", "--out", join(dir, "x.csv")])).toBe(2);
    expect(errors.join("\n")).toContain('--vacancy-factor moet een getal van 0,1 tot en met 3 met een punt als decimaalteken zijn; gevonden "1,2" (decimale komma: schrijf 1.2)');
  });

  it("--all writes every default scenario, probabilities and comparisons with agreed into a folder", async () => {
    const outDir = join(dir, "all");
    expect(await main(["--all", "--out-dir", outDir, "--runs", "50"])).toBe(0);
    const files = readdirSync(outDir).sort();
    expect(files).toEqual(expect.arrayContaining(["agreed.csv", "immediate.csv", "slower.csv", "probabilities.csv", "compare.csv"]));
    const compare = parse(readFileSync(join(outDir, "compare.csv"), "utf8"), {columns: true}) as Record<string, string>[];
    expect(new Set(compare.map((r) => r.scenario))).toContain("slower-agreed");
    expect(existsSync(join(outDir, "agreed.csv"))).toBe(true);
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(outputs.join("\n")).toMatch(/^Gebruik:\n {2}npm run simulate/);
    expect(errors).toEqual([]);
  });
});

describe("atomic writes", () => {
  it("concurrent writers to one path leave one complete file and no temporary files", async () => {
    const target = join(dir, "same.csv");
    const contents = Array.from({length: 12}, (_, i) => `writer ${i}\n`.repeat(20_000 + i));
    await Promise.all(contents.map((c) => Promise.resolve().then(() => writeAtomic(target, c))));
    expect(contents).toContain(readFileSync(target, "utf8"));
    expect(readdirSync(dir)).toEqual(["same.csv"]);
  });

  it("two real processes writing one path leave one of their two complete tables", async () => {
    const {spawn} = await import("node:child_process");
    const out = join(dir, "race.csv");
    const run = (seed: string) =>
      new Promise<number>((done) => {
        const p = spawn("node_modules/.bin/tsx", ["simulations/cli/simulate.ts", "--scenario", "agreed", "--runs", "50", "--seed", seed, "--out", out], {stdio: "ignore"});
        p.on("close", (code) => done(code ?? -1));
      });
    expect(await Promise.all([run("1"), run("2")])).toEqual([0, 0]);
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    expect(await main(["--scenario", "agreed", "--runs", "50", "--seed", "1", "--out", a])).toBe(0);
    expect(await main(["--scenario", "agreed", "--runs", "50", "--seed", "2", "--out", b])).toBe(0);
    expect([readFileSync(a, "utf8"), readFileSync(b, "utf8")]).toContain(readFileSync(out, "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
