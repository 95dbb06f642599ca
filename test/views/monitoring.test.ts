// The Monitoring page's tables as a monitoring team reads them: realisation against the target with the forecast
// band, the correction trail with every version, and the recalibration per count. They are built narrow enough to
// fit the page at 1280 px (test/browser/layout.test.ts measures that in Chromium); here what they say.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";
import {SHARE_BAND} from "../../simulations/agreement.ts";
import type {MonitoringJson, PreviewJson, RealisationJson, RealisationRowJson} from "../../src/components/views/monitoring.ts";
import {installDom, matchGolden} from "./helpers.ts";

beforeAll(() => {
  installDom();
});

const views = () => import("../../src/components/views/monitoring.ts");

const datasets = loadDatasets("data");
const loaded = loadMonitoring("data/monitoring", {...monitoringOptions(datasets), today: "2026-11-25"});
const monitoring: MonitoringJson = {
  municipalities: datasets.municipalities.filter((m) => m.inAgreement).map((m) => ({code: m.code, name: m.name})),
  groups: datasets.groups.map((g) => ({id: g.id, name: g.name})),
  years: loaded.years,
  statuses: ["example"],
  current: loaded.current,
  trail: loaded.trail,
  files: readdirSync("data/monitoring").filter((n) => n.endsWith(".csv")).map((name) => ({name, text: readFileSync(join("data/monitoring", name), "utf8")}))
};

const band = (p5: number, p50: number, p95: number) => ({mean: p50, p5, p50, p95});
const row = (code: string, name: string, placed: number, target: number, more: Partial<RealisationRowJson> = {}): RealisationRowJson => ({
  year: 2025, code, name, placed, status: "final", target, gap: placed - target, forecast: band(target - 4, target, target + 5),
  forecastBasis: "prior", inBand: true, ...more
});
const realisation = (rows: RealisationRowJson[]): RealisationJson => ({scenario: {id: "agreed", name: "Afgesproken ingroeipad"}, runs: 10_000, seed: 1, rows});

const headers = (table: Element): string[] => Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent ?? "");
const cells = (table: Element, r: number): string[] => Array.from(table.querySelectorAll("tbody tr")[r]!.querySelectorAll("td")).map((td) => td.textContent ?? "");
const caption = (table: Element): string => table.querySelector(".fs-table-caption")?.textContent ?? "";

describe("realisation against the target", () => {
  test("a status or forecast basis every row shares is said once, in the caption, not in a column", async () => {
    const {realisationTable} = await views();
    const table = realisationTable(realisation([row("GM0308", "Baarn", 9, 13), row("GM0317", "Eemnes", 4, 4), row("regio", "Regio", 13, 17)]), 2025);
    expect(headers(table)).toEqual(["gemeente", "doel", "gerealiseerd", "verschil met doel", "voorspeld P5", "voorspeld P50", "voorspeld P95", "binnen de band"]);
    expect(caption(table)).toContain("voorspeld zonder herijking; status van alle cijfers: definitief");
    expect(cells(table, 0)).toEqual(["Baarn", "13", "9", "−4", "9", "13", "18", "ja"]);
    expect(table.querySelectorAll("tbody tr")[2]!.className).toBe("fs-total");
    expect(matchGolden("monitoring-realisation", table).ok, "the table differs from test/views/golden/monitoring-realisation.html").toBe(true);
  });

  test("statuses and bases that differ get their own column, and only the chosen year is shown", async () => {
    const {realisationTable} = await views();
    const table = realisationTable(realisation([
      row("GM0308", "Baarn", 9, 13, {status: "provisional", forecastBasis: "2025-1", inBand: false}),
      row("GM0317", "Eemnes", 4, 4, {status: null}),
      row("GM0317", "Eemnes", 5, 4, {year: 2026})
    ]), 2025);
    expect(headers(table).slice(-3)).toEqual(["binnen de band", "voorspeld met", "status"]);
    expect(cells(table, 0).slice(-3)).toEqual(["nee", "herijking 2025-1", "voorlopig"]);
    expect(cells(table, 1).slice(-3)).toEqual(["ja", "zonder herijking", "–"]);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(caption(table)).not.toContain("status van alle cijfers");
  });
});

