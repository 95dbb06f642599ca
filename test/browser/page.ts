// Opening a built page in the shared Chromium and watching everything it does: console errors, uncaught errors,
// failed requests and every URL it asks for. Tests assert on what this records.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {ROOT} from "../../scripts/build.ts";

/** Where the browser tests save screenshots (gitignored). */
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");

/** The pages of the notebook, with a file name for their screenshot. One per-municipality route stands for all. */
export const PAGES: readonly {readonly path: string; readonly name: string}[] = [
  {path: "/", name: "overzicht"},
  {path: "/vergelijken", name: "vergelijken"},
  {path: "/verdeelsleutels", name: "verdeelsleutels"},
  {path: "/onderhandelen", name: "onderhandelen"},
  {path: "/gemeente/baarn", name: "gemeente-baarn"},
  {path: "/prognoses", name: "prognoses"},
  {path: "/methode", name: "methode"},
  {path: "/monitoring", name: "monitoring"}
];

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console messages of type "error" and uncaught page errors. */
  readonly errors: string[];
  /** Requests that failed, or answered with status ≥ 400. */
  readonly failed: string[];
  /** Every URL requested (including those served from the page itself, such as blob: and data:). */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context and page that records errors and requests; downloads allowed.
 *
 * @example
 * const watched = await watchPage(browser);
 * await openPage(watched, baseUrl, "/");
 */
export async function watchPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({acceptDownloads: true, viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  context.on("request", (request) => requests.push(request.url()));
  context.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`));
  context.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return {context, page, errors, failed, requests, close: () => context.close()};
}

/**
 * Opens `path` and waits until the page has settled: network idle, no cell still loading, no simulation in flight.
 *
 * @example
 * await openPage(watched, baseUrl, "/vergelijken");
 */
export async function openPage(watched: WatchedPage, baseUrl: string, path: string): Promise<void> {
  await watched.page.goto(`${baseUrl}${path}`, {waitUntil: "networkidle"});
  await settle(watched.page);
}

/**
 * Waits until no cell shows Framework's loading indicator and the engine pool has nothing in flight, twice in a
 * row a little apart (a settled cell may start a new simulation).
 *
 * @example
 * await settle(page);
 */
export async function settle(page: Page, timeout = 90_000): Promise<void> {
  const idle = () =>
    page.waitForFunction(
      () => {
        const tools = (globalThis as {fairshare?: {busy(): number}}).fairshare;
        return document.querySelectorAll("observablehq-loading").length === 0 && (tools ? tools.busy() === 0 : true);
      },
      undefined,
      {timeout, polling: 100}
    );
  await idle();
  await page.waitForTimeout(400);
  await idle();
}

/**
 * Saves a full-page screenshot under test-artifacts/screenshots/.
 *
 * @example
 * await screenshot(page, "overzicht");
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, {recursive: true});
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({path, fullPage: true});
  return path;
}
