// The browser's engine bundle stays small: scenario validation (zod) is done at build time by a data loader
// (src/data/scenarios.json.ts), so neither the page's engine nor the workers' script carries a validator.
import {expect, test} from "vitest";
import {bundleForBrowser} from "../../src/lib/bundle.ts";

/** The budget of the engine bundle, minified (it was 521 KB with zod, 470 KB of which was zod). */
const ENGINE_BUDGET = 150 * 1024;

test("the browser engine bundle is at most 150 KB minified and holds no zod", async () => {
  const engine = await bundleForBrowser("src/lib/engine-browser.ts", "esm");
  expect(engine.length).toBeLessThanOrEqual(ENGINE_BUDGET);
  // zod's error-map and schema internals carry these names; none may reach the browser.
  expect(engine).not.toMatch(/ZodError|\$ZodType|safeParse/);
  const worker = await bundleForBrowser("src/lib/worker-entry.ts", "iife");
  expect(worker.length).toBeLessThanOrEqual(16 * 1024);
  expect(worker).not.toMatch(/ZodError|\$ZodType|safeParse/);
});

test("the size check would catch zod: the Node-side engine entry carries it", async () => {
  const full = await bundleForBrowser("simulations/index.ts", "esm");
  expect(full).toMatch(/ZodError|\$ZodType|safeParse/);
  expect(full.length).toBeGreaterThan(ENGINE_BUDGET);
});
