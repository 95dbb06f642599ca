// The entry form's logic: its file is accepted by the loader as it is; a form with a bad value cannot produce one.
import {describe, expect, it, afterAll} from "vitest";
import {cpSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions, realised} from "../../loaders/monitoring.ts";
import {runRecalibration} from "../../simulations/recalibration/run.ts";
import {csvCell, emptyEntry, entryResult, fieldId, type EntryContext, type EntryState} from "../../src/components/views/monitoring-entry.ts";
import {cleanup, tempDir} from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const TODAY = "2027-02-20";
const datasets = loadDatasets("data");
const members = datasets.municipalities.filter((m) => m.inAgreement);
const shipped = loadMonitoring("data/monitoring", {...monitoringOptions(datasets), today: TODAY});

const context: EntryContext = {
  municipalities: members.map((m) => ({code: m.code, name: m.name})),
  groups: datasets.groups.map((g) => ({id: g.id, name: g.name})),
  today: TODAY,
  files: readdirSync("data/monitoring").filter((n) => n.endsWith(".csv")).map((name) => ({name, text: readFileSync(join("data/monitoring", name), "utf8")})),
  trail: shipped.trail
};

/** A complete new year 2026: every municipality's totals, Amersfoort's placements and returners by group. */
function newYear(): EntryState {
  const values: Record<string, string> = {};
  members.forEach((m, i) => {
    values[fieldId(m.code, "vacancies")] = String(100 + i * 10);
    values[fieldId(m.code, "placements")] = String(9 + i);
    values[fieldId(m.code, "inflow")] = String(10 + i);
    values[fieldId(m.code, "backlog")] = String(i);
  });
  values[fieldId("GM0307", "vacancies")] = "1301";
  values[fieldId("GM0307", "placements")] = "120";
  values[fieldId("GM0307", "inflow")] = "140";
  values[fieldId("GM0307", "placements", "mo")] = "40";
  values[fieldId("GM0307", "inflow", "mo")] = "45";
  values[fieldId("GM0307", "returners")] = "30";
  values[fieldId("GM0307", "returners", "mo")] = "30";
  return {...emptyEntry(TODAY), year: "2026", source: "corporaties, \"WoningNet\" rapportage", values};
}

/** The data folder with the form's file saved into data/monitoring. */
function saved(fileName: string, csv: string) {
  const root = tempDir("fairshare-entry-");
  dirs.push(root);
  cpSync("data", join(root, "data"), {recursive: true});
  writeFileSync(join(root, "data/monitoring", fileName), csv);
  return join(root, "data");
}

