// Hostile command lines, run in-process: bad flags exit 2 with the usage on stderr, --help exits 0 on stdout,
// and no output path may reach an input (data/, simulations/scenarios/, a read file), also through "..",
// a symlink or a hard link. Nothing is written when a command refuses.
import {describe, expect, it} from "vitest";
import {existsSync, linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {copyData, runRecalibrate, runSimulate, snapshot, tmp} from "./helpers.ts";

const OK = ["--scenario", "agreed", "--runs", "5"];
/** The valid flags and `flags`, with --runs 5 unless the case sets --runs itself. */
const withOk = (flags: readonly string[]): string[] => [...(flags.includes("--runs") ? ["--scenario", "agreed"] : OK), ...flags];

// [case, extra flags (the output goes to a fresh folder), refused with]
const SIMULATE_FLAGS: readonly [string, readonly string[], RegExp][] = [
  ["--runs 0", ["--runs", "0"], /--runs moet een geheel getal van 1 tot en met 1\.000\.000 zijn; gevonden "0"/],
  ["--runs above a million", ["--runs", "1000001"], /--runs .* \(buiten het bereik\)/],
  ["--runs 1e3", ["--runs", "1e3"], /--runs moet een geheel getal/],
  ["--runs -5", ["--runs", "-5"], /--runs/],
  ["--runs 10.5", ["--runs", "10.5"], /--runs moet een geheel getal/],
  ["--runs 1_000", ["--runs", "1_000"], /--runs moet een geheel getal/],
  ["--runs with spaces", ["--runs", " 10"], /--runs moet een geheel getal/],
  ["--runs Infinity", ["--runs", "Infinity"], /--runs moet een geheel getal/],
  ["--runs 0x10", ["--runs", "0x10"], /--runs moet een geheel getal/],
  ["--runs of 400 digits", ["--runs", "9".repeat(400)], /--runs .*…" \(buiten het bereik\)/],
  ["--runs empty", ["--runs", ""], /--runs heeft een waarde nodig/],
  ["--runs given twice", ["--runs", "5", "--runs", "6"], /--runs is twee keer gegeven/],
  ["--seed 2^32", ["--seed", "4294967296"], /--seed moet een geheel getal van 0 tot en met 4\.294\.967\.295 zijn/],
  ["--seed negative", ["--seed", "-1"], /--seed/],
  ["--workers 0", ["--workers", "0"], /--workers moet een geheel getal van 1 tot en met 16/],
  ["--workers 100 (took 3,95 GB)", ["--workers", "100"], /--workers .*buiten het bereik/],
  ["--chunk-size 0", ["--chunk-size", "0"], /--chunk-size moet een geheel getal van 1 tot en met 50\.000/],
  ["--chunk-size 10 million", ["--chunk-size", "10000000"], /--chunk-size .*buiten het bereik/],
  ["--vacancy-factor 1000000 (crashed V8)", ["--vacancy-factor", "1000000"], /--vacancy-factor moet een getal van 0,1 tot en met 3 .*buiten het bereik/],
  ["--vacancy-factor 0", ["--vacancy-factor", "0"], /--vacancy-factor .*buiten het bereik/],
  ["--vacancy-factor 1,2", ["--vacancy-factor", "1,2"], /decimale komma: schrijf 1\.2/],
  ["--vacancy-factor NaN", ["--vacancy-factor", "NaN"], /--vacancy-factor moet een getal/],
  ["--vacancy-factor .5", ["--vacancy-factor", ".5"], /--vacancy-factor moet een getal/],
  ["--return-share-factor 4", ["--return-share-factor", "4"], /--return-share-factor moet een getal van 0 tot en met 3/],
  ["--return-share-factor -1", ["--return-share-factor", "-1"], /--return-share-factor/],
  ["an unknown flag", ["--bogus"], /onbekende optie "--bogus"/],
  ["a single-dash flag", ["-x"], /onbekende optie "-x"/],
  ["a stray argument", ["extra"], /onverwacht argument "extra"/],
  ["--all with a value", ["--all=yes"], /--all neemt geen waarde/],
  ["a flag without its value", ["--seed"], /--seed heeft een waarde nodig/],
  ["a NUL byte in --data", ["--data", "da\u0000ta"], /--data bevat een stuurteken/],
  ["--out-dir without --all", ["--out-dir", "x"], /--out-dir hoort bij --all/]
];

describe("simulate: bad flags exit 2 with the usage on stderr and write nothing", () => {
  it.each(SIMULATE_FLAGS)("%s", async (_name, flags, want) => {
    const dir = tmp();
    const out = join(dir, "out.csv");
    const r = await runSimulate([...withOk(flags), ...(flags.includes("--out-dir") ? [] : ["--out", out])]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^fout: /);
    expect(r.err).toMatch(want);
    expect(r.err).toContain("Gebruik:\n  npm run simulate");
    expect(r.out).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([{argv: ["--help"]}, {argv: ["-h"]}, {argv: ["--scenario", "agreed", "--help"]}, {argv: ["--runs", "5", "--help"]}])("$argv prints the usage on stdout and exits 0", async ({argv}) => {
    const r = await runSimulate(argv);
    expect(r).toMatchObject({code: 0, err: ""});
    expect(r.out).toMatch(/^Gebruik:\n {2}npm run simulate/);
    expect(r.out).toContain("--runs N");
    expect(r.out).toContain("1 tot en met 1.000.000");
  });

  it("the lowest and highest accepted values of the flags run", async () => {
    const dir = tmp();
    const args = ["--scenario", "agreed", "--runs", "1", "--seed", "4294967295", "--workers", "1", "--chunk-size", "50000", "--vacancy-factor", "3", "--return-share-factor", "0"];
    expect((await runSimulate([...args, "--out", join(dir, "a.csv")])).code).toBe(0);
    const low = ["--scenario", "agreed", "--runs", "3", "--seed", "0", "--chunk-size", "1", "--vacancy-factor", "0.1", "--return-share-factor", "3"];
    expect((await runSimulate([...low, "--out", join(dir, "b.csv")])).code).toBe(0);
  });
});

describe("recalibrate: the same rules", () => {
  it.each([
    ["--year missing", [], /--year ontbreekt/],
    ["--year 2024", ["--year", "2024"], /--year moet een geheel getal van 2025 tot en met 2030/],
    ["--year 20255", ["--year", "20255"], /--year .*buiten het bereik/],
    ["--year abc", ["--year", "abc"], /--year moet een geheel getal/],
    ["an unknown flag", ["--year", "2025", "--force"], /onbekende optie "--force"/]
  ] as const)("%s exits 2 with the usage", async (_name, argv, want) => {
    const r = await runRecalibrate(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(want);
    expect(r.err).toContain("Gebruik:\n  npm run recalibrate");
  });

  it("--help prints the usage on stdout and exits 0, like simulate", async () => {
    const r = await runRecalibrate(["--help"]);
    expect(r).toMatchObject({code: 0, err: ""});
    expect(r.out).toMatch(/^Gebruik:\n {2}npm run recalibrate/);
  });
});

const rel = (p: string): string => relative(process.cwd(), p);

describe("outputs never touch inputs", () => {
  const project = () => ({data: snapshot("data"), scenarios: snapshot("simulations/scenarios")});

  it.each([
    ["the dataset itself", ["--out", "data/vacancies.csv"], /--out "data\/vacancies\.csv" ligt in de invoermap data\//],
    ["the monitoring history", ["--out", "data/monitoring/2026.csv"], /--out "data\/monitoring\/2026\.csv" ligt in de invoermap data\//],
    ["a new file in data/", ["--out", "data/new.csv"], /ligt in de invoermap data\//],
    ["a default scenario", ["--out", "simulations/scenarios/agreed.json"], /ligt in de invoermap simulations\/scenarios\//],
    ["data/ through ..", ["--out", "simulations/../data/x.csv"], /ligt in de invoermap data\//],
    ["data/ by an absolute path", ["--out", join(process.cwd(), "data", "x.json")], /ligt in de invoermap data\//],
    ["--all into data/monitoring", ["--all", "--out-dir", "data/monitoring"], /--out-dir "data\/monitoring" ligt in de invoermap data\//],
    ["--all into simulations/scenarios", ["--all", "--out-dir", "simulations/scenarios"], /--out-dir "simulations\/scenarios" ligt in de invoermap/]
  ] as const)("refuses %s, exit 2, nothing written", async (_name, flags, want) => {
    const before = project();
    const r = await runSimulate([...((flags as readonly string[]).includes("--all") ? ["--runs", "5"] : OK), ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(want);
    expect(r.err).toContain("er is niets geschreven");
    expect(project()).toEqual(before);
  });

  it("refuses to write over the scenario file it reads, and over a base in its extends chain", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "base.json"), JSON.stringify({extends: "agreed", id: "base"}));
    writeFileSync(join(dir, "mine.json"), JSON.stringify({extends: "base", id: "mine"}));
    const before = snapshot(dir);
    for (const target of ["mine.json", "base.json"]) {
      const r = await runSimulate(["--scenario", join(dir, "mine.json"), "--runs", "5", "--out", join(dir, target)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`is een bestand dat deze opdracht leest \\(.*${target.replace(".", "\\.")}\\)`));
    }
    const compare = await runSimulate(["--scenario", "agreed", "--compare", join(dir, "mine.json"), "--runs", "5", "--out", join(dir, "base.json")]);
    expect(compare.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a symlink into data/, a symlinked folder, and a hard link to a read file", async () => {
    const dir = tmp();
    symlinkSync(join(process.cwd(), "data", "vacancies.csv"), join(dir, "link.csv"));
    symlinkSync(join(process.cwd(), "data"), join(dir, "folder"));
    writeFileSync(join(dir, "mine.json"), JSON.stringify({extends: "agreed", id: "mine"}));
    linkSync(join(dir, "mine.json"), join(dir, "hard.json"));
    const before = project();
    for (const [out, want] of [["link.csv", /ligt in de invoermap data\//], ["folder/x.csv", /ligt in de invoermap data\//], ["hard.json", /is een bestand dat deze opdracht leest/]] as const) {
      const r = await runSimulate(["--scenario", join(dir, "mine.json"), "--runs", "5", "--out", join(dir, out)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(want);
    }
    expect(project()).toEqual(before);
  });

  it("refuses the --data folder of a copy, and recalibrate's output into its data or monitoring folder", async () => {
    const data = copyData();
    const before = snapshot(data);
    const sim = await runSimulate([...OK, "--data", data, "--out", join(data, "result.csv")]);
    expect(sim.code).toBe(2);
    expect(sim.err).toMatch(/ligt in de invoermap/);
    for (const outDir of [data, join(data, "monitoring"), "data", "simulations/scenarios"]) {
      const r = await runRecalibrate(["--year", "2025", "--data", data, "--out-dir", outDir]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`--out-dir "${outDir.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" ligt in de invoermap`));
    }
    expect(snapshot(data)).toEqual(before);
    expect(existsSync(join(data, "calibration-2025-1.json"))).toBe(false);
  });

  it("a bad scenario, bad data or an unwritable path exits 1 and leaves the old output as it was", async () => {
    const dir = tmp();
    const out = join(dir, "out.csv");
    writeFileSync(out, "old");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({extends: "agreed", id: "bad", cap: 7}));
    const bad = await runSimulate(["--scenario", join(dir, "bad.json"), "--runs", "5", "--out", out]);
    expect(bad).toMatchObject({code: 1});
    expect(bad.err).toMatch(/bad\.json, veld \$\.cap: hoogstens 1; gevonden 7\nEr is niets geschreven\./);
    const data = copyData();
    writeFileSync(join(data, "vacancies.csv"), "municipality,year,vacancies,status,source,note\nGM0307,2019,2147483648,published,x,\n");
    const r = await runSimulate([...OK, "--data", data, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/vacancies\.csv, regel 2, kolom "vacancies": gevonden "2147483648"; verwacht: .*te groot/);
    mkdirSync(join(dir, "taken.csv"));
    const blocked = await runSimulate([...OK, "--out", join(dir, "taken.csv")]);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/--out ".*taken\.csv" kan niet worden geschreven \(E\w+\)/);
    expect(readdirSync(dir).sort()).toEqual(["bad.json", "out.csv", "taken.csv"]);
    expect(rel(out)).not.toBe("");
  });
});

describe("engine errors that reach a user are Dutch", () => {
  it("a key on inhabitants when every member has 0 inhabitants names the key and the data file", async () => {
    const data = copyData();
    const path = join(data, "municipal-figures.csv");
    const {readFileSync} = await import("node:fs");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^(GM\d{4},inhabitants,\d{4},)\d+/gm, "$10"));
    const r = await runSimulate(["--scenario", "key-inhabitants", "--runs", "5", "--data", data, "--out", join(tmp(), "x.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fout: de verdeelsleutel weegt "inhabitants", maar die cijfers van de deelnemende gemeenten tellen op tot 0.*municipal-figures\.csv/);
    expect(r.err).not.toMatch(/allocation key|cannot divide/);
  });

  it("an unknown engine error is marked as internal, in Dutch", async () => {
    const {dutchEngineError} = await import("../../simulations/cli/messages.ts");
    expect(dutchEngineError("something odd")).toBe("interne fout (something odd)");
    expect(dutchEngineError("prepareInputs: no vacancy figures for Baarn (GM0308)")).toBe("data/vacancies.csv: geen cijfers over leegkomende woningen voor Baarn (GM0308)");
  });
});

describe("as a user runs them (separate processes)", () => {
  const run = async (script: string, args: readonly string[]) => {
    const {spawnSync} = await import("node:child_process");
    return spawnSync("node_modules/.bin/tsx", [`simulations/cli/${script}.ts`, ...args], {encoding: "utf8"});
  };

  it("both commands answer --help on stdout with exit 0, and a bad flag on stderr with exit 2", async () => {
    for (const script of ["simulate", "recalibrate"]) {
      const help = await run(script, ["--help"]);
      expect({status: help.status, stderr: help.stderr}).toEqual({status: 0, stderr: ""});
      expect(help.stdout).toMatch(new RegExp(`^Gebruik:\\n {2}npm run ${script}`));
      const bad = await run(script, ["--bogus"]);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toMatch(/^fout: onbekende optie "--bogus"\n\nGebruik:/);
    }
  });

  it("--out data/vacancies.csv exits 2 and leaves the dataset as it was", async () => {
    const before = snapshot("data");
    const r = await run("simulate", ["--scenario", "agreed", "--runs", "10", "--out", "data/vacancies.csv"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out "data\/vacancies\.csv" ligt in de invoermap data\//);
    expect(snapshot("data")).toEqual(before);
  });
});
