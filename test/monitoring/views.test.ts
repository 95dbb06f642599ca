// The Monitoring page's typed views: the rows its tables show, from the loaders' data.
import {describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {correctedTrail, entryContext, realisedRows, type MonitoringJson} from "../../src/components/views/monitoring.ts";
import {entryResult, fieldId} from "../../src/components/views/monitoring-entry.ts";

const datasets = loadDatasets("data");
const monitoring = loadMonitoring("data/monitoring", {...monitoringOptions(datasets), today: "2026-11-25"});
const json: MonitoringJson = {
  municipalities: datasets.municipalities.filter((m) => m.inAgreement).map((m) => ({code: m.code, name: m.name})),
  groups: datasets.groups.map((g) => ({id: g.id, name: g.name})),
  years: monitoring.years,
  statuses: ["example"],
  current: monitoring.current,
  trail: monitoring.trail,
  files: readdirSync("data/monitoring").filter((n) => n.endsWith(".csv")).map((name) => ({name, text: readFileSync(join("data/monitoring", name), "utf8")}))
};

describe("realised rows", () => {
  const rows = realisedRows(json, 2025);

  it("one row per municipality and the region, the region the sum, the share placements / vacancies", () => {
    expect(rows).toHaveLength(9);
    const region = rows.at(-1)!;
    expect(region.name).toBe("Regio");
    expect(region.vacancies).toBe(rows.slice(0, 8).reduce((a, r) => a + r.vacancies!, 0));
    expect(region.share).toBeCloseTo(region.placements! / region.vacancies!, 12);
    expect(rows.find((r) => r.name === "Baarn")!.vacancies).toBe(104); // the corrected value
    expect(region.returners).toBeNull(); // not recorded in the example year
  });

  it("the correction trail keeps both versions of the corrected figure", () => {
    expect(correctedTrail(json).map((r) => [r.value, r.current])).toEqual([[96, false], [104, true]]);
  });

  it("the entry form's context is the page's data: a correction from it appends to the shipped file", () => {
    const context = entryContext(json, "2026-11-25");
    const result = entryResult({mode: "correction", year: "2025", recordedOn: "2026-11-25", status: "final", source: "corporatie", reason: "nagekomen",
      note: "", values: {[fieldId("GM0351", "backlog")]: "3"}}, context);
    expect(result.errors).toEqual([]);
    expect(result.csv!.startsWith(json.files[0]!.text)).toBe(true);
  });
});
