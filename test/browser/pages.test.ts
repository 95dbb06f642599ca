// Every page loads in a real browser with no error, no failed request and no request to another host; each page
// is saved as a screenshot for a person to look at (test-artifacts/screenshots/).
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {ROOT} from "../../scripts/build.ts";
import {connectChromium} from "./chromium.ts";
import {openPage, PAGES, screenshot, settle, watchPage} from "./page.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
});
afterAll(async () => {
  await browser?.close();
});

// The monitoring page is another engineer's; test it when it is there.
const pages = PAGES.filter((p) => p.path !== "/monitoring" || existsSync(join(ROOT, "src", "monitoring.md")));

/** Pages that draw no chart (a table of offers, a text with its status tables). */
const WITHOUT_CHARTS: ReadonlySet<string> = new Set(["/onderhandelen", "/methode"]);

describe.each(pages)("page $path", ({path, name}) => {
  test("loads without errors, failed requests or requests to other hosts", async () => {
    const watched = await watchPage(browser);
    try {
      await openPage(watched, baseUrl, path);
      await screenshot(watched.page, name);
      // Charts can still redraw after the page has settled (a late layout width, the full-page screenshot's resize):
      // wait for that too, so an error they log is counted (on /monitoring such errors used to slip through).
      await settle(watched.page);
      await watched.page.waitForTimeout(500);
      expect(watched.errors, "console and page errors").toEqual([]);
      expect(watched.failed, "failed requests").toEqual([]);
      const elsewhere = watched.requests.filter((url) => !url.startsWith(`${baseUrl}/`) && !/^(blob|data):/.test(url));
      expect(elsewhere, "requests to hosts other than the local server").toEqual([]);
      expect(watched.requests.length).toBeGreaterThan(1);
      // Plot and the inputs arrive as one module each (scripts/build.ts, BUNDLED_PACKAGES), not as d3's 30 packages.
      const modules = watched.requests.map((url) => new URL(url, baseUrl).pathname).filter((p) => p.startsWith("/_node/"));
      expect(modules.filter((p) => /^\/_node\/(d3|d3-(?!dsv@)[a-z-]+|isoformat|interval-tree-1d|binary-search-bounds)@/.test(p)), "modules bundled into Plot or the inputs").toEqual([]);
      if (!WITHOUT_CHARTS.has(path)) expect(await watched.page.locator("figure.fs-figure svg").count(), "charts drawn").toBeGreaterThan(0);
      // A cell that threw shows Framework's error box instead of its output.
      expect(await watched.page.locator(".observablehq--error").count(), "cells that failed").toBe(0);
      expect(await watched.page.locator("h1").first().textContent()).toBeTruthy();
      // A per-municipality route names its municipality in the browser tab, not only "Per gemeente".
      if (path.startsWith("/gemeente/")) expect(await watched.page.title()).toMatch(/^Baarn \|/);
      // Dutch number formats: a choice list never shows an English thousands separator (a year as "2,027").
      const options = await watched.page.locator("select option").allTextContents();
      expect(options.filter((text) => /\d,\d{3}\b/.test(text)), "options with an English thousands separator").toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

test("an unknown address shows a Dutch not-found page, not a server error", async () => {
  const response = await fetch(`${baseUrl}/bestaat-niet`);
  expect(response.status).toBe(404);
  expect(await response.text()).toMatch(/niet/i);
});
