// Global setup of the browser tests: build the site once (scripts/build.ts, into test-artifacts/site so a running
// `npm start` keeps its dist/), serve it on 127.0.0.1 with a free port, and start one Chromium that every test
// file connects to.
import {join} from "node:path";
import {chromium} from "playwright-core";
import type {TestProject} from "vitest/node";
import {buildSite, ROOT} from "../../scripts/build.ts";
import {serveStatic} from "../../scripts/serve.ts";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The static server's base URL, e.g. http://127.0.0.1:40123 */
    baseUrl: string;
    /** Playwright's WebSocket endpoint of the shared Chromium. */
    wsEndpoint: string;
  }
}

/** Where the browser tests build the site. */
export const SITE = join(ROOT, "test-artifacts", "site");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildSite({output: SITE, stdio: "pipe"});
  const server = await serveStatic(SITE, 0);
  const browser = await chromium.launchServer({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS]});
  project.provide("baseUrl", server.url);
  project.provide("wsEndpoint", browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