describe("realised figures and the correction trail", () => {
  test("the realised table marks a share outside the agreed band, never the region's", async () => {
    const {realisedTable} = await views();
    const table = realisedTable(monitoring, 2025, SHARE_BAND);
    const leusden = Array.from(table.querySelectorAll("tbody tr")).find((tr) => tr.firstElementChild?.textContent === "Leusden")!;
    expect(leusden.querySelectorAll("td")[3]!.textContent).toBe("6,7%");
    expect(leusden.querySelectorAll("td")[3]!.className).toContain("fs-warn");
    expect(table.querySelectorAll("tbody tr.fs-total td")[3]!.className).not.toContain("fs-warn");
  });

  test("a corrected figure's versions read as one figure, which of them counts and why, with file and line", async () => {
    const {correctedTrail, trailTable} = await views();
    const table = trailTable(monitoring, correctedTrail(monitoring), {name: "correcties", caption: "1 gecorrigeerd cijfer"});
    expect(headers(table)).toEqual(["cijfer", "waarde", "vastgelegd op", "telt mee", "reden", "status", "bron"]);
    expect(cells(table, 0).slice(0, 4)).toEqual(["Baarn 2025: vrijgekomen woningen", "96", "2026-02-16", "nee, gecorrigeerd"]);
    expect(cells(table, 1).slice(0, 5)).toEqual(["Baarn 2025: vrijgekomen woningen", "104", "2026-03-23", "ja", "correctie: nagekomen verhuringen van de corporatie over 2025 (voorbeeld)"]);
    expect(cells(table, 1)[6]).toMatch(/\(2025\.csv, regel 38\)$/);
    expect(caption(table)).toBe("1 gecorrigeerd cijfer; bestanden in data/monitoring/");
  });

  test("a figure of one group names the group", async () => {
    const {trailTable} = await views();
    const grouped = monitoring.trail.filter((r) => r.group === "mo").slice(0, 1);
    expect(grouped).toHaveLength(1);
    const table = trailTable(monitoring, grouped, {name: "groep"});
    expect(cells(table, 0)[0]).toMatch(/^\S+ 2025: [a-z ]+ \(uitstroom maatschappelijke opvang\)$/);
  });
});

describe("recalibration tables", () => {
  const trace = (prior: number, strength: number, observed: number, posterior: number) => ({
    priorStrength: strength, dispersion: 1, prior: band(prior * 0.8, prior, prior * 1.2), posterior: band(posterior * 0.8, posterior, posterior * 1.2),
    posteriorBelief: {shape: 10, rate: 10 / posterior}, observed: [{year: 2025, value: observed}]
  });
  const preview = {
    year: 2025, statuses: ["example"], dispersion: 1, trend: {mean: 0, sd: 0.03}, inflowRegionalCv: null, returnPriorPeople: 20,
    returnShares: [{group: "mo", prior: {shape1: 16, shape2: 4}, posterior: {shape1: 19, shape2: 6}, returners: 3, inflow: 5}],
    calibration: {startYear: 2026},
    municipalities: [
      {code: "GM0308", name: "Baarn", backlog: 3, vacancies: trace(102.7, 0.5, 104, 101.7), inflow: trace(12, 6.1, 10, 11.8)},
      {code: "GM0317", name: "Eemnes", backlog: 1, vacancies: trace(51.1, 11.6, 50, 51.2), inflow: trace(6, 12.2, 4, 5.9)}
    ]
  } as unknown as PreviewJson;

  test("one table per count: before, how many years the assumption counts as, realised, after; the backlog with the inflow", async () => {
    const {calibrationTables} = await views();
    const [vacancies, inflow] = calibrationTables(preview);
    expect(headers(vacancies!)).toEqual(["gemeente", "verwachting vóór", "aanname telt als (jaren)", "gerealiseerd 2025", "verwachting na"]);
    expect(cells(vacancies!, 0)).toEqual(["Baarn", "102,7", "0,5", "104", "101,7"]);
    expect(headers(inflow!)).toEqual(["gemeente", "verwachting vóór", "aanname telt als (jaren)", "gerealiseerd 2025", "verwachting na", "wachtenden eind 2025"]);
    expect(cells(inflow!, 1)).toEqual(["Eemnes", "6,0", "12,2", "4", "5,9", "1"]);
    expect(caption(inflow!)).toContain("de prognose loopt vanaf 2026 en start bij de wachtenden eind 2025");
  });

  test("the return share per group: the assumption, realised returners of inflow, and the share after", async () => {
    const {returnShareTable} = await views();
    const table = returnShareTable(preview, monitoring.groups);
    expect(headers(table)).toEqual(["groep", "aanname", "teruggekeerd", "instroom", "na herijking"]);
    expect(cells(table, 0)).toEqual(["Uitstroom maatschappelijke opvang", "80,0%", "3", "5", "76,0%"]);
    expect(caption(table)).toContain("de aanname telt als 20 personen");
  });
});
