// Benchmark of the notebook in the browser (Debian's Chromium, the pages' own worker pool), against the budgets of
// the notebook: load to first chart ≤ 1,000 ms; a view change ≤ 50 ms; a 10,000-run re-simulation ≤ 150 ms (median,
// after a change of policy; the median with new draws is printed too, without a budget); the tornado ≤ 1,500 ms; an
// edit on the negotiation page ≤ 200 ms (median, 5,000 runs); the browser engine bundle ≤ 150 KB minified. Prints
// one JSON line per measurement and a summary line per budget (not a test: timings depend on the machine and its
// load). Builds the site first unless given --no-build (then it serves the existing dist/).
//
//   npx tsx scripts/bench-browser.ts [--runs 10000] [--repeat 7] [--scenario agreed] [--no-build] [--only load]
//
// The load to first chart is timed by the page's own clock: from navigation start to the frame that paints the
// first chart. --only load measures only that (and the bundle size), each load with its critical path: the
// requests before the first chart (count, bytes, the last to finish), the main thread's long tasks, and the figure
// as this script would see it (driverMs: a round trip later).
import {readdirSync, statSync} from "node:fs";
import {parseArgs} from "node:util";
import {join} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {buildSite, ROOT} from "./build.ts";
import {serveStatic} from "./serve.ts";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/browser/chromium.ts";

