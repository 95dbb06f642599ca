import {describe, expect, it, afterAll} from "vitest";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {inflowSettings, recalibrate} from "../../simulations/recalibration/recalibrate.ts";
import {gammaMean, gammaVariance} from "../../simulations/recalibration/gamma-poisson.ts";
import {RETURN_PRIOR_PEOPLE, returnShares} from "../../simulations/recalibration/return-shares.ts";
import {calibrationSchema} from "../../simulations/recalibration/calibration-schema.ts";
import {prepareInputs} from "../../simulations/model/inputs.ts";
import {defaultScenarios} from "../../simulations/index.ts";
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
    expect(result.calibration.model).toBe("pooled");
    expect(result.statuses).toEqual(["example"]);
    expect(result.calibration.municipalities["GM0307"]!.backlog).toBe(24);
  });

  it("learns from the corrected value, not the superseded one", () => {
    const baarn = result.municipalities.find((m) => m.code === "GM0308")!;
    expect(baarn.vacancies.observed).toEqual([{year: 2025, value: 104}]);
  });

  it("records every row of the realised year, the corrected one too", () => {
    expect(result.calibration.usedRows).toHaveLength(monitoring.trail.length);
    expect(result.calibration.usedRows!.filter((r) => r.key === "2025|GM0308|vacancies|all").map((r) => r.value)).toEqual([96, 104]);
  });

  it("a realised inflow moves each origin's expectation toward it, less than the old unpooled update did", () => {
    const amersfoort = result.municipalities.find((m) => m.code === "GM0307")!;
    const before = amersfoort.inflow.prior.mean;
    const after = gammaMean(amersfoort.inflow.posterior);
    expect(after).toBeGreaterThan(before); // 142 realised against about 134 prognosed
    expect(after).toBeLessThan(142);
    // The old model (0.37 pseudo-years) moved it to 139.8; the shared regional prior holds it closer.
    expect(after).toBeLessThan(139.8);
  });

  it("the inflow prior's regional strength reads the prognosis range as a 90% interval", () => {
    const s = inflowSettings(datasets.prognosis, codes);
    expect(s.regionalPrior!.mean).toBe(1);
    expect(s.regionalPrior!.cv).toBeGreaterThan(0.05);
    expect(s.regionalPrior!.cv).toBeLessThan(0.4);
  });

  it("every prior strength is stated and positive", () => {
    for (const m of result.municipalities) {
      for (const t of [m.vacancies, m.inflow]) {
        expect(Number.isFinite(t.prior.strength)).toBe(true);
        expect(t.prior.strength).toBeGreaterThan(0);
        expect(t.dispersion).toBeGreaterThanOrEqual(1);
      }
    }
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

describe("return shares learned from realised returners (beta-binomial)", () => {
  const base = {year: 2025, recorded_on: "2026-02-01", status: "final"};
  const complete = codes.flatMap((c) => [
    row({...base, municipality: c, metric: "vacancies", value: 200}),
    row({...base, municipality: c, metric: "inflow", value: 40}),
    row({...base, municipality: c, metric: "backlog", value: 3})
  ]);

  it("posterior Beta(s·p₀ + Σr, s·(1 − p₀) + Σ(n − r)) with s = 20 people, pooled over municipalities", () => {
    const dir = writeFiles(tempDir(), {"2025.csv": [HEADER, ...complete,
      row({...base, municipality: "GM0307", metric: "inflow", group: "hg", value: 10}),
      row({...base, municipality: "GM0307", metric: "returners", group: "all", value: 6}),
      row({...base, municipality: "GM0307", metric: "returners", group: "hg", value: 6}),
      row({...base, municipality: "GM0308", metric: "inflow", group: "hg", value: 5}),
      row({...base, municipality: "GM0308", metric: "returners", group: "all", value: 3}),
      row({...base, municipality: "GM0308", metric: "returners", group: "hg", value: 3})]});
    dirs.push(dir);
    const monitoring = loadMonitoring(dir, {...options, today: "2026-11-25"});
    const hg = returnShares(monitoring, [{id: "hg", returnShare: 0.15}], 2025)[0]!;
    expect(RETURN_PRIOR_PEOPLE).toBe(20);
    expect(hg.returners).toBe(9);
    expect(hg.inflow).toBe(15);
    expect(hg.posterior.shape1).toBeCloseTo(20 * 0.15 + 9, 12);
    expect(hg.posterior.shape2).toBeCloseTo(20 * 0.85 + 6, 12);

    // The calibration carries it and the engine's inputs use its mean; groups without data keep data/groups.csv.
    const {calibration} = recalibrate(datasets, monitoring, {year: 2025, version: "2025-1", createdAt: "x"});
    expect(Object.keys(calibration.returnShares!)).toEqual(["hg"]);
    const agreed = defaultScenarios().find((s) => s.id === "agreed")!;
    const inputs = prepareInputs(datasets, agreed, calibration);
    expect(inputs.groups.find((g) => g.id === "hg")!.returnShare).toBeCloseTo(12 / 35, 12);
    expect(inputs.groups.find((g) => g.id === "mo")!.returnShare).toBe(datasets.groups.find((g) => g.id === "mo")!.returnShare.value);
  });
});

describe("recovering known rates from many synthetic realised years", () => {
  it("after 40 years drawn from known rates, every posterior mean is within 4 sd (plus 2%) of its true rate", () => {
    const years = Array.from({length: 40}, (_, i) => 2025 + i);
    const monitoring0 = loadMonitoring("data/monitoring", options);
    const r0 = recalibrate(datasets, monitoring0, {year: 2025, version: "x-1", createdAt: "x"});
    // True rates differ from the priors: vacancies 15% below the series, inflow 25% above the prognosis.
    const truth = new Map(r0.municipalities.map((m) => [m.code, {vacancies: m.vacancies.prior.mean * 0.85, inflow: m.inflow.prior.mean * 1.25}]));
    const draws = new Map(codes.map((c, m) => [c, {
      vacancies: syntheticCounts(truth.get(c)!.vacancies, years.length, 5, m),
      inflow: syntheticCounts(truth.get(c)!.inflow, years.length, 6, m)
    }]));
    const files: Record<string, string[]> = {};
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
    const result = recalibrate(datasets, monitoring, {year: 2064, version: "2064-1", createdAt: "x"});
    expect(result.calibration.startYear).toBe(2065);
    for (const m of result.municipalities) {
      expect(result.calibration.municipalities[m.code]!.backlog).toBe(39);
      // The fitted rate itself (without next year's noise), from the pooled fit.
      const i = codes.indexOf(m.code);
      const inflowRho = result.inflowFit.units[i]!.rho;
      const exposure = datasets.prognosis.filter((p) => p.origin === m.code && p.variant === "central");
      const perYear = exposure.reduce((a, p) => a + p.placements, 0) / new Set(exposure.map((p) => p.year)).size;
      const t = truth.get(m.code)!.inflow;
      expect(Math.abs(gammaMean(inflowRho) * perYear - t), `${m.name} inflow`).toBeLessThan(4 * Math.sqrt(gammaVariance(inflowRho)) * perYear + 0.02 * t);
    }
  });
});
