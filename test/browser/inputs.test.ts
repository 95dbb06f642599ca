// Changing an input re-runs the engine in the browser and changes the numbers behind the chart, in the direction
// a reader expects: a higher inflow prognosis means more placements (nobody waits while there is capacity).
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {simulateCsv} from "./cli.ts";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {connectChromium} from "./chromium.ts";
import {openPage, settle, watchPage, type WatchedPage} from "./page.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
  watched = await watchPage(browser);
  await openPage(watched, baseUrl, "/prognoses");
});
afterAll(async () => {
  await watched?.close();
  await browser?.close();
});

interface Row {
  scenario: string;
  year: string;
  municipality: string;
  metric: string;
  p50: string;
}

/** The engine CSV behind a figure (its "Voor programma's" download, after the Dutch one). */
async function downloadCsv(page: Page, figure: Locator): Promise<Row[]> {
  const [file] = await Promise.all([page.waitForEvent("download"), figure.locator(".fs-downloads", {hasText: "Voor programma's"}).locator("button[data-download=csv]").click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return parse(Buffer.concat(chunks).toString("utf8"), {columns: true}) as Row[];
}

/** The reader's own placements in the region in 2030 (median), from the numbers behind the placements chart. */
function placed2030(rows: readonly Row[]): number {
  const row = rows.find((r) => r.scenario === "aannames" && r.year === "2030" && r.municipality === "regio" && r.metric === "placed");
  if (!row) throw new Error("the placements chart's download has no 2030 row for the reader's assumptions");
  return Number(row.p50);
}

// Under the agreement's reading (nobody waits while a municipality has capacity) more inflow means more placements.
test("a higher inflow prognosis re-runs the engine and raises the placements in the chart", async () => {
  const page = watched.page;
  const figure = page.locator("figure.fs-figure", {hasText: "Plaatsingen per jaar"});
  const before = await figure.locator("svg").last().innerHTML();
  const placedBefore = placed2030(await downloadCsv(page, figure));

  await page.locator("form", {hasText: "Prognosevariant instroom"}).getByLabel("hoog").check();
  await settle(page);

  const after = await figure.locator("svg").last().innerHTML();
  const placedAfter = placed2030(await downloadCsv(page, figure));
  expect(after).not.toBe(before);
  expect(placedAfter).toBeGreaterThan(placedBefore);
  expect(watched.errors).toEqual([]);
});

test("the command the page shows, with its scenario file, gives the page's numbers for the reader's assumptions", async () => {
  const page = watched.page;
  // Runs after the test above, so the prognosis is "hoog"; also move a data assumption (a flag on the command line).
  const level = page.locator("form", {hasText: "Niveau vrijkomende woningen"}).getByLabel("Niveau vrijkomende woningen (× data)").first();
  await level.fill("1.1");
  await level.dispatchEvent("input");
  await settle(page);
  const note = page.locator("p.fs-status", {hasText: "Zelf narekenen"});
  const command = (await note.locator("code").textContent()) ?? "";
  expect(command).toContain("--vacancy-factor 1.1");
  const dir = mkdtempSync(join(tmpdir(), "fairshare-trace-"));
  const [file] = await Promise.all([page.waitForEvent("download"), note.locator("a[download]").click()]);
  await file.saveAs(join(dir, "aannames.json"));
  // The shown command, run as shown, with the saved scenario file and an output file of the test's own.
  const args = command.replace(/^npm run simulate -- /, "").split(/\s+/);
  args[args.indexOf("--scenario") + 1] = join(dir, "aannames.json");
  args.splice(args.indexOf("--out"), 2);
  const cli = parse(await simulateCsv(dir, ...args), {columns: true}) as Row[];
  const figure = page.locator("figure.fs-figure", {hasText: "Plaatsingen per jaar"});
  const shown = (await downloadCsv(page, figure)).filter((r) => r.scenario === "aannames");
  expect(shown.length).toBeGreaterThan(0);
  for (const row of shown) {
    const same = cli.find((r) => r.year === row.year && r.municipality === row.municipality && r.metric === row.metric);
    expect(same, `${row.year} ${row.municipality} ${row.metric}`).toEqual(row);
  }
});

test("the 'choose two scenarios' warning goes away once two scenarios are chosen again", async () => {
  const own = await watchPage(browser);
  try {
    await openPage(own, baseUrl, "/vergelijken");
    const page = own.page;
    const warning = page.locator(".fs-warn", {hasText: "Kies minstens twee scenario's"});
    const files = page.locator("form", {hasText: "Scenariobestanden"});
    await files.getByLabel("Direct fair share").uncheck();
    await settle(page);
    await expect.poll(() => warning.count(), {timeout: 10_000}).toBe(1);
    await files.getByLabel("Sleutel: inwoners").check();
    await settle(page);
    expect(await warning.count(), "warning above a finished comparison").toBe(0);
    expect(await page.locator("figure.fs-figure", {hasText: "Verschil met"}).count()).toBe(1);
    expect(own.errors).toEqual([]);
  } finally {
    await own.close();
  }
});
