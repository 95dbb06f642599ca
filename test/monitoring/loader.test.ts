import {describe, expect, it, afterEach} from "vitest";
import fc from "fast-check";
import {join} from "node:path";
import {loadMonitoring, realised} from "../../loaders/monitoring.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {OPTIONS, HEADER, row, tempDir, cleanup, writeFiles} from "./helpers.ts";

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach(cleanup));

function issuesOf(dir: string) {
  try {
    loadMonitoring(dir, OPTIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).issues;
  }
  throw new Error("expected the monitoring data to be refused");
}

describe("the shipped example year", () => {
  const data = loadMonitoring("data/monitoring", OPTIONS);

  it("is marked as example data in every row", () => {
    expect(data.years).toEqual([2025]);
    expect(data.trail.every((r) => r.status === "example")).toBe(true);
  });

  it("has every metric for every municipality in the agreement", () => {
    for (const code of OPTIONS.municipalities) {
      for (const metric of ["vacancies", "placements", "inflow", "backlog"] as const) {
        expect(realised(data, 2025, code, metric), `${code} ${metric}`).toBeTypeOf("number");
      }
    }
  });

  it("takes the example correction as current and keeps the corrected row in the trail", () => {
    expect(realised(data, 2025, "GM0308", "vacancies")).toBe(104);
    const baarn = data.trail.filter((r) => r.municipality === "GM0308" && r.metric === "vacancies");
    expect(baarn.map((r) => [r.value, r.current, r.revision])).toEqual([[96, false, 0], [104, true, 1]]);
    expect(baarn[1]!.reason).not.toBe("");
    expect(data.current.length).toBe(data.trail.length - 1);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(data.current)).toBe(true);
    expect(Object.isFrozen(data.trail[0])).toBe(true);
  });
});

describe("corrections", () => {
  it("the latest correction wins and no earlier row is lost, whatever the number of corrections", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5000), {minLength: 1, maxLength: 6}), (values) => {
        const dir = fresh();
        const lines = values.map((value, i) =>
          row({value, recorded_on: `2026-0${i + 1}-15`, reason: i === 0 ? "" : `correctie ${i}`}));
        writeFiles(dir, {"2025.csv": [HEADER, ...lines]});
        const data = loadMonitoring(dir, OPTIONS);
        expect(realised(data, 2025, "GM0307", "vacancies")).toBe(values.at(-1));
        expect(data.trail.map((r) => r.value)).toEqual(values);
        expect(data.trail.filter((r) => r.current)).toHaveLength(1);
      }),
      {numRuns: 25}
    );
  });

  it("refuses a duplicate key recorded on the same date", () => {
    const dir = writeFiles(fresh(), {"2025.csv": [HEADER, row({value: 10}), row({value: 11, reason: "dubbel"})]});
    expect(issuesOf(dir)).toEqual([
      expect.objectContaining({file: join(dir, "2025.csv"), line: 3, column: "recorded_on", value: "2026-02-01"})
    ]);
  });

  it("refuses a correction that predates the row it corrects", () => {
    const dir = writeFiles(fresh(), {"2025.csv": [HEADER, row({recorded_on: "2026-03-01"}), row({recorded_on: "2026-02-01", reason: "correctie"})]});
    const [issue] = issuesOf(dir);
    expect(issue).toMatchObject({line: 3, column: "recorded_on"});
    expect(issue!.expected).toMatch(/niet ouder zijn dan de rij die ze corrigeert/);
  });

  it("refuses a correction without a reason", () => {
    const dir = writeFiles(fresh(), {"2025.csv": [HEADER, row({}), row({recorded_on: "2026-03-01"})]});
    expect(issuesOf(dir)).toEqual([expect.objectContaining({line: 3, column: "reason"})]);
  });
});

