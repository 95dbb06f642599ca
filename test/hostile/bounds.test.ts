// The engine at the largest accepted input: every data value and scenario field at its maximum, the largest
// factors, a few runs. It must run, with no count wrapped past 2^31 and every number finite; and a vacancy series
// that swings so wildly that the summaries would need gigabytes is refused before the run, naming the series.
import {describe, expect, it} from "vitest";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {FIGURE_MAX, MAX_PROGNOSIS, MAX_VACANCIES} from "../../loaders/bounds.ts";
import {SCENARIO_RANGES as R} from "../../simulations/scenario/schema.ts";
import {VACANCY_FACTOR_RANGE} from "../../simulations/cli/flags.ts";
import {copyData, runSimulate, tmp} from "./helpers.ts";

/** Sets `column` of every row of a data file (a simple rewrite: the cells changed hold no commas). */
function setColumn(dir: string, file: string, column: string, value: (row: Record<string, string>, i: number) => string): void {
  const rows = parse(readFileSync(join(dir, file), "utf8"), {columns: true}) as Record<string, string>[];
  const header = Object.keys(rows[0]!);
  const q = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = rows.map((r, i) => header.map((h) => q(h === column ? value(r, i) : r[h]!)).join(","));
  writeFileSync(join(dir, file), [header.join(","), ...lines].join("\n") + "\n");
}

const maxScenario = {
  id: "max",
  name: "Alles op het maximum",
  description: "",
  ramp: [{from: 2025, to: 2030, region: R.rampCount.max}],
  key: {inhabitants: R.keyWeight.max, households: R.keyWeight.max, socialStock: R.keyWeight.max, vacancies: R.keyWeight.max},
  inflowDispersion: R.inflowDispersion.max,
  vacancyWindow: R.vacancyWindow.max,
  spillOver: true
};

describe("the engine at the bounds", () => {
  it("runs every field at its maximum without overflow: targets are exactly the ramp, every number finite", async () => {
    const data = copyData();
    setColumn(data, "vacancies.csv", "vacancies", () => String(MAX_VACANCIES));
    setColumn(data, "prognosis.csv", "placements", () => String(MAX_PROGNOSIS));
    setColumn(data, "municipal-figures.csv", "value", (r) => String(FIGURE_MAX[r.indicator as keyof typeof FIGURE_MAX]));
    const dir = tmp();
    writeFileSync(join(dir, "max.json"), JSON.stringify(maxScenario));
    const out = join(dir, "max.csv");
    const r = await runSimulate(["--scenario", join(dir, "max.json"), "--data", data, "--runs", "3", "--vacancy-factor", String(VACANCY_FACTOR_RANGE.max), "--seed", "4294967295", "--out", out]);
    expect(r.err).toMatch(/rijen geschreven/);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, "utf8"), {columns: true}) as Record<string, string>[];
    const targets = rows.filter((x) => x.metric === "target" && x.municipality === "regio");
    expect(targets.map((x) => Number(x.mean))).toEqual(Array(6).fill(R.rampCount.max));
    for (const row of rows) for (const k of ["mean", "p5", "p50", "p95"]) expect(Number.isFinite(Number(row[k]))).toBe(true);
    expect(rows.filter((x) => ["vacancies", "inflow", "placed", "backlog", "target"].includes(x.metric!)).every((x) => Number(x.p5) >= 0)).toBe(true);
    // Vacancies at the bound times the factor: 8 × 30.000 a year in the region, nowhere near 2^31.
    const vacancies = rows.find((x) => x.metric === "vacancies" && x.municipality === "regio")!;
    expect(Number(vacancies.mean)).toBeGreaterThan(200_000);
  });

  it("refuses, before the run, a vacancy series that swings from 0 to the maximum every year (V8 aborted on it)", async () => {
    const data = copyData();
    setColumn(data, "vacancies.csv", "vacancies", (_r, i) => (i % 2 === 0 ? String(MAX_VACANCIES) : "0"));
    const dir = tmp();
    const r = await runSimulate(["--scenario", "agreed", "--data", data, "--runs", "100", "--out", join(dir, "x.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fout: deze run zou naar schatting [\d.]+ MB geheugen vragen \(hoogstens 2000 MB\).*vooral bij .* \(GM\d{4}\).*data\/vacancies\.csv/);
    expect(r.err).toMatch(/Er is niets geschreven\.$/);
  });
});
