// Plot and the inputs reach the browser as one module each, their dependencies inside (scripts/build.ts puts the
// bundle where Framework looks for its own): the bundle must be self-contained and export what the package exports.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, expect, test} from "vitest";
import {BUNDLED_PACKAGES} from "../../scripts/build.ts";
import {bundlePackage, REPO_ROOT} from "../../src/lib/bundle.ts";

const work = mkdtempSync(join(tmpdir(), "fairshare-bundle-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

test.each(BUNDLED_PACKAGES)("%s bundles into one module with the package's version and exports", async (name) => {
  const {version, code} = await bundlePackage(name);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {version: string};
  expect(version).toBe(manifest.version);
  // Self-contained: no static or dynamic import of another module is left for the browser to fetch.
  expect(code).not.toMatch(/\bimport\s*[{*"'(]|\bfrom\s*["']/);
  const file = join(work, `${name.replace(/\W+/g, "-")}.mjs`);
  writeFileSync(file, code);
  const bundled = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const original = (await import(name)) as Record<string, unknown>;
  expect(Object.keys(bundled).sort()).toEqual(Object.keys(original).filter((k) => k !== "default").sort());
});