describe("bad monitoring files", () => {
  it("reports every problem of every file at once, naming file, line, column, value and expectation", () => {
    const dir = writeFiles(fresh(), {
      "2025.csv": [
        HEADER,
        row({municipality: "GM0203"}), // Barneveld: outside the agreement
        row({metric: "placements", value: "12.5"}),
        row({metric: "inflow", value: -3}),
        row({metric: "wachttijd"}),
        row({status: "published"}),
        row({recorded_on: "16-02-2026"}),
        row({metric: "backlog", group: "mo"})
      ],
      "2026.csv": [HEADER, row({year: 2025, recorded_on: "2026-05-01"})]
    });
    const issues = issuesOf(dir);
    const at = (line: number, column: string) => issues.find((i) => i.line === line && i.column === column);
    const file = join(dir, "2025.csv");
    expect(at(2, "municipality")).toMatchObject({file, value: "GM0203"});
    expect(at(3, "value")).toMatchObject({file, value: "12.5"});
    expect(at(4, "value")).toMatchObject({file, value: "-3"});
    expect(at(5, "metric")).toMatchObject({file, value: "wachttijd"});
    expect(at(6, "status")).toMatchObject({file, value: "published"});
    expect(at(7, "recorded_on")).toMatchObject({file, value: "16-02-2026"});
    expect(at(8, "group")).toMatchObject({file, value: "mo"});
    expect(issues.find((i) => i.file === join(dir, "2026.csv"))).toMatchObject({line: 2, column: "year", value: "2025"});
    expect(issues).toHaveLength(8);
  });

  it("refuses a Dutch Excel export with semicolons, saying so", () => {
    const dir = writeFiles(fresh(), {"2025.csv": [HEADER.replaceAll(",", ";"), row({}).replaceAll(",", ";")]});
    const [issue, ...rest] = issuesOf(dir);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({file: join(dir, "2025.csv"), line: 1});
    expect(issue!.expected).toMatch(/';'/);
  });

  it("refuses a wrong header, a short row and a file not named after its year", () => {
    const dir = writeFiles(fresh(), {
      "2025.csv": [HEADER, "2025,GM0307,vacancies"],
      "2024.csv": ["year,municipality,metric,value", "2024,GM0307,vacancies,5"],
      "realisatie.csv": [HEADER]
    });
    const issues = issuesOf(dir);
    const name = (file: string) => file.split("/").at(-1);
    // The 2024 file's header lacks six columns: each is named, and its rows are not read.
    const header = issues.filter((i) => name(i.file) === "2024.csv");
    expect(header.map((i) => [i.line, i.column])).toEqual(["group", "status", "source", "recorded_on", "reason", "note"].map((c) => [1, c]));
    expect(issues.filter((i) => name(i.file) === "2025.csv")).toEqual([expect.objectContaining({line: 2, column: "group"})]);
    expect(issues.filter((i) => name(i.file) === "realisatie.csv")).toEqual([expect.objectContaining({value: "realisatie.csv"})]);
  });

  it("refuses placements above vacancies and group rows above their total", () => {
    const dir = writeFiles(fresh(), {
      "2025.csv": [
        HEADER,
        row({metric: "vacancies", value: 50}),
        row({metric: "placements", value: 60}),
        row({metric: "inflow", value: 10}),
        row({metric: "inflow", group: "mo", value: 7}),
        row({metric: "inflow", group: "bw", value: 5}),
        row({metric: "placements", group: "mo", value: 1, municipality: "GM0308"})
      ]
    });
    const issues = issuesOf(dir);
    expect(issues.map((i) => [i.line, i.column])).toEqual([[3, "value"], [4, "value"], [7, "group"]]);
    expect(issues[0]!.expected).toMatch(/niet overtreffen/);
    expect(issues[1]!.expected).toMatch(/minstens 12/);
  });

  it("refuses a row recorded before its year began or after today", () => {
    const dir = writeFiles(fresh(), {"2025.csv": [HEADER, row({recorded_on: "2024-12-31"}), row({metric: "inflow", recorded_on: "2027-01-01"})]});
    expect(issuesOf(dir).map((i) => [i.line, i.column])).toEqual([[2, "recorded_on"], [3, "recorded_on"]]);
  });
});
