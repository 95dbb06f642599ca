// Append-only, enforced (issue 12, item 5): a calibration records the rows it used; editing or deleting one is
// refused by the next recalibration and by a forecast from that calibration, naming file and line, in Dutch.
import {describe, expect, it, afterAll} from "vitest";
import {appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {runRecalibration} from "../../simulations/recalibration/run.ts";
import {forecastInputs} from "../../simulations/recalibration/forecast.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {defaultScenarios} from "../../simulations/index.ts";
import {cleanup, tempDir} from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const NOW = new Date("2026-11-25T12:00:00.000Z");
const TODAY = "2026-11-25";
const agreed = defaultScenarios().find((s) => s.id === "agreed")!;

/** A copy of the shipped data with calibration 2025-1 made from it. */
function calibrated() {
  const root = tempDir("fairshare-append-only-");
  dirs.push(root);
  cpSync("data", join(root, "data"), {recursive: true});
  const dataDir = join(root, "data");
  const outDir = join(root, "calibrations");
  const monitoringFile = join(dataDir, "monitoring/2025.csv");
  runRecalibration({year: 2025, dataDir, outDir, now: NOW});
  return {dataDir, outDir, monitoringFile, monitoringDir: join(dataDir, "monitoring")};
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n");

function refusal(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error("expected a refusal");
}

describe("append-only history", () => {
  it("editing a used row in place is refused by the next recalibration, naming file and line; nothing is written", () => {
    const {dataDir, outDir, monitoringFile} = calibrated();
    const rows = lines(monitoringFile);
    rows[1] = rows[1]!.replace(",1290,", ",1300,"); // line 2: Amersfoort's vacancies
    writeFileSync(monitoringFile, rows.join("\n"));
    const before = readdirSync(outDir).sort();
    const error = refusal(() => runRecalibration({year: 2025, dataDir, outDir, now: NOW}));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({file: monitoringFile, line: 2});
    expect(error.message).toMatch(/2025\.csv, regel 2/);
    expect(error.message).toMatch(/gewijzigd of verwijderd/);
    expect(error.message).toMatch(/correctie toe als nieuwe rij onderaan, met dezelfde year, municipality, metric en group, een latere recorded_on en een reden/);
    expect(readdirSync(outDir).sort()).toEqual(before);
  });

  it("a forecast from the calibration refuses the edited history too", () => {
    const {dataDir, outDir, monitoringFile, monitoringDir} = calibrated();
    const rows = lines(monitoringFile);
    rows[21] = rows[21]!.replace(",142,", ",150,"); // line 22: Amersfoort's inflow
    writeFileSync(monitoringFile, rows.join("\n"));
    const datasets = loadDatasets(dataDir);
    const error = refusal(() => forecastInputs(datasets, agreed, "latest", {calibrationDir: outDir, monitoringDir, today: TODAY}));
    expect(error.issues[0]).toMatchObject({file: monitoringFile, line: 22});
  });

  it("deleting a correction row is refused (the current value would silently fall back)", () => {
    const {dataDir, outDir, monitoringFile} = calibrated();
    const rows = lines(monitoringFile).filter((l) => !l.includes("correctie: nagekomen verhuringen"));
    writeFileSync(monitoringFile, rows.join("\n"));
    const error = refusal(() => runRecalibration({year: 2025, dataDir, outDir, now: NOW}));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.line).toBe(38);
    expect(error.issues[0]!.expected).toMatch(/2025, GM0308, vacancies, all met waarde 104/);
  });

  it("deleting the earlier row of a correction is refused: a correction never loses the row it corrects", () => {
    const {dataDir, outDir, monitoringFile} = calibrated();
    const rows = lines(monitoringFile);
    rows.splice(2, 1); // line 3: Baarn's vacancies 96, corrected later to 104
    writeFileSync(monitoringFile, rows.join("\n"));
    const error = refusal(() => runRecalibration({year: 2025, dataDir, outDir, now: NOW}));
    expect(error.issues.map((i) => i.line)).toEqual([3]);
    expect(error.issues[0]!.expected).toMatch(/waarde 96/);
  });

  it("adding a correction works: a new version, the earlier rows all kept, the corrected value used", () => {
    const {dataDir, outDir, monitoringFile, monitoringDir} = calibrated();
    appendFileSync(monitoringFile, "2025,GM0307,vacancies,all,1300,final,corporaties Amersfoort,2026-11-20,correctie: nagekomen verhuringen,\n");
    const result = runRecalibration({year: 2025, dataDir, outDir, now: NOW});
    expect(result).toMatchObject({status: "written", version: "2025-2"});
    const monitoring = loadMonitoring(monitoringDir, {...monitoringOptions(loadDatasets(dataDir)), today: TODAY});
    const amersfoort = monitoring.trail.filter((r) => r.municipality === "GM0307" && r.metric === "vacancies");
    expect(amersfoort.map((r) => [r.value, r.current])).toEqual([[1290, false], [1300, true]]);
    expect(result.recalibration.municipalities.find((m) => m.code === "GM0307")!.vacancies.observed).toEqual([{year: 2025, value: 1300}]);
    // Both versions' rows are intact: a forecast from either is accepted.
    const datasets = loadDatasets(dataDir);
    for (const file of ["calibration-2025-1.json", "calibration-2025-2.json"]) {
      expect(forecastInputs(datasets, agreed, join(outDir, file), {monitoringDir, today: TODAY}).startYear).toBe(2026);
    }
  });

  it("a calibration without recorded rows (an older file) is not checked", () => {
    const {dataDir, outDir, monitoringFile} = calibrated();
    const file = join(outDir, "calibration-2025-1.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    delete json.usedRows;
    writeFileSync(file, JSON.stringify(json));
    const rows = lines(monitoringFile);
    rows[1] = rows[1]!.replace(",1290,", ",1300,");
    writeFileSync(monitoringFile, rows.join("\n"));
    expect(runRecalibration({year: 2025, dataDir, outDir, now: NOW}).status).toBe("written");
  });
});
