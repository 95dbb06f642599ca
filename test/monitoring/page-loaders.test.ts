// The Monitoring page's data loaders as Framework runs them (tsx, from another working directory): JSON on stdout
// for good data; for a bad monitoring file every problem on stderr, nothing on stdout, and a non-zero exit.
import {describe, expect, it, afterAll} from "vitest";
import {spawnSync} from "node:child_process";
import {appendFileSync, cpSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {cleanup, tempDir} from "./helpers.ts";
import {runRecalibration} from "../../simulations/recalibration/run.ts";
import {calibratedForecast, forecastInputs} from "../../simulations/recalibration/forecast.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {defaultScenarios} from "../../simulations/index.ts";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const loader = (name: string) => new URL(`../../src/data/${name}`, import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function run(name: string, env: Record<string, string> = {}) {
  return spawnSync(TSX, [loader(name)], {env: {...process.env, ...env}, cwd: "/", encoding: "utf8"});
}

function badData(): string {
  const root = tempDir();
  dirs.push(root);
  cpSync("data", join(root, "data"), {recursive: true});
  appendFileSync(join(root, "data/monitoring/2025.csv"), "2025,GM0307,placements,all,1.290,final,x,2026-05-01,correctie,\n");
  return join(root, "data");
}

describe("monitoring.json.ts", () => {
  it("writes current values and the full trail, with the example correction visible", () => {
    const r = run("monitoring.json.ts");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.statuses).toEqual(["example"]);
    const baarn = out.trail.filter((t: {municipality: string; metric: string}) => t.municipality === "GM0308" && t.metric === "vacancies");
    expect(baarn.map((t: {value: number; current: boolean}) => [t.value, t.current])).toEqual([[96, false], [104, true]]);
    expect(out.trail[0].file).toBe("data/monitoring/2025.csv");
  });
});

describe("every Monitoring loader on a bad monitoring file", () => {
  for (const name of ["monitoring.json.ts", "calibration.json.ts", "monitoring-realisation.json.ts"]) {
    it(`${name}: exits non-zero, nothing on stdout, the problem with file, line and column on stderr`, () => {
      const dir = badData();
      const r = run(name, {FAIRSHARE_DATA_DIR: dir});
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`${join(dir, "monitoring/2025.csv")}, regel 39, kolom "value": gevonden "1.290"`);
    });
  }
});

describe("calibration.json.ts", () => {
  it("without saved versions: no latest, and a preview that starts the year after the realised year", () => {
    const out = tempDir();
    dirs.push(out);
    const r = run("calibration.json.ts", {FAIRSHARE_CALIBRATIONS_DIR: out});
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.latest).toBeNull();
    expect(json.versions).toEqual([]);
    expect(json.preview.calibration.startYear).toBe(2026);
    expect(json.preview.statuses).toEqual(["example"]);
    expect(json.preview.returnPriorPeople).toBe(20);
    expect(json.preview.trend.sd).toBeGreaterThan(0);
  });

  it("with a saved version: its 2026-2030 forecast equals what the command line's path computes for the same seed", () => {
    const root = tempDir();
    dirs.push(root);
    cpSync("data", join(root, "data"), {recursive: true});
    const dataDir = join(root, "data");
    const outDir = join(root, "calibrations");
    runRecalibration({year: 2025, dataDir, outDir, now: new Date()});
    const r = run("calibration.json.ts", {FAIRSHARE_DATA_DIR: dataDir, FAIRSHARE_CALIBRATIONS_DIR: outDir});
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.latest.version).toBe("2025-1");
    const {runs, seed, command} = json.latest.forecast;
    expect(command).toBe("npm run simulate -- --scenario agreed --calibration latest --runs 10000 --seed 1 --out prognose-herijkt.csv");
    const agreed = defaultScenarios().find((s) => s.id === "agreed")!;
    const start = forecastInputs(loadDatasets(dataDir), agreed, "latest", {calibrationDir: outDir, monitoringDir: join(dataDir, "monitoring")});
    const expected = calibratedForecast(start.inputs, agreed, {runs, seed}).filter((row) => row.metric === "placed" || row.metric === "backlog");
    expect(json.latest.forecast.rows).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Math.min(...json.latest.forecast.rows.map((row: {year: number}) => row.year))).toBe(2026);

    // A row that version used, edited in place: both page loaders that read calibrations refuse, naming file and line.
    const file = join(dataDir, "monitoring/2025.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("2025,GM0317,inflow,all,4,", "2025,GM0317,inflow,all,5,"));
    for (const name of ["calibration.json.ts", "monitoring-realisation.json.ts"]) {
      const refused = run(name, {FAIRSHARE_DATA_DIR: dataDir, FAIRSHARE_CALIBRATIONS_DIR: outDir});
      expect(refused.status).not.toBe(0);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toContain(`${file}, regel 25: verwacht: de rij 2025, GM0317, inflow, all met waarde 4`);
    }
  });
});

describe("backtest.json.ts", () => {
  it("scores both models for hold-outs 1-3 with coverage in [0, 1] and PIT counts that add up", () => {
    const r = run("backtest.json.ts");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.models.map((m: {id: string}) => m.id)).toEqual(["gamma-poisson", "series-fit"]);
    for (const s of json.summary) {
      expect(s.coverage50).toBeGreaterThanOrEqual(0);
      expect(s.coverage90).toBeGreaterThanOrEqual(s.coverage50);
      expect(s.pit.reduce((a: number, b: number) => a + b, 0)).toBe(s.n);
    }
    expect(json.summary.find((s: {model: string; holdout: unknown}) => s.model === "gamma-poisson" && s.holdout === "alle").n).toBe(8 * 6);
    for (const scheme of json.schemes) {
      expect(["rolling", "loyo"]).toContain(scheme.scheme);
      expect(scheme.municipalities).toHaveLength(8);
      expect(scheme.lean.text).toMatch(/^(De voorspellingen liggen te (hoog|laag)|Geen duidelijke scheefheid)/);
      for (const m of scheme.municipalities) expect(m.crps).toBeGreaterThanOrEqual(0);
    }
  });
});
