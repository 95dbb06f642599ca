import {describe, expect, it, afterAll} from "vitest";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {recalibrate} from "../../simulations/recalibration/recalibrate.ts";
import {gammaMean, gammaVariance, updateGamma} from "../../simulations/recalibration/gamma-poisson.ts";
import {inflowPriors, vacancyPriors} from "../../simulations/recalibration/prior.ts";
import {calibrationSchema} from "../../simulations/recalibration/calibration-schema.ts";
import {HEADER, cleanup, row, tempDir, writeFiles} from "./helpers.ts";
import {syntheticCounts} from "./synthetic.ts";

const datasets = loadDatasets("data");
const options = monitoringOptions(datasets);
const codes = options.municipalities;
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe("recalibration on the shipped example year", () => {
  const monitoring = loadMonitoring("data/monitoring", options);
  const result = recalibrate(datasets, monitoring, {year: 2025, version: "2025-1", createdAt: "2026-11-25T00:00:00.000Z"});

  it("produces a valid Calibration for every municipality in the agreement, starting the year after", () => {
    expect(calibrationSchema.parse(result.calibration)).toEqual(result.calibration);
    expect(Object.keys(result.calibration.municipalities).sort()).toEqual([...codes].sort());
    expect(result.calibration.startYear).toBe(2026);
    expect(result.calibration.realisedYears).toEqual([2025]);
    expect(result.statuses).toEqual(["example"]);
  });

  it("posterior = prior updated with the realised (corrected) values, and the backlog is the realised one", () => {
    const {priors: vp} = vacancyPriors(datasets.vacancies, codes, 2025);
    const ip = inflowPriors(datasets.prognosis, codes);
    const baarn = result.calibration.municipalities["GM0308"]!;
    expect(baarn.vacancies).toEqual(updateGamma(vp.get("GM0308")!.belief, [104])); // the corrected value, not 96
    expect(baarn.inflow).toEqual(updateGamma(ip.get("GM0308")!.belief, [10]));
    expect(result.calibration.municipalities["GM0307"]!.backlog).toBe(24);
  });

  it("refuses a year without complete figures, naming what is missing", () => {
    const dir = writeFiles(tempDir(), {"2025.csv": [HEADER, row({municipality: "GM0307", metric: "vacancies"})]});
    dirs.push(dir);
    const partial = loadMonitoring(dir, {...options, today: "2026-11-25"});
    try {
      recalibrate(datasets, partial, {year: 2025, version: "2025-1", createdAt: "x", monitoringDir: dir});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      const issues = (error as DatasetError).issues;
      expect(issues).toHaveLength(8 * 3 - 1); // all but Amersfoort's vacancies
      expect(issues[0]).toMatchObject({file: join(dir, "2025.csv"), column: "metric"});
    }
  });
});

describe("recovering known parameters from synthetic realised years", () => {
  it("after 40 years drawn from known rates, every posterior mean is within tolerance of its true rate", () => {
    const years = Array.from({length: 40}, (_, i) => 2025 + i);
    // True rates differ from the priors: vacancies 15% below the series, inflow 25% above the prognosis.
    const {priors: vp} = vacancyPriors(datasets.vacancies, codes, 2025);
    const ip = inflowPriors(datasets.prognosis, codes);
    const truth = new Map(codes.map((c) => [c, {vacancies: vp.get(c)!.mean * 0.85, inflow: ip.get(c)!.mean * 1.25}]));
    const files: Record<string, string[]> = {};
    const draws = new Map(codes.map((c, m) => [c, {
      vacancies: syntheticCounts(truth.get(c)!.vacancies, years.length, 5, m),
      inflow: syntheticCounts(truth.get(c)!.inflow, years.length, 6, m)
    }]));
    years.forEach((year, i) => {
      files[`${year}.csv`] = [HEADER, ...codes.flatMap((c) => {
        const d = draws.get(c)!;
        const base = {year, municipality: c, recorded_on: `${year + 1}-02-01`, status: "final"};
        return [row({...base, metric: "vacancies", value: d.vacancies[i]!}), row({...base, metric: "inflow", value: d.inflow[i]!}),
          row({...base, metric: "backlog", value: i})];
      })];
    });
    const dir = writeFiles(tempDir(), files);
    dirs.push(dir);
    const monitoring = loadMonitoring(dir, {...options, today: "2100-12-31"});
    const {calibration} = recalibrate(datasets, monitoring, {year: 2064, version: "2064-1", createdAt: "x"});
    expect(calibration.realisedYears).toEqual(years);
    expect(calibration.startYear).toBe(2065);
    for (const c of codes) {
      const m = calibration.municipalities[c]!;
      expect(m.backlog).toBe(39);
      for (const what of ["vacancies", "inflow"] as const) {
        const t = truth.get(c)![what];
        const sd = Math.sqrt(gammaVariance(m[what]));
        // Within 4 posterior sd plus the prior's pull (at most 5 of 45 pseudo-years, 25% off).
        expect(Math.abs(gammaMean(m[what]) - t), `${c} ${what}`).toBeLessThan(4 * sd + (5 / 45) * 0.25 * t);
      }
    }
  });
});
