// What a newcomer met: sideways scrolling at 1280 px, English words in the chrome, printouts that do not say what
// they show or take five pages. Checked in Chromium on the built site.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {ROOT} from "../../scripts/build.ts";
import {connectChromium} from "./chromium.ts";
import {openPage, PAGES, watchPage} from "./page.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await connectChromium(inject("wsEndpoint"));
});
afterAll(async () => {
  await browser?.close();
});

const pages = PAGES.filter((p) => p.path !== "/monitoring" || existsSync(join(ROOT, "src", "monitoring.md")));

/** Pages counted in a PDF (each page object has "/Type /Page"; the page tree says "/Type /Pages"). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe.each(pages)("page $path", ({path}) => {
  test("no sideways scrolling at 1280 px, the chrome in Dutch, a skip link, and a printout that says what it shows", async () => {
    const watched = await watchPage(browser);
    try {
      await openPage(watched, baseUrl, path);
      const page = watched.page;
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tables: Array.from(document.querySelectorAll(".fs-table-wrap")).filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute("aria-label"))
      }));
      expect(overflow.page, "page wider than the window").toBeLessThanOrEqual(0);
      if (path !== "/monitoring") expect(overflow.tables, "tables that scroll sideways").toEqual([]);
      expect(await page.locator("#observablehq-sidebar-toggle").getAttribute("title")).toBe("Zijbalk tonen of verbergen");
      const toc = page.locator("#observablehq-toc");
      if ((await toc.count()) > 0) expect(await toc.textContent()).not.toContain("Contents");
      expect(await page.locator("a.fs-skip").getAttribute("href")).toBe("#observablehq-main");
      // Printed as a reader prints a page they have been looking at (before any media emulation below).
      if (path.startsWith("/gemeente/")) {
        const pdf = await page.pdf({format: "A4", printBackground: true});
        expect(pdfPages(pdf), "A4 pages of a printed municipality").toBeLessThanOrEqual(2);
      }
      if (path !== "/monitoring") {
        await page.emulateMedia({media: "print"});
        const header = page.locator(".fs-print-header").first();
        expect(await header.isVisible()).toBe(true);
        expect(await header.textContent()).toMatch(/^Afgedrukt op \d+ \w+ \d{4} · gegevens \w+ · rekenmodel [\w.+]+\. /);
        await page.emulateMedia({media: "screen"});
      }
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

// On a phone no chart is drawn wider than the page and scaled down: its text stays at Plot's 10 px. (The Monitoring
// page's charts are another module's and not held to this here.)
describe.each(pages.filter((p) => p.path !== "/monitoring"))("page $path at 390 px", ({path}) => {
  test("chart text is at least 10 px", async () => {
    const watched = await watchPage(browser);
    try {
      await watched.page.setViewportSize({width: 390, height: 844});
      await openPage(watched, baseUrl, path);
      const small = await watched.page.evaluate(() => {
        const found: string[] = [];
        for (const svg of Array.from(document.querySelectorAll("figure svg"))) {
          const drawn = Number(svg.getAttribute("width"));
          const shown = svg.getBoundingClientRect().width;
          if (!drawn || !shown) continue;
          for (const text of Array.from(svg.querySelectorAll("text"))) {
            const px = parseFloat(getComputedStyle(text).fontSize) * (shown / drawn);
            if (text.textContent && px < 9.95) found.push(`${px.toFixed(1)} px "${text.textContent.slice(0, 30)}" in ${svg.closest("figure")?.querySelector("h3")?.textContent ?? "?"}`);
          }
        }
        return found;
      });
      expect(small, "chart text under 10 px").toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
