// Shareable state and "simulate once, view many" in a real browser: every page's inputs live in the address, a link
// reproduces the view (same seed, same runs, same numbers), back and forward restore the inputs, a view change
// starts no engine job, and a long run shows the busy state instead of passing old numbers as current.
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {connectChromium} from "./chromium.ts";
import {openPage, settle, watchPage, type WatchedPage} from "./page.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
});
afterAll(async () => {
  await browser?.close();
});

/** The <select> of the Observable input with this label. */
function select(page: Page, label: string): Locator {
  return page.locator("form").filter({has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator("select");
}

/** Engine jobs started on the page so far (src/components/engine.ts counts them). */
function jobs(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as {fairshare: {jobs(): number}}).fairshare.jobs());
}

async function withPage<T>(path: string, run: (watched: WatchedPage) => Promise<T>): Promise<T> {
  const watched = await watchPage(browser);
  try {
    await openPage(watched, baseUrl, path);
    const result = await run(watched);
    expect(watched.errors, "console and page errors").toEqual([]);
    return result;
  } finally {
    await watched.close();
  }
}

describe("the address holds every input, and a link reproduces the view", () => {
  test("Overzicht: the table's year", async () => {
    await withPage("/?year=2029", async ({page}) => {
      expect(await select(page, "Jaar").inputValue()).toBeTruthy();
      await expect.poll(() => page.locator(".fs-table-caption").first().textContent()).toMatch(/^2029:/);
      await select(page, "Jaar").selectOption({label: "2026"});
      await settle(page);
      expect(new URL(page.url()).searchParams.get("year")).toBe("2026");
      await page.goBack();
      await settle(page);
      expect(new URL(page.url()).searchParams.get("year")).toBe("2029");
      await expect.poll(() => page.locator(".fs-table-caption").first().textContent()).toMatch(/^2029:/);
    });
  });

  test("Overzicht: the heat-map's period (who houses whose residents)", async () => {
    await withPage("/?period=2027", async ({page}) => {
      const caption = () => page.locator(".fs-flows .fs-table-caption").first().textContent();
      await expect.poll(caption).toMatch(/^2027:/);
      await select(page, "Periode").selectOption({label: "2025-2030 samen"});
      await settle(page);
      await expect.poll(caption).toMatch(/^2025-2030:/);
      await page.goBack();
      await settle(page);
      expect(new URL(page.url()).searchParams.get("period")).toBe("2027");
      await expect.poll(caption).toMatch(/^2027:/);
    });
  });

  const compareLink = "/vergelijken?files=agreed,slower&runs=1000&seed=7&municipality=Baarn&metric=share&year=2028";

  test("Vergelijken: scenarios, runs, seed, municipality, outcome and year; back and forward", async () => {
    const table = await withPage(compareLink, async ({page}) => {
      await expect.poll(() => page.locator(".fs-status", {hasText: "doorrekeningen per scenario"}).textContent()).toContain("1.000 doorrekeningen per scenario met startgetal 7");
      expect(await page.locator("figure.fs-figure h3").first().textContent()).toMatch(/^Aandeel van vrijkomende woningen \(%\) in Baarn, per scenario/);
      expect(await page.locator(".fs-table-caption", {hasText: "medianen over"}).textContent()).toMatch(/^2028:/);
      const shown = await page.locator("table.fs-table").first().textContent();
      await select(page, "Gemeente").selectOption({label: "Soest"});
      await settle(page);
      expect(new URL(page.url()).searchParams.get("municipality")).toBe("Soest");
      expect(await page.locator("figure.fs-figure h3").first().textContent()).toContain("in Soest");
      await page.goBack();
      await settle(page);
      expect(new URL(page.url()).searchParams.get("municipality")).toBe("Baarn");
      expect(await select(page, "Gemeente").inputValue()).not.toBe("");
      await expect.poll(() => page.locator("figure.fs-figure h3").first().textContent()).toContain("in Baarn");
      await page.goForward();
      await settle(page);
      await expect.poll(() => page.locator("figure.fs-figure h3").first().textContent()).toContain("in Soest");
      return shown;
    });
    // The same link in a fresh browser context gives the very same numbers (same seed and runs).
    const again = await withPage(compareLink, ({page}) => page.locator("table.fs-table").first().textContent());
    expect(again).toBe(table);
  });

  test("Verdeelsleutels: the own mix and the key in detail", async () => {
    await withPage("/verdeelsleutels?inhabitants=50&households=0&socialStock=50&vacancies=0&key=eigen-mix", async ({page}) => {
      expect(await page.locator(".fs-table-caption").first().textContent()).toContain("Sleutel: eigen mix: 50% inwoners + 50% sociale huurvoorraad");
    });
  });

  test("Prognoses toetsen: the assumptions, where to look and the back-test model", async () => {
    await withPage("/prognoses?prognosis=high&vacancyFactor=1.1&municipality=Eemnes&year=2028&outcome=placed_p50&model=series-fit", async ({page}) => {
      expect(await page.locator("p.fs-status", {hasText: "Zelf narekenen"}).locator("code").textContent()).toContain("--vacancy-factor 1.1");
      expect(await page.locator("figure.fs-figure h3", {hasText: "Plaatsingen per jaar in Eemnes"}).count()).toBe(1);
      expect(await page.locator("figure.fs-figure h3", {hasText: "Plaatsingen (mediaan) in Eemnes in 2028"}).count()).toBe(1);
      expect(await page.locator("p.fs-lean").textContent()).toContain("Reeksfit");
    });
  });
});

describe("simulate once, view many", () => {
  test("changing municipality, outcome or year starts no engine job; changing the runs does", async () => {
    await withPage("/vergelijken", async ({page}) => {
      const before = await jobs(page);
      const title = await page.locator("figure.fs-figure h3").first().textContent();
      await select(page, "Gemeente").selectOption({label: "Leusden"});
      await select(page, "Uitkomst").selectOption({index: 2});
      await select(page, "Jaar").selectOption({label: "2030"});
      await settle(page);
      expect(await page.locator("figure.fs-figure h3").first().textContent()).not.toBe(title);
      expect(await jobs(page), "engine jobs after view changes").toBe(before);
      await select(page, "Doorrekeningen").selectOption({label: "1.000"});
      await settle(page);
      expect(await jobs(page)).toBeGreaterThan(before);
    });
  });

  test("while a long run computes, the figures say so and the old status is not shown as current", async () => {
    await withPage("/vergelijken", async ({page}) => {
      const busy = page.waitForSelector(".fs-busy-label", {timeout: 20_000});
      await select(page, "Doorrekeningen").selectOption({label: "50.000"});
      const label = await busy;
      expect(await label.textContent()).toMatch(/Wordt herberekend \(50\.000 doorrekeningen per scenario\)/);
      expect(await page.locator(".fs-run[aria-busy=true]").count()).toBeGreaterThan(0);
      await settle(page);
      expect(await page.locator(".fs-run[aria-busy=true]").count()).toBe(0);
      expect(await page.locator(".fs-status", {hasText: "doorrekeningen per scenario"}).textContent()).toContain("50.000 doorrekeningen");
    });
  });
});
