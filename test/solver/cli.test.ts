// `npm run solve` end to end: the scenario it writes runs in `npm run simulate` as it is; bad flags and infeasible
// problems exit non-zero with a Dutch message and write nothing.
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {main} from "../../simulations/cli/solve.ts";
import {main as simulate} from "../../simulations/cli/simulate.ts";

let dir: string;
let errors: string[];
let output: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fairshare-solve-"));
  errors = [];
  output = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void output.push(args.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

describe("npm run solve", () => {
  it("writes a scenario that npm run simulate runs as it is, with the solver's targets", async () => {
    const out = join(dir, "fair.json");
    expect(await main(["--period", "2027-2030", "--measure", "lettings", "--amersfoort", "108", "--out", out])).toBe(0);
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
    expect(await main(["--period", "2027-2030", "--measure", "lettings", "--amersfoort", "30", "--out", out])).toBe(1);
    expect(errors.join("\n")).toMatch(/Geen verdeling mogelijk; er is niets geschreven\.\nAmersfoort: vast op 30, onder de ondergrens \d+ \(verwachte terugkeerders\)/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(await main(["--period", "2027-2030", "--measure", "inhabitants", "--total", "500", "--out", join(dir, "new.json")])).toBe(1);
    expect(errors.join("\n")).toMatch(/De bovengrenzen tellen op tot \d+, minder dan de 500/);
    expect(readdirSync(dir)).toEqual(["fair.json"]);
  });

  it.each([
    [["--measure", "lettings", "--out", "x.json"], /--period is verplicht/],
    [["--period", "2027-2030", "--out", "x.json"], /--measure is verplicht/],
    [["--period", "2030-2027", "--measure", "lettings", "--out", "x.json"], /--period moet twee jaren zijn/],
    [["--period", "2027-2030", "--measure", "inwoners", "--out", "x.json"], /--measure moet een van inhabitants, socialStock, lettings zijn, niet "inwoners"/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.csv"], /--out moet op \.json eindigen/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "data/x.json"], /--out "data\/x\.json" ligt in de invoermap data\/.*er is niets geschreven/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "simulations/scenarios/x.json"], /--out "simulations\/scenarios\/x\.json" ligt in de invoermap simulations\/scenarios\/.*er is niets geschreven/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--band", "18,7"], /--band: de ondergrens 18,0% ligt boven de bovengrens 7,0%/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--amersfoort", "-3"], /--amersfoort/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--runs", "100"], /--runs hoort bij --robust/],
    [["--period", "2027-2030", "--measure", "lettings", "--out", "x.json", "--bogus"], /onbekende of onvolledige optie --bogus/]
  ])("a bad flag %j prints the usage on stderr and exits 2, writing nothing", async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(errors.join("\n")).toMatch(message);
    expect(errors.join("\n")).toMatch(/Gebruik:/);
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

  it("--help prints the usage on stdout and exits 0", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(output.join("\n")).toMatch(/^Gebruik:\n {2}npm run solve/);
    expect(errors).toEqual([]);
  });
});
