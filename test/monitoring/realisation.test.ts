import {describe, expect, it, afterAll} from "vitest";
import {cpSync, appendFileSync} from "node:fs";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {defaultScenarios, prepareInputs, rampPeriod, yearTargets} from "../../simulations/index.ts";
import {recalibrate} from "../../simulations/recalibration/recalibrate.ts";
import {forecastBasisFor, realisationAgainstAgreement} from "../../simulations/recalibration/realisation.ts";
import type {Calibration} from "../../simulations/model/calibration.ts";
import {cleanup, tempDir} from "./helpers.ts";

const datasets = loadDatasets("data");
const options = monitoringOptions(datasets);
const agreed = defaultScenarios().find((s) => s.id === "agreed")!;
const monitoring = loadMonitoring("data/monitoring", options);
const OPTS = {runs: 400, seed: 3};
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const cal = (version: string, startYear: number) => ({version, startYear} as Calibration);

describe("the forecast known before a year", () => {
  it("is the latest calibration that starts in or before that year, else the prior", () => {
    const list = [cal("2025-1", 2026), cal("2025-2", 2026), cal("2026-1", 2027)];
    expect(forecastBasisFor(2025, list)).toBeNull();
    expect(forecastBasisFor(2026, list)?.version).toBe("2025-2");
    expect(forecastBasisFor(2028, list)?.version).toBe("2026-1");
    expect(forecastBasisFor(2026, [cal("2025-10", 2026), cal("2025-9", 2026)])?.version).toBe("2025-10");
  });
});

describe("realisation against the agreement (example year 2025)", () => {
  const rows = realisationAgainstAgreement(datasets, monitoring, agreed, [], OPTS);

  it("has a row per municipality in the agreement and the region, with the agreed scenario's targets", () => {
    expect(rows.map((r) => r.code).sort()).toEqual([...options.municipalities, "regio"].sort());
    const inputs = prepareInputs(datasets, agreed);
    const targets = yearTargets(rampPeriod(agreed.ramp, 2025), agreed.key, inputs.basis, inputs.municipalities);
    inputs.municipalities.forEach((m, i) => expect(rows.find((r) => r.code === m.code)!.target).toBe(targets[i]));
    expect(rows.find((r) => r.code === "GM0307")!.target).toBe(135);
    expect(rows.find((r) => r.code === "regio")!.target).toBe(227);
  });

  it("compares the realised value with target and band consistently", () => {
    for (const r of rows) {
      expect(r.placed).not.toBeNull();
      expect(r.gap).toBe(r.placed! - r.target);
      expect(r.inBand).toBe(r.placed! >= r.forecast.p5 && r.placed! <= r.forecast.p95);
      expect(r.forecastBasis).toBe("prior");
      expect(r.status).toBe("example");
    }
    const region = rows.find((r) => r.code === "regio")!;
    expect(region.placed).toBe(rows.filter((r) => r.code !== "regio").reduce((a, r) => a + r.placed!, 0));
  });

  it("is the same for the same seed", () => {
    expect(realisationAgainstAgreement(datasets, monitoring, agreed, [], OPTS)).toEqual(rows);
  });
});

describe("a later year is judged against the band of the calibration known before it", () => {
  it("2026 uses calibration 2025-1 (started from the realised backlog), 2025 still the prior", () => {
    const root = tempDir();
    dirs.push(root);
    cpSync("data/monitoring", join(root, "monitoring"), {recursive: true});
    const lines = options.municipalities.flatMap((code) =>
      ["vacancies,all,200", "placements,all,10", "inflow,all,12", "backlog,all,2"].map((m) => `2026,${code},${m},final,test,2027-02-01,eerste registratie,`));
    appendFileSync(join(root, "monitoring/2026.csv"), "year,municipality,metric,group,value,status,source,recorded_on,reason,note\n" + lines.join("\n") + "\n");
    const later = loadMonitoring(join(root, "monitoring"), {...options, today: "2027-03-01"});
    const {calibration} = recalibrate(datasets, later, {year: 2025, version: "2025-1", createdAt: "2026-11-25T00:00:00.000Z"});
    const rows = realisationAgainstAgreement(datasets, later, agreed, [calibration], OPTS);
    expect(new Set(rows.filter((r) => r.year === 2025).map((r) => r.forecastBasis))).toEqual(new Set(["prior"]));
    expect(new Set(rows.filter((r) => r.year === 2026).map((r) => r.forecastBasis))).toEqual(new Set(["2025-1"]));
    const prior2026 = realisationAgainstAgreement(datasets, later, agreed, [], OPTS).find((r) => r.year === 2026 && r.code === "regio")!;
    const calibrated2026 = rows.find((r) => r.year === 2026 && r.code === "regio")!;
    expect(calibrated2026.forecast).not.toEqual(prior2026.forecast);
    expect(calibrated2026.target).toBe(227);
  });
});
