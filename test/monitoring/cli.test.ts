import {describe, expect, it, afterAll} from "vitest";
import {appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {spawnSync} from "node:child_process";
import {runRecalibration} from "../../simulations/recalibration/run.ts";
import {latestCalibration, listCalibrations, nextVersion, writeNewFiles} from "../../simulations/recalibration/versions.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {cleanup, tempDir} from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const NOW = new Date("2026-11-25T12:00:00.000Z");

/** A copy of the shipped data and an empty output folder. */
function workspace() {
  const root = tempDir("fairshare-recalibrate-");
  dirs.push(root);
  cpSync("data", join(root, "data"), {recursive: true});
  return {dataDir: join(root, "data"), outDir: join(root, "calibrations")};
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), "utf8")]));

describe("versioned calibration files", () => {
  it("writes version 1, does nothing when nothing changed, and writes version 2 after a correction, keeping 1", () => {
    const {dataDir, outDir} = workspace();
    const first = runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    expect(first.status).toBe("written");
    expect(readdirSync(outDir).sort()).toEqual(["calibration-2025-1.json", "calibration-2025-1.md"]);
    const before = snapshot(outDir);
    expect(JSON.parse(before["calibration-2025-1.json"]!)).toEqual(first.recalibration.calibration);

    const again = runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    expect(again).toMatchObject({status: "unchanged", version: "2025-1", files: []});
    expect(snapshot(outDir)).toEqual(before);

    appendFileSync(join(dataDir, "monitoring/2025.csv"),
      "2025,GM0307,backlog,all,30,final,gemeente Amersfoort,2026-11-20,correctie: dubbele inschrijvingen verwijderd,\n");
    const second = runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    expect(second).toMatchObject({status: "written", version: "2025-2"});
    const after = snapshot(outDir);
    expect(Object.keys(after)).toEqual(["calibration-2025-1.json", "calibration-2025-1.md", "calibration-2025-2.json", "calibration-2025-2.md"]);
    expect(after["calibration-2025-1.json"]).toBe(before["calibration-2025-1.json"]);
    expect(after["calibration-2025-1.md"]).toBe(before["calibration-2025-1.md"]);
    expect(latestCalibration(outDir)!.calibration.municipalities["GM0307"]!.backlog).toBe(30);
    // The report compares with version 1 and names the correction.
    expect(second.report).toMatch(/vorige versie 2025-1/);
    expect(second.report).toMatch(/24 → 30/);
  });

  it("never overwrites a file that is already there, even one it did not write", () => {
    const {dataDir, outDir} = workspace();
    runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    writeFileSync(join(outDir, "calibration-2025-2.md"), "hand-written notes");
    appendFileSync(join(dataDir, "monitoring/2025.csv"),
      "2025,GM0308,inflow,all,11,final,gemeente Baarn,2026-11-20,correctie: nagekomen melding,\n");
    expect(nextVersion(outDir, 2025)).toBe("2025-3");
    const result = runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    expect(result.version).toBe("2025-3");
    expect(readFileSync(join(outDir, "calibration-2025-2.md"), "utf8")).toBe("hand-written notes");
    expect(listCalibrations(outDir).map((f) => f.version)).toEqual(["2025-1", "2025-3"]);
  });

  it("writeNewFiles writes all files or none, and leaves no temporary file", () => {
    const {outDir} = workspace();
    writeNewFiles([{path: join(outDir, "..", "a.json"), content: "a"}]);
    const dir = join(outDir, "..");
    writeFileSync(join(dir, "b.md"), "existing");
    expect(() => writeNewFiles([{path: join(dir, "b.json"), content: "new"}, {path: join(dir, "b.md"), content: "new"}])).toThrow(/never overwritten/);
    expect(readFileSync(join(dir, "b.md"), "utf8")).toBe("existing");
    expect(readdirSync(dir).filter((n) => /^(a|b)\./.test(n)).sort()).toEqual(["a.json", "b.md"]);
    expect(readdirSync(dir).some((n) => n.includes(".tmp-"))).toBe(false);
  });

  it("refuses a bad monitoring file, naming file, line and column, and writes nothing", () => {
    const {dataDir, outDir} = workspace();
    runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    const before = snapshot(outDir);
    appendFileSync(join(dataDir, "monitoring/2025.csv"), "2025,GM0307,vacancies,all,-5,final,x,2026-11-20,correctie,\n");
    try {
      runRecalibration({year: 2025, dataDir, outDir, now: NOW});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).issues).toEqual([
        expect.objectContaining({file: join(dataDir, "monitoring/2025.csv"), line: 39, column: "value", value: "-5"})
      ]);
    }
    expect(snapshot(outDir)).toEqual(before);
  });
});

describe("npm run recalibrate (the command line)", () => {
  const cli = (args: string[]) => spawnSync("node_modules/.bin/tsx", ["simulations/cli/recalibrate.ts", ...args], {encoding: "utf8"});

  it("exits non-zero with the problems on stderr and writes nothing for a bad file; writes a version for a good one", () => {
    const {dataDir, outDir} = workspace();
    const bad = join(dataDir, "monitoring/2025.csv");
    const good = readFileSync(bad, "utf8");
    writeFileSync(bad, good + "2025,GM0307,inflow,all,12.5,final,x,2026-11-20,correctie,\n");
    const refused = cli(["--year", "2025", "--data", dataDir, "--out-dir", outDir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${bad}, regel 39, kolom "value": gevonden "12.5"`);
    expect(refused.stderr).toMatch(/niets geschreven/);
    expect(() => readdirSync(outDir)).toThrow(); // not even the folder

    writeFileSync(bad, good);
    const ok = cli(["--year", "2025", "--data", dataDir, "--out-dir", outDir]);
    expect(ok.status).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(["calibration-2025-1.json", "calibration-2025-1.md"]);
    expect(cli(["--data", dataDir]).status).toBe(2);
  });
});
