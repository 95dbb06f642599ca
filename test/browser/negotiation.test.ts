// The negotiation table in Chromium: an edited offer changes the sum, the address holds the offers and a reload of
// that address shows the same table, the proposal button fills in the solver's targets, and the page prints.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {connectChromium} from "./chromium.ts";
import {openPage, settle, watchPage, type WatchedPage} from "./page.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
  watched = await watchPage(browser);
  await openPage(watched, baseUrl, "/onderhandelen");
});
afterAll(async () => {
  await watched?.close();
  await browser?.close();
});

const sums = () => watched.page.locator("ul.fs-negotiation-sums").innerText();

test("opens at the agreed targets, summing to 227 in both periods, without errors", async () => {
  expect(await sums()).toBe(
    "2025-2026: de biedingen tellen op tot 227 per jaar, afgesproken is 227 (sluit precies).\n2027-2030: de biedingen tellen op tot 227 per jaar, afgesproken is 227 (sluit precies)."
  );
  expect(await watched.page.locator("p.fs-lead").innerText()).toMatch(/Kans dat alle gemeenten in 2027 binnen 7-18% van hun verhuringen blijven: \d+%/);
  expect(watched.errors).toEqual([]);
  expect(watched.failed).toEqual([]);
});

test("an edited offer changes the sum and the address; the address reproduces the table", async () => {
  const page = watched.page;
  const fields = page.locator('input[data-period="2027-2030"]');
  const before = await fields.evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
  const baarn = page.locator('input[data-period="2027-2030"][data-municipality="GM0308"]');
  const lower = Number(await baarn.inputValue()) - 5;
  await baarn.fill(String(lower));
  await baarn.dispatchEvent("input");
  await page.waitForFunction(() => document.querySelector("ul.fs-negotiation-sums")?.textContent?.includes("tot 222 per jaar"));
  expect(await sums()).toMatch(/2027-2030: de biedingen tellen op tot 222 per jaar, afgesproken is 227 \(5 te weinig\)\./);
  const expected = before.map((x, i) => (i === 1 ? lower : x)); // Baarn is second in the municipalities' order
  expect(decodeURIComponent(new URL(page.url()).search)).toBe(`?bod-2027-2030=${expected.join(",")}`);
  await settle(page);
  const lead = await page.locator("p.fs-lead").innerText();
  await openPage(watched, baseUrl, `/onderhandelen${new URL(page.url()).search}`);
  expect(await page.locator('input[data-period="2027-2030"][data-municipality="GM0308"]').inputValue()).toBe(String(lower));
  expect(await sums()).toMatch(/tot 222 per jaar/);
  expect(await page.locator("p.fs-lead").innerText()).toBe(lead);
});

test("the proposal button fills in the solver's targets: the sum closes again", async () => {
  const page = watched.page;
  await page.getByRole("button", {name: "Vul het voorstel voor 2027-2030 in"}).click();
  await page.waitForFunction(() => document.querySelector("ul.fs-negotiation-sums")?.textContent?.includes("2027-2030: de biedingen tellen op tot 227"));
  // Amersfoort keeps its offer of 108; the seven divide 119 by the smallest heaviest burden per 100 lettings.
  expect(await page.locator('input[data-period="2027-2030"][data-municipality="GM0307"]').inputValue()).toBe("108");
  await settle(page);
  expect(watched.errors).toEqual([]);
});

test("prints on A4 landscape", async () => {
  const pdf = await watched.page.pdf({format: "A4", landscape: true});
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
