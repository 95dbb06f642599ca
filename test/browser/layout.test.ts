// What a newcomer met: sideways scrolling at 1280 px, English words in the chrome, printouts that do not say what
// they show or take five pages. Checked in Chromium on the built site.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
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

/** Opens every <details> on the page, so what a reader can unfold is measured too. */
function unfold(page: Page): Promise<void> {
  return page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

/**
 * Options of the page's selects whose text is wider than the select shows (a select shows only the chosen one, cut
 * off where it does not fit): measured in the select's own font, less its padding and about 20 px for its arrow.
 */
function cutOptions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    const cut: string[] = [];
    for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>("#observablehq-main select"))) {
      if (select.multiple || select.getClientRects().length === 0) continue;
      const style = getComputedStyle(select);
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      for (const option of Array.from(select.options)) if (context.measureText(option.text).width > room) cut.push(option.text);
    }
    return cut;
  });
}

/** Pages counted in a PDF (each page object has "/Type /Page"; the page tree says "/Type /Pages"). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe.each(PAGES)("page $path", ({path}) => {
  test("no sideways scrolling or cut-off choices at 1280 px, the chrome in Dutch, a skip link, and a printout that says what it shows", async () => {
    const watched = await watchPage(browser);
    try {
      await openPage(watched, baseUrl, path);
      const page = watched.page;
      const titles = await page.evaluate(() => Array.from(document.querySelectorAll("#observablehq-sidebar-toggle, label[for='observablehq-sidebar-toggle']"), (e) => e.getAttribute("title")));
      expect(titles.length).toBeGreaterThan(1);
      expect(titles.every((t) => t === "Zijbalk tonen of verbergen"), `sidebar titles ${titles.join(", ")}`).toBe(true);
      const toc = page.locator("#observablehq-toc");
      if ((await toc.count()) > 0) expect(await toc.textContent()).not.toContain("Contents");
      expect(await page.locator("a.fs-skip").getAttribute("href")).toBe("#observablehq-main");
      // Printed as a reader prints a page they have been looking at (before any media emulation below).
      if (path.startsWith("/gemeente/")) {
        const pdf = await page.pdf({format: "A4", printBackground: true});
        expect(pdfPages(pdf), "A4 pages of a printed municipality").toBeLessThanOrEqual(2);
      }
      await page.emulateMedia({media: "print"});
      const header = page.locator(".fs-print-header").first();
      expect(await header.isVisible()).toBe(true);
      expect(await header.textContent()).toMatch(/^Afgedrukt op \d+ \w+ \d{4} · gegevens \w+ · rekenmodel [\w.+]+\. /);
      await page.emulateMedia({media: "screen"});
      // Measured with every <details> unfolded (after printing, which shows the page as the reader left it).
      await unfold(page);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tables: Array.from(document.querySelectorAll(".fs-table-wrap")).filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute("aria-label"))
      }));
      expect(overflow.page, "page wider than the window").toBeLessThanOrEqual(0);
      expect(overflow.tables, "tables that scroll sideways").toEqual([]);
      expect(await cutOptions(page), "choices a select cuts off").toEqual([]);
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

// On a phone no chart is drawn wider than the page and scaled down: every text of every SVG on the page (Plot's
// charts, legends, hand-drawn schemes, in folded-out <details> too) renders at 10 px or more. The rendered size is
// the computed font size times the scale of the text's transform to the screen (an SVG's viewBox scaled to its box,
// and any transform within it).
describe.each(PAGES)("page $path at 390 px", ({path}) => {
  test("chart text is at least 10 px, no select cuts off a choice, no sideways scrolling", async () => {
    const watched = await watchPage(browser);
    try {
      await watched.page.setViewportSize({width: 390, height: 844});
      await openPage(watched, baseUrl, path);
      await unfold(watched.page);
      const texts = await watched.page.evaluate(() => {
        const found: {figure: string; px: number; text: string}[] = [];
        for (const text of Array.from(document.querySelectorAll<SVGTextElement>("#observablehq-main svg text"))) {
          const box = text.getBoundingClientRect();
          const ctm = text.getScreenCTM();
          if (!text.textContent?.trim() || !ctm || (box.width === 0 && box.height === 0)) continue;
          const holder = text.closest("figure.fs-figure") ?? text.closest("figure");
          const figure = holder?.querySelector("h3, figcaption")?.textContent?.trim() ?? "?";
          found.push({figure, px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b), text: text.textContent.trim().slice(0, 30)});
        }
        return found;
      });
      const small = texts.filter((t) => t.px < 9.95);
      expect(small.map((t) => `${t.px.toFixed(1)} px "${t.text}" in ${t.figure}`), "chart text under 10 px").toEqual([]);
      expect(await cutOptions(watched.page), "choices a select cuts off").toEqual([]);
      const wider = await watched.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(wider, "page wider than a phone").toBeLessThanOrEqual(0);
    } finally {
      await watched.close();
    }
  });
});
