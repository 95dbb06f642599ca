// Forecast from a calibration: `--calibration latest|FILE` resolves, runs the remaining years from the realised
// backlog, and the Monitoring page's loader and the command line's path give the same numbers for the same seed.
import {describe, expect, it, afterAll} from "vitest";
import {cpSync, existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {runRecalibration} from "../../simulations/recalibration/run.ts";
import {CalibrationError, calibratedForecast, forecastInputs, resolveCalibration} from "../../simulations/recalibration/forecast.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {defaultScenarios, summaryRows, toCsv, SUMMARY_COLUMNS} from "../../simulations/index.ts";
import {main} from "../../simulations/cli/simulate.ts";
import {runPool} from "../../simulations/runner/pool.ts";
import {cleanup, tempDir} from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const agreed = defaultScenarios().find((s) => s.id === "agreed")!;
const TODAY = "2026-11-25";

function workspace() {
  const root = tempDir("fairshare-forecast-");
  dirs.push(root);
  cpSync("data", join(root, "data"), {recursive: true});
  const dataDir = join(root, "data");
  const outDir = join(root, "calibrations");
  runRecalibration({year: 2025, dataDir, outDir, now: new Date("2026-11-25T12:00:00.000Z")});
  return {root, dataDir, outDir, monitoringDir: join(dataDir, "monitoring")};
}

describe("resolving --calibration", () => {
  const {root, outDir} = workspace();

  it("latest is the highest year and sequence; a file path reads that file", () => {
    expect(resolveCalibration("latest", outDir).calibration.version).toBe("2025-1");
    expect(resolveCalibration(join(outDir, "calibration-2025-1.json")).calibration.startYear).toBe(2026);
  });

  it("refuses in Dutch: no calibration yet, a missing file, a file that is no calibration (without quoting it)", () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    expect(() => resolveCalibration("latest", empty)).toThrow(CalibrationError);
    expect(() => resolveCalibration("latest", empty)).toThrow(/nog geen herijking.*npm run recalibrate/);
    expect(() => resolveCalibration(join(root, "nope.json"))).toThrow(/--calibration: bestand .*nope\.json niet gevonden/);
    expect(() => resolveCalibration(join(root, "data/vacancies.csv"))).toThrow(/verwacht "latest" of een bestand/);
    const bad = join(root, "bad.json");
    writeFileSync(bad, "{\"geheim\": 1");
    expect(() => resolveCalibration(bad)).toThrow(/geen geldige herijking: geen geldige JSON/);
    expect(() => resolveCalibration(bad)).not.toThrow(/geheim/);
    writeFileSync(bad, "{\"geheim\": 1}");
    expect(() => resolveCalibration(bad)).toThrow(/geen geldige herijking/);
  });
});

describe("forecast from a calibration", () => {
  const {dataDir, outDir, monitoringDir} = workspace();
  const datasets = loadDatasets(dataDir);
  const start = forecastInputs(datasets, agreed, "latest", {calibrationDir: outDir, monitoringDir, today: TODAY});

  it("runs the remaining years from the realised backlog", () => {
    expect(start.startYear).toBe(2026);
    expect(start.inputs.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(start.backlog["GM0307"]).toBe(24);
    const amersfoort = start.inputs.municipalities.findIndex((m) => m.code === "GM0307");
    expect(start.inputs.initialBacklog[amersfoort]).toBe(24);
    expect(start.inputs.calibration?.version).toBe("2025-1");
  });

  it("the page's path (summarize of simulate) and the command line's path (runPool, chunks, workers) give the same numbers", async () => {
    const options = {runs: 3000, seed: 7};
    const page = calibratedForecast(start.inputs, agreed, options);
    for (const workers of [1, 2]) {
      const cli = await runPool({a: {inputs: start.inputs, scenario: agreed}, ...options, chunkSize: 1000}, {workers});
      expect(summaryRows(cli.a)).toEqual(page);
    }
    expect(page.some((r) => r.year === 2026 && r.metric === "placed")).toBe(true);
    expect(page.some((r) => r.year === 2025)).toBe(false);
  });

  it("the same seed gives the same numbers; another seed others", () => {
    const a = calibratedForecast(start.inputs, agreed, {runs: 500, seed: 1});
    expect(calibratedForecast(start.inputs, agreed, {runs: 500, seed: 1})).toEqual(a);
    expect(calibratedForecast(start.inputs, agreed, {runs: 500, seed: 2})).not.toEqual(a);
  });
});

describe("npm run simulate -- --calibration", () => {
  const {root, dataDir, outDir, monitoringDir} = workspace();
  const silent = {out: () => {}, err: () => {}};

  it("writes the same numbers as the Monitoring page's path for the same seed", async () => {
    const out = join(root, "forecast.csv");
    const file = join(outDir, "calibration-2025-1.json");
    const code = await main(["--scenario", "agreed", "--calibration", file, "--data", dataDir, "--runs", "2000", "--seed", "3", "--out", out], silent);
    expect(code).toBe(0);
    const start = forecastInputs(loadDatasets(dataDir), agreed, file, {monitoringDir});
    expect(readFileSync(out, "utf8")).toBe(toCsv(calibratedForecast(start.inputs, agreed, {runs: 2000, seed: 3}), SUMMARY_COLUMNS));
  });

  it("refuses a calibration that is not there, in Dutch, and writes nothing", async () => {
    const out = join(root, "none.csv");
    const messages: string[] = [];
    const code = await main(["--scenario", "agreed", "--calibration", join(root, "nope.json"), "--data", dataDir, "--runs", "10", "--out", out], {out: () => {}, err: (t) => messages.push(t)});
    expect(code).toBe(1);
    expect(messages.join("\n")).toMatch(/--calibration: bestand .*nope\.json niet gevonden/);
    expect(existsSync(out)).toBe(false);
  });
});
