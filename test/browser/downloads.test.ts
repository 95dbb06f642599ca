// Downloads from a page are the engine's numbers: the CSV of the overview equals, byte for byte, what the engine
// gives in Node for the same scenario, runs and seed; the Excel file is a real .xlsx (a zip with a worksheet).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {unzipSync, strFromU8} from "fflate";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {defaultLookup, parseScenario, prepareInputs, scenarioFiles, simulate, summarize, toCsv} from "../../simulations/index.ts";
import {ROOT} from "../../scripts/build.ts";
import {connectChromium} from "./chromium.ts";
import {simulateCsv} from "./cli.ts";
import {openPage, watchPage, type WatchedPage} from "./page.ts";

const baseUrl = inject("baseUrl");
const work = mkdtempSync(join(tmpdir(), "fairshare-downloads-"));

let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
  watched = await watchPage(browser);
  await openPage(watched, baseUrl, "/");
});
afterAll(async () => {
  await watched?.close();
  await browser?.close();
  rmSync(work, {recursive: true, force: true});
});

/** Clicks a download button and returns the file's name and bytes (streamed: the browser runs in another process). */
async function download(page: Page, button: Locator): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return {name: file.suggestedFilename(), bytes: Buffer.concat(chunks)};
}

// The engine's own CSV is offered after the Dutch download, as "Voor programma's"; the first such row on the
// overview belongs to "Alle cijfers van dit scenario".
const allFigures = (page: Page): Locator => page.locator(".fs-downloads", {hasText: "Voor programma's"}).first();
const dutchFigures = (page: Page): Locator => page.locator(".fs-downloads", {hasText: "Alle cijfers van dit scenario"});

test("the overview's CSV equals the engine's summary of the agreed scenario, 10,000 runs, seed 1", async () => {
  const {name, bytes} = await download(watched.page, allFigures(watched.page).locator("button[data-download=csv]"));
  expect(name).toBe("fairshare-agreed-runs10000-seed1-opdrachtregel.csv");

  const scenario = parseScenario(scenarioFiles.agreed, "simulations/scenarios/agreed.json", defaultLookup);
  const inputs = prepareInputs(loadDatasets(join(ROOT, "data")), scenario);
  const expected = toCsv(summarize(simulate(inputs, scenario, {runs: 10_000, seed: 1})));
  const csv = bytes.toString("utf8");
  expect(csv.split("\n")[0]).toBe("scenario,year,municipality,metric,mean,p5,p25,p50,p75,p95");
  expect(csv).toBe(expected);
  // …and what the README's command line writes for the same scenario, runs and seed.
  expect(csv).toBe(await simulateCsv(work, "--scenario", "agreed", "--runs", "10000", "--seed", "1"));
});

test("the comparison page's CSV equals `npm run simulate -- --compare` (A, B and the paired B − A)", async () => {
  const page = await watchPage(browser);
  try {
    await openPage(page, baseUrl, "/vergelijken");
    const {name, bytes} = await download(page.page, page.page.locator(".fs-downloads", {hasText: "Alle cijfers van deze vergelijking"}).locator("xpath=following-sibling::div[1]").locator("button[data-download=csv]"));
    expect(name).toBe("vergelijking-agreed-immediate-runs10000-seed1-opdrachtregel.csv");
    expect(bytes.toString("utf8")).toBe(await simulateCsv(work, "--scenario", "agreed", "--compare", "immediate", "--runs", "10000", "--seed", "1"));
    expect(page.errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the overview's first download is Dutch Excel: an .xlsx, and a CSV with ';', decimal commas and rounded percentages", async () => {
  const buttons = dutchFigures(watched.page).locator("button");
  expect(await buttons.first().textContent()).toBe("Excel");
  const dutch = (await download(watched.page, dutchFigures(watched.page).locator("button[data-download=csv]"))).bytes.toString("utf8");
  expect(dutch.startsWith("\uFEFFscenario;jaar;gemeente;uitkomst;gemiddelde;P5;P25;mediaan (P50);P75;P95\r\n")).toBe(true);
  expect(dutch).toContain("Afgesproken ingroeipad;2025;Regio (totaal);plaatsingen per jaar;");
  for (const percent of dutch.match(/\d+(,\d+)?%/g) ?? []) expect(percent).toMatch(/^\d+(,\d)?%$/);
  const {name, bytes} = await download(watched.page, dutchFigures(watched.page).locator("button[data-download=xlsx]"));
  expect(name).toBe("fairshare-agreed-runs10000-seed1.xlsx");
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  expect(workbook).toMatch(/<sheet [^>]*name="samenvatting"/);
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
  const rows = sheet.match(/<row[ >]/g) ?? [];
  const csvLines = dutch.trimEnd().split("\r\n");
  expect(rows.length).toBe(csvLines.length);
  // The first data row's year and P50 are numbers in the sheet (with a decimal point), as in the CSV (with a comma).
  const first = csvLines[1]!.split(";");
  expect(sheet).toContain(`<v>${first[1]}</v>`);
  expect(sheet).toContain(`<v>${first[7]!.replace(",", ".")}</v>`);
});