describe("a new year", () => {
  it("produces a file the loader accepts as it is, with the values entered, and the command to run next", () => {
    const result = entryResult(newYear(), context);
    expect(result.errors).toEqual([]);
    expect(result.fileName).toBe("2026.csv");
    expect(result.command).toBe("npm run recalibrate -- --year 2026");
    expect(result.rowsAdded).toBe(8 * 4 + 4);
    const dataDir = saved(result.fileName!, result.csv!);
    const monitoring = loadMonitoring(join(dataDir, "monitoring"), {...monitoringOptions(datasets), today: TODAY});
    expect(realised(monitoring, 2026, "GM0307", "vacancies")).toBe(1301);
    expect(realised(monitoring, 2026, "GM0307", "returners", "mo")).toBe(30);
    expect(monitoring.current.find((r) => r.year === 2026)!.source).toBe("corporaties, \"WoningNet\" rapportage");
    // And the command it names works on it.
    const run = runRecalibration({year: 2026, dataDir, outDir: join(dataDir, "..", "calibrations"), now: new Date(`${TODAY}T12:00:00Z`)});
    expect(run.status).toBe("written");
    expect(run.recalibration.calibration.realisedYears).toEqual([2025, 2026]);
  });

  it("a form with a bad value produces no file, and says per field in Dutch what is wrong", () => {
    for (const [value, expected] of [["1.290", /een getal met decimalen of een duizendtalpunt/], ["-3", /negatief getal/], ["12,5", /komma/], ["veel", /een geheel getal/]] as const) {
      const state = newYear();
      const result = entryResult({...state, values: {...state.values, [fieldId("GM0308", "vacancies")]: value}}, context);
      expect(result.csv).toBeNull();
      expect(result.fileName).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.field).toBe("GM0308.vacancies.all");
      expect(result.errors[0]!.message).toMatch(/^Baarn, vrijgekomen woningen: verwacht /);
      expect(result.errors[0]!.message).toMatch(expected);
    }
  });

  it("asks every total of every municipality, and refuses a year that already has a file", () => {
    const state = newYear();
    const values = {...state.values};
    delete values[fieldId("GM0351", "backlog")];
    const missing = entryResult({...state, values}, context);
    expect(missing.errors).toEqual([{field: "GM0351.backlog.all", message: "Woudenberg, wachtenden eind jaar (herkomst): verwacht een aantal (dit cijfer is nodig voor elk nieuw jaar)"}]);
    const again = entryResult({...state, year: "2025"}, context);
    expect(again.csv).toBeNull();
    expect(again.errors[0]).toMatchObject({field: "year"});
    expect(again.errors[0]!.message).toMatch(/bestaat al een bestand.*correctie/);
  });

  it("applies the loader's rules between rows: placements within vacancies, group rows within their total", () => {
    const state = newYear();
    const over = entryResult({...state, values: {...state.values, [fieldId("GM0308", "placements")]: "500"}}, context);
    expect(over.csv).toBeNull();
    expect(over.errors.map((e) => e.field)).toEqual(["GM0308.placements.all"]);
    expect(over.errors[0]!.message).toMatch(/plaatsingen kunnen de vrijkomende woningen niet overtreffen/);
    const groups = entryResult({...state, values: {...state.values, [fieldId("GM0307", "placements", "bw")]: "90"}}, context);
    expect(groups.csv).toBeNull();
    expect(groups.errors[0]!.field).toBe("GM0307.placements.all");
  });

  it("refuses a date in the future or before the year, a missing source, and text a spreadsheet would run as a formula", () => {
    const state = newYear();
    expect(entryResult({...state, recordedOn: "2027-13-01"}, context).errors.map((e) => e.field)).toEqual(["recorded_on"]);
    expect(entryResult({...state, recordedOn: "2028-01-01"}, context).errors.map((e) => e.field)).toEqual(["recorded_on"]);
    expect(entryResult({...state, recordedOn: "2025-12-31"}, context).errors.map((e) => e.field)).toEqual(["recorded_on"]);
    expect(entryResult({...state, source: ""}, context).errors.map((e) => e.field)).toEqual(["source"]);
    const formula = entryResult({...state, source: "=HYPERLINK(\"x\")"}, context);
    expect(formula.csv).toBeNull();
    expect(formula.errors[0]).toMatchObject({field: "source"});
    expect(formula.errors[0]!.message).toMatch(/formule/);
  });
});

describe("a correction", () => {
  const correction = (over: Partial<EntryState> = {}): EntryState => ({
    ...emptyEntry(TODAY),
    mode: "correction",
    year: "2025",
    source: "corporaties Baarn",
    reason: "nagekomen verhuringen",
    values: {[fieldId("GM0308", "vacancies")]: "107"},
    ...over
  });

  it("appends to the year's file without changing a byte of it; the loader takes the new value and keeps every earlier row", () => {
    const result = entryResult(correction(), context);
    expect(result.errors).toEqual([]);
    const before = readFileSync("data/monitoring/2025.csv", "utf8");
    expect(result.csv!.startsWith(before)).toBe(true);
    expect(result.csv!.slice(before.length).trim().split("\n")).toHaveLength(1);
    const dataDir = saved("2025.csv", result.csv!);
    const monitoring = loadMonitoring(join(dataDir, "monitoring"), {...monitoringOptions(datasets), today: TODAY});
    const baarn = monitoring.trail.filter((r) => r.municipality === "GM0308" && r.metric === "vacancies");
    expect(baarn.map((r) => [r.value, r.current])).toEqual([[96, false], [104, false], [107, true]]);
    expect(monitoring.trail).toHaveLength(shipped.trail.length + 1);
  });

  it("asks for a reason and a date later than the row it corrects", () => {
    const noReason = entryResult(correction({reason: " "}), context);
    expect(noReason.csv).toBeNull();
    expect(noReason.errors.map((e) => e.field)).toEqual(["reason"]);
    const sameDay = entryResult(correction({recordedOn: "2026-03-23"}), context);
    expect(sameDay.csv).toBeNull();
    expect(sameDay.errors.map((e) => e.field)).toEqual(["recorded_on"]);
    expect(sameDay.errors[0]!.message).toMatch(/een datum na 2026-03-23/);
  });

  it("needs at least one value, and a year whose file exists", () => {
    expect(entryResult(correction({values: {}}), context).errors.map((e) => e.field)).toEqual(["values"]);
    expect(entryResult(correction({year: "2031"}), context).errors.map((e) => e.field)).toEqual(["year"]);
  });
});

describe("csv cells", () => {
  it("quotes commas, quotes and edge spaces, and leaves plain text alone", () => {
    expect(csvCell("corporaties")).toBe("corporaties");
    expect(csvCell("a, b")).toBe("\"a, b\"");
    expect(csvCell("zei \"ja\"")).toBe("\"zei \"\"ja\"\"\"");
  });
});
