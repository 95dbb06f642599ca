// Benchmark of the engine in the browser: how long a page waits for 10,000 runs of a scenario, in Debian's Chromium,
// through the same worker pool the pages use. Prints one JSON line per measurement (not a test: timings depend on
// the machine and its load). Builds the site first unless given --no-build (then it serves the existing dist/).
//
//   npx tsx scripts/bench-browser.ts [--runs 10000] [--repeat 7] [--scenario agreed] [--no-build]
import {parseArgs} from "node:util";
import {join} from "node:path";
import {chromium} from "playwright-core";
import {buildSite, ROOT} from "./build.ts";
import {serveStatic} from "./serve.ts";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/browser/chromium.ts";

interface PageMeasurement {
  readonly ms: number;
  readonly workerMs: number;
  readonly mergeMs: number;
  readonly workers: number;
}

const {values} = parseArgs({
  options: {
    runs: {type: "string", default: "10000"},
    repeat: {type: "string", default: "7"},
    scenario: {type: "string", default: "agreed"},
    "no-build": {type: "boolean", default: false}
  }
});
const runs = Number(values.runs);
const repeat = Number(values.repeat);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${values.repeat}`);

const round = (x: number): number => Math.round(x * 10) / 10;
const site = join(ROOT, "dist");
if (!values["no-build"]) await buildSite({output: site, stdio: "pipe"});
const server = await serveStatic(site, 0);
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS]});
try {
  const page = await browser.newPage();
  // The overview page starts the engine pool (and runs its own simulation first, which warms the engine up).
  await page.goto(`${server.url}/`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => "fairshare" in globalThis, undefined, {timeout: 60_000});
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const measure = (): Promise<PageMeasurement> =>
    page.evaluate(
      async ({runs, scenario}) => {
        type Tools = {
          getEnginePool(): Promise<{simulate(r: object): Promise<{workers: number; workerMs: number; mergeMs: number}>}>;
          scenario(id: string): Promise<unknown>;
        };
        // The engine component puts its entry points on globalThis.fairshare when it starts the pool.
        const tools = (globalThis as unknown as {fairshare?: Tools}).fairshare;
        if (!tools) throw new Error("globalThis.fairshare is missing: does the page use src/components/engine.ts?");
        const pool = await tools.getEnginePool();
        const a = await tools.scenario(scenario);
        const start = performance.now();
        const outcome = await pool.simulate({a, runs, seed: 1});
        return {ms: performance.now() - start, workerMs: outcome.workerMs, mergeMs: outcome.mergeMs, workers: outcome.workers};
      },
      {runs, scenario: values.scenario}
    );
  for (let i = 0; i < repeat; i++) {
    const {ms, workerMs, mergeMs, workers} = await measure();
    console.log(
      JSON.stringify({bench: "browser-simulate", scenario: values.scenario, runs, seed: 1, iteration: i, ms: round(ms), workerMs: round(workerMs), mergeMs: round(mergeMs), workers, cores})
    );
  }
} finally {
  await browser.close();
  await server.close();
}