const {values} = parseArgs({
  options: {
    runs: {type: "string", default: "10000"},
    repeat: {type: "string", default: "7"},
    scenario: {type: "string", default: "agreed"},
    "no-build": {type: "boolean", default: false},
    only: {type: "string"}
  }
});
const runs = Number(values.runs);
const repeat = Number(values.repeat);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${values.repeat}`);
if (values.only !== undefined && values.only !== "load") throw new Error(`--only accepts only "load", got ${values.only}`);
const onlyLoad = values.only === "load";

const round = (x: number): number => Math.round(x * 10) / 10;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const budgets: {name: string; value: number; unit: string; budget: number}[] = [];
/** Figures printed for information, without a budget. */
const notes: string[] = [];
const report = (name: string, value: number, unit: string, budget: number): void => {
  budgets.push({name, value: round(value), unit, budget});
};

const site = join(ROOT, "dist");
if (!values["no-build"]) await buildSite({output: site, stdio: "pipe"});

// The engine bundle as the browser loads it.
const lib = join(site, "_file", "lib");
const engineFile = readdirSync(lib).find((f) => /^engine\..*\.js$/.test(f));
if (!engineFile) throw new Error(`no engine bundle in ${lib}`);
const bundleKb = statSync(join(lib, engineFile)).size / 1024;
console.log(JSON.stringify({bench: "engine-bundle", file: engineFile, kb: round(bundleKb)}));
report("browser engine bundle", bundleKb, "KB", 150);

const server = await serveStatic(site, 0);
const browser: Browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS]});
const fresh = async (): Promise<Page> => {
  const page = await (await browser.newContext({viewport: {width: 1280, height: 900}})).newPage();
  // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which calls a __name helper.
  await page.addInitScript({content: "globalThis.__name = (f) => f;"});
  return page;
};

/**
 * Records, by the page's own clock, when the first chart (an SVG in a figure) entered the page and when the next
 * frame began, i.e. when it was painted; and the main thread's long tasks. Measured in the page, because asking
 * from here (waitForSelector, then evaluate) adds the round trip to this process: 300-500 ms on a busy machine.
 */
const LOAD_OBSERVER = `new MutationObserver((_, observer) => {
  if (!document.querySelector("figure.fs-figure svg")) return;
  observer.disconnect();
  globalThis.__chartInserted = performance.now();
  requestAnimationFrame(() => { globalThis.__chartFrame = performance.now(); });
}).observe(document, {childList: true, subtree: true});
globalThis.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) globalThis.__longTasks.push({start: e.startTime, duration: e.duration});
}).observe({type: "longtask", buffered: true});`;

/** What the browser did before the first chart: its requests (the last to finish) and long tasks. */
interface LoadPath {
  /** When the first chart entered the page (the frame that painted it follows: the load's figure). */
  readonly chartInserted: number;
  /** The figure as measured from this process (waitForSelector, then the page's clock): the page's plus a round trip. */
  readonly driverMs: number;
  readonly requests: number;
  readonly scripts: number;
  readonly kb: number;
  readonly domContentLoaded: number;
  readonly lastRequest: {readonly name: string; readonly start: number; readonly end: number};
  readonly longTasks: number;
  readonly longTaskMs: number;
}

/** Milliseconds from navigation start until the first chart (an SVG in a figure) is painted, and the load's path. */
async function firstChart(path: string): Promise<{ms: number; path: LoadPath}> {
  const page = await fresh();
  await page.addInitScript({content: LOAD_OBSERVER});
  await page.goto(`${server.url}${path}`, {waitUntil: "commit"});
  await page.waitForSelector("figure.fs-figure svg", {timeout: 60_000});
  const driverMs = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => (globalThis as unknown as {__chartFrame?: number}).__chartFrame !== undefined);
  const measured = await page.evaluate(() => {
    const marks = globalThis as unknown as {__chartInserted: number; __chartFrame: number; __longTasks: {start: number; duration: number}[]};
    const ms = marks.__chartFrame;
    const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= ms);
    const last = resources.reduce<PerformanceResourceTiming | undefined>((a, r) => (a === undefined || r.responseEnd > a.responseEnd ? r : a), undefined);
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const tasks = marks.__longTasks.filter((t) => t.start < ms);
    const short = (u: string): string => new URL(u).pathname;
    return {
      ms,
      chartInserted: marks.__chartInserted,
      requests: resources.length,
      scripts: resources.filter((r) => /\.js$/.test(new URL(r.name).pathname)).length,
      kb: Math.round(resources.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024),
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? 0),
      lastRequest: last ? {name: short(last.name), start: Math.round(last.startTime), end: Math.round(last.responseEnd)} : {name: "", start: 0, end: 0},
      longTasks: tasks.length,
      longTaskMs: Math.round(tasks.reduce((sum, t) => sum + t.duration, 0))
    };
  });
  await page.context().close();
  const {ms, chartInserted, ...rest} = measured;
  return {ms, path: {chartInserted: round(chartInserted), driverMs: round(driverMs), ...rest}};
}

/** The budgets after the load: a view change, a re-simulation, the tornado, an edit on the negotiation page. */
async function measureInteractions(): Promise<void> {
  // View changes on the comparison page: a municipality, then an outcome; no engine job may start.
  const page = await fresh();
  await page.goto(`${server.url}/vergelijken`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => (globalThis as unknown as {fairshare?: {busy(): number}}).fairshare?.busy() === 0 && document.querySelector("figure.fs-figure svg") !== null, undefined, {timeout: 60_000});
  const jobsBefore = await page.evaluate(() => (globalThis as unknown as {fairshare: {jobs(): number}}).fairshare.jobs());
  const viewTimes: number[] = [];
  const municipalities = ["Baarn", "Soest", "Eemnes", "Leusden", "Nijkerk", "Woudenberg", "Bunschoten"];
  for (let i = 0; i < repeat; i++) {
    const name = municipalities[i % municipalities.length]!;
    const ms = await page.evaluate(
      async ({name}) => {
        const select = Array.from(document.querySelectorAll("form")).find((f) => f.querySelector("label")?.textContent === "Gemeente")?.querySelector("select");
        if (!select) throw new Error("no Gemeente select");
        const option = Array.from(select.options).find((o) => o.textContent === name)!;
        const start = performance.now();
        select.value = option.value;
        select.dispatchEvent(new Event("input", {bubbles: true}));
        // Until the title names the municipality, checked every animation frame.
        const wait = (done: () => boolean): Promise<number> => new Promise((resolve) => { const tick = (): void => (done() ? resolve(performance.now() - start) : void requestAnimationFrame(tick)); tick(); });
        return wait(() => (document.querySelector("figure.fs-figure h3")?.textContent ?? "").includes(`in ${name}`));
      },
      {name}
    );
    viewTimes.push(ms);
  }
  const jobsAfter = await page.evaluate(() => (globalThis as unknown as {fairshare: {jobs(): number}}).fairshare.jobs());
  console.log(JSON.stringify({bench: "view-change", page: "/vergelijken", ms: viewTimes.map(round), median: round(median(viewTimes)), engineJobs: jobsAfter - jobsBefore}));
  report("view change (median)", median(viewTimes), "ms", 50);

  // Re-simulation of the scenario through the pool the pages use, as after a reader's change of policy: each
  // request with another cap (18%, 17.5%, …: no request made twice), on the same runs and seed, so the workers replay the
  // runs' draws (see simulations/model/keptDraws.ts). Then, for information, as after a change of data: each
  // request with another seed, so every count is drawn anew.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const resimulate = async (series: "policy" | "draws"): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const m = await page.evaluate(
        async ({runs, scenario, series, i}) => {
          type Tools = {getEnginePool(): Promise<{simulate(r: object): Promise<{workers: number; workerMs: number; mergeMs: number}>}>; scenario(id: string): Promise<object>};
          const tools = (globalThis as unknown as {fairshare?: Tools}).fairshare;
          if (!tools) throw new Error("globalThis.fairshare is missing: does the page use src/components/engine.ts?");
          const pool = await tools.getEnginePool();
          const base = await tools.scenario(scenario);
          const a = series === "policy" ? {...base, cap: Math.max(0.05, 0.18 - 0.005 * i)} : base;
          const seed = series === "policy" ? 1 : 100 + i;
          const start = performance.now();
          const outcome = await pool.simulate({a, runs, seed});
          return {ms: performance.now() - start, seed, workerMs: outcome.workerMs, mergeMs: outcome.mergeMs, workers: outcome.workers};
        },
        {runs, scenario: values.scenario, series, i}
      );
      times.push(m.ms);
      console.log(JSON.stringify({bench: series === "policy" ? "browser-simulate" : "browser-simulate-new-draws", scenario: values.scenario, runs, seed: m.seed, iteration: i, ms: round(m.ms), workerMs: round(m.workerMs), mergeMs: round(m.mergeMs), workers: m.workers, cores}));
    }
    return times;
  };
  const simTimes = await resimulate("policy");
  const drawTimes = await resimulate("draws");
  notes.push(`${runs.toLocaleString("en")}-run re-simulation with new draws (another seed each time; median) ${round(median(drawTimes))} ms`);
  report(`${runs.toLocaleString("en")}-run re-simulation after a change of policy (median)`, median(simTimes), "ms", 150);
  await page.context().close();

  // The tornado: from changing an assumption on the Prognoses page until its 13 bars are drawn (identical variants are
  // simulated once: 11 simulations at the defaults).
  const prognoses = await fresh();
  await prognoses.goto(`${server.url}/prognoses`, {waitUntil: "networkidle"});
  await prognoses.waitForFunction(() => (globalThis as unknown as {fairshare?: {busy(): number}}).fairshare?.busy() === 0 && Array.from(document.querySelectorAll("figure.fs-figure h3")).some((h) => h.textContent?.includes("gevoeligheid per aanname")), undefined, {timeout: 120_000});
  const tornadoTimes: number[] = [];
  for (let i = 0; i < Math.min(repeat, 4); i++) {
    const ms = await prognoses.evaluate(
      async ({i}) => {
        const form = Array.from(document.querySelectorAll("form")).find((f) => f.querySelector("label")?.textContent?.startsWith("Terugkeeraandeel"));
        const input = form?.querySelector("input[type=number]") as HTMLInputElement | null;
        if (!input) throw new Error("no Terugkeeraandeel input");
        const start = performance.now();
        input.value = String(0.8 + 0.05 * i);
        input.dispatchEvent(new Event("input", {bubbles: true}));
        const frame = (): Element | undefined => Array.from(document.querySelectorAll(".fs-run")).find((r) => r.textContent?.includes("gevoeligheid per aanname"));
        const wait = (done: () => boolean): Promise<number> => new Promise((resolve) => { const tick = (): void => (done() ? resolve(performance.now() - start) : void requestAnimationFrame(tick)); tick(); });
        await wait(() => frame()?.getAttribute("aria-busy") === "true");
        return wait(() => frame()?.getAttribute("aria-busy") === "false");
      },
      {i}
    );
    tornadoTimes.push(ms);
  }
  console.log(JSON.stringify({bench: "tornado", page: "/prognoses", variants: 13, ms: tornadoTimes.map(round), median: round(median(tornadoTimes))}));
  report("tornado (median)", median(tornadoTimes), "ms", 1500);
  await prognoses.context().close();

  // An edit on the negotiation page: from changing an offer until the simulated numbers are current again.
  const negotiationRuns = 5000;
  const negotiation = await fresh();
  await negotiation.goto(`${server.url}/onderhandelen?runs=${negotiationRuns}`, {waitUntil: "networkidle"});
  const leadFrame = "Array.from(document.querySelectorAll('.fs-run')).find((r) => r.querySelector('p.fs-lead'))";
  await negotiation.waitForFunction(`(globalThis.fairshare?.busy() === 0) && ${leadFrame}?.getAttribute("aria-busy") === "false"`, undefined, {timeout: 120_000});
  const editTimes: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const ms = await negotiation.evaluate(
      async ({i}) => {
        const input = document.querySelector('input[data-period="2027-2030"][data-municipality="GM0308"]') as HTMLInputElement | null;
        if (!input) throw new Error("no offer field for Baarn");
        const frame = (): Element | undefined => Array.from(document.querySelectorAll(".fs-run")).find((r) => r.querySelector("p.fs-lead"));
        const before = frame();
        const start = performance.now();
        input.value = String(12 + (i % 5));
        input.dispatchEvent(new Event("input", {bubbles: true}));
        const wait = (done: () => boolean): Promise<number> => new Promise((resolve) => { const tick = (): void => (done() ? resolve(performance.now() - start) : void requestAnimationFrame(tick)); tick(); });
        // Each state of the simulation (busy, then done) draws a new frame: wait for a new one that is not busy.
        return wait(() => { const f = frame(); return f !== undefined && f !== before && f.getAttribute("aria-busy") === "false"; });
      },
      {i}
    );
    editTimes.push(ms);
  }
  console.log(JSON.stringify({bench: "negotiation-edit", page: "/onderhandelen", runs: negotiationRuns, ms: editTimes.map(round), median: round(median(editTimes))}));
  report(`negotiation edit, ${negotiationRuns.toLocaleString("en")} runs (median)`, median(editTimes), "ms", 200);
}

try {
  // Load to first chart, per page that simulates (a fresh browser context each time: nothing cached in memory).
  const loads: number[] = [];
  for (const path of ["/", "/vergelijken", "/prognoses", "/gemeente/baarn"]) {
    const times: number[] = [];
    for (let i = 0; i < Math.min(repeat, 3); i++) {
      const load = await firstChart(path);
      times.push(load.ms);
      if (onlyLoad) console.log(JSON.stringify({bench: "load-critical-path", path, ms: round(load.ms), ...load.path}));
    }
    console.log(JSON.stringify({bench: "load-to-first-chart", path, ms: times.map(round), median: round(median(times))}));
    loads.push(median(times));
  }
  report("load to first chart (slowest page, median)", Math.max(...loads), "ms", 1000);
  if (!onlyLoad) await measureInteractions();
} finally {
  await browser.close();
  await server.close();
}
for (const b of budgets) console.log(`${b.value <= b.budget ? "within" : "OVER  "} budget: ${b.name} ${b.value} ${b.unit} (budget ${b.budget} ${b.unit})`);
for (const note of notes) console.log(`no budget:     ${note}`);
