// `npm run solve` end to end: the scenario it writes runs in `npm run simulate` as it is; bad flags and infeasible
// problems exit non-zero with a Dutch message and write nothing. It answers like `simulate` and `recalibrate`
// (cli/args.ts, cli/command.ts): a bad flag exits 2 with the usage on stderr, --help exits 0 on stdout.
import {beforeEach, describe, expect, it} from "vitest";
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {main as solve} from "../../simulations/cli/solve.ts";
import {main as runSimulate} from "../../simulations/cli/simulate.ts";

let dir: string;
let errors: string[];
let output: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fairshare-solve-"));
  errors = [];
  output = [];
});
/** `npm run solve -- …` in-process, printing into `output` (stdout) and `errors` (stderr). */
const main = (argv: readonly string[]): Promise<number> => solve(argv, {out: (t) => void output.push(t), err: (t) => void errors.push(t)});
/** `npm run simulate -- …` in-process, quietly. */
const simulate = (argv: readonly string[]): Promise<number> => runSimulate(argv, {out: () => {}, err: () => {}});

describe("npm run solve", () => {
  it("writes a scenario that npm run simulate runs as it is, with the solver's targets", async () => {
    const out = join(dir, "fair.json");
    expect(await main(["--period", "2027-2030", "--measure", "lettings", "--fixed", "GM0307=108", "--out", out])).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.id).toBe("fair-share-lettings-2027-2030");
    const targets = json.ramp[1].targets as Record<string, number>;
    expect(targets["GM0307"]).toBe(108);
    expect(Object.values(targets).reduce((a, b) => a + b, 0)).toBe(227);
    expect(output.join("\n")).toMatch(/Eerlijke verdeling 2027-2030: 227 plaatsingen per jaar/);

    const csv = join(dir, "fair.csv");
    expect(await simulate(["--scenario", out, "--runs", "50", "--out", csv])).toBe(0);
    const rows = parse(readFileSync(csv, "utf8"), {columns: true}) as Record<string, string>[];
    const baarn = rows.find((r) => r.year === "2028" && r.municipality === "Baarn" && r.metric === "target")!;
    expect(Number(baarn.mean)).toBe(targets["GM0308"]);
  });

  it("--robust reports the chance of staying within the band and writes the same for the same seed", async () => {
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    const flags = ["--period", "2027-2030", "--measure", "lettings", "--robust", "--runs", "200", "--seed", "4", "--max-evaluations", "3", "--band", "7,18"];
    expect(await main([...flags, "--out", a])).toBe(0);
    expect(await main([...flags, "--out", b])).toBe(0);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect(output.join("\n")).toMatch(/Kans dat alle gemeenten elk jaar 2027-2030 binnen 7-18% van hun verhuringen blijven: \d+,\d%/);
  });

  it("an infeasible problem: Dutch message naming municipality and bound, exit 1, the old file untouched", async () => {
    const out = join(dir, "fair.json");
    writeFileSync(out, "old");
    expect(await main(["--period", "2027-2030", "--measure", "lettings", "--fixed", "Amersfoort=30", "--out", out])).toBe(1);
    expect(errors.join("\n")).toMatch(/^Geen verdeling mogelijk:\nAmersfoort: vast op 30, onder de ondergrens \d+ \(verwachte terugkeerders\)[^]*\nEr is niets geschreven\.$/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(await main(["--period", "2027-2030", "--measure", "inhabitants", "--total", "500", "--out", join(dir, "new.json")])).toBe(1);
    expect(errors.join("\n")).toMatch(/De bovengrenzen tellen op tot \d+, minder dan de 500/);
    expect(readdirSync(dir)).toEqual(["fair.json"]);
  });

  it.each([
    [["--measure", "lettings", "--out", "x.json"], /--period ontbreekt/],
    [["--period", "2027-2030", "--out", "x.json"], /--measure ontbreekt/],
    [["--period", "2030-2027", "--measure", "lettings", "--out", "x.json"], /--period moet twee jaren zijn/],
    [["--period", "2027-2030", "--measure", "inwoners", "--out", "x.json"], /--measure moet een van inhabitants, socialStock, lettings zijn; gevonden "inwoners"/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.csv"], /--out moet op \.json eindigen/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "data/x.json"], /--out "data\/x\.json" ligt in de invoermap data\/.*er is niets geschreven/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "simulations/scenarios/x.json"], /--out "simulations\/scenarios\/x\.json" ligt in de invoermap simulations\/scenarios\/.*er is niets geschreven/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--band", "18,7"], /--band: de ondergrens 18,0% ligt boven de bovengrens 7,0%/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--fixed", "GM0307=-3"], /--fixed/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--fixed", "GM0307"], /--fixed verwacht GEMEENTE=AANTAL/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--fixed", "Utrecht=5"], /--fixed: onbekende gemeente "Utrecht"/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--fixed", "Soest=3,Soest=4"], /--fixed noemt Soest twee keer/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--runs", "100"], /--runs hoort bij --robust/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--bogus"], /onbekende optie "--bogus"/]
  ])("a bad flag %j prints the usage on stderr and exits 2, writing nothing", async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(errors.join("\n")).toMatch(message);
    expect(errors.join("\n")).toMatch(/^fout: [^]*\n\nGebruik:\n {2}npm run solve/);
    expect(output).toEqual([]);
    expect(existsSync("x.json")).toBe(false);
    expect(existsSync("data/x.json")).toBe(false);
  });

  it("never writes over the scenario it reads (--base): refused, exit 2, the file untouched", async () => {
    const out = join(dir, "fair.json");
    expect(await main(["--period", "2027-2030", "--measure", "lettings", "--out", out])).toBe(0);
    const before = readFileSync(out, "utf8");
    expect(await main(["--period", "2025-2026", "--measure", "lettings", "--base", out, "--out", out])).toBe(2);
    expect(errors.join("\n")).toMatch(/--out ".*fair\.json" is een bestand dat deze opdracht leest/);
    expect(readFileSync(out, "utf8")).toBe(before);
  });

  // The shared flag rules (cli/args.ts), as test/hostile/flags.test.ts holds them for simulate and recalibrate.
  const OK = ["--period", "2027-2030", "--measure", "lettings"];
  it.each([
    ["--runs 0", ["--robust", "--runs", "0"], /--runs moet een geheel getal van 1 tot en met 1\.000\.000 zijn; gevonden "0"/],
    ["--runs 1e3", ["--robust", "--runs", "1e3"], /--runs moet een geheel getal/],
    ["--seed 2^32", ["--robust", "--seed", "4294967296"], /--seed moet een geheel getal van 0 tot en met 4\.294\.967\.295 zijn/],
    ["--max-evaluations 0", ["--robust", "--max-evaluations", "0"], /--max-evaluations moet een geheel getal van 1 tot en met 1000 zijn/],
    ["--fixed GM0307=10.5", ["--fixed", "GM0307=10.5"], /--fixed moet een geheel getal van 0 tot en met 100\.000 zijn/],
    ["--total of 400 digits", ["--total", "9".repeat(400)], /--total .*…" \(buiten het bereik\)/],
    ["--floor abc", ["--floor", "abc"], /--floor moet returners of een geheel getal van 0 tot en met 10\.000 zijn; gevonden "abc"/],
    ["--cap 0", ["--cap", "0"], /--cap moet een getal groter dan 0 en hoogstens 100 .*buiten het bereik/],
    ["--cap 18,5", ["--cap", "18,5"], /decimale komma: schrijf 18\.5/],
    ["--band 7,200", ["--band", "7,200"], /--band moet een getal van 0 tot en met 100 .*gevonden "200" \(buiten het bereik\)/],
    ["--band 7", ["--band", "7"], /--band moet twee percentages zijn als 7,18; gevonden "7"/],
    ["--period before the agreement", ["--period", "2020-2026"], /--period moet binnen de jaren van de afspraak liggen, 2025-2030/],
    ["--ceiling-of all", ["--ceiling-of", "all"], /--ceiling-of moet lettings of suitable zijn; gevonden "all"/],
    ["--id with capitals", ["--id", "Fair"], /--id moet uit kleine letters, cijfers en streepjes bestaan/],
    ["a flag given twice", ["--total", "200", "--total", "210"], /--total is twee keer gegeven/],
    ["an empty value", ["--base", ""], /--base heeft een waarde nodig/],
    ["a NUL byte in --data", ["--data", "da\u0000ta"], /--data bevat een stuurteken/],
    ["--robust with a value", ["--robust=yes"], /--robust neemt geen waarde/],
    ["a flag without its value", ["--total"], /--total heeft een waarde nodig/],
    ["a stray argument", ["extra"], /onverwacht argument "extra"/]
  ])("%s: exit 2, Dutch, the usage on stderr, nothing written", async (_name, flags, message) => {
    const out = join(dir, "x.json");
    expect(await main([...(flags.includes("--period") ? OK.slice(2) : OK), ...flags, "--out", out])).toBe(2);
    expect(errors.join("\n")).toMatch(/^fout: /);
    expect(errors.join("\n")).toMatch(message);
    expect(errors.join("\n")).toContain("Gebruik:\n  npm run solve");
    expect(output).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("-h is --help too, even beside a bad flag, and the usage lists every flag with its range", async () => {
    expect(await main(["-h"])).toBe(0);
    const text = output.join("\n");
    for (const flag of ["period", "measure", "out", "fixed", "total", "floor", "cap", "ceiling-of", "band", "base", "id", "data", "robust", "runs", "seed", "max-evaluations"]) {
      expect(text).toMatch(new RegExp(`^ {2}--${flag}\\b`, "m"));
    }
    expect(text).toMatch(/--runs N +doorrekeningen per kandidaat bij --robust, standaard 5\.?000 \(1 tot en met 1\.000\.000\)/);
    expect(text).toMatch(/Afsluitcode: 0 klaar, 1 .*, 2 een fout in de opdrachtregel\./);
    expect(errors).toEqual([]);
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(output.join("\n")).toMatch(/^Gebruik:\n {2}npm run solve/);
    expect(errors).toEqual([]);
  });
});
