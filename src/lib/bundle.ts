// Bundles a TypeScript entry for the browser with esbuild. Pages cannot import files outside src/, so the engine
// reaches the browser as a loader output (src/lib/engine.js.ts, src/lib/worker.js.ts) built from the very same
// source the command line runs: one engine, one code path, same numbers.
import {build, type BuildOptions, type Format} from "esbuild";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** The repository root (this file lives in src/lib/). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Bundles `entry` (relative to the repository root) into one self-contained browser script and returns its text.
 * Node built-ins are refused by esbuild's browser platform, which keeps the engine browser-safe.
 *
 * @example
 * const code = await bundleForBrowser("simulations/index.ts", "esm");
 */
export async function bundleForBrowser(entry: string, format: Format): Promise<string> {
  // Keep names so that errors thrown in the browser name the function that threw.
  return browserBundle(entry, {entryPoints: [entry], format, keepNames: true});
}

// One minified browser bundle, in memory, with the options every bundle shares; its text.
async function browserBundle(what: string, options: BuildOptions): Promise<string> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    ...options,
    write: false,
    logLevel: "silent"
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced no output for ${what}`);
  return file.text;
}

/** A node_modules package delivered to the browser as one module (with its dependencies inside). */
export interface PackageBundle {
  /** The package's name, e.g. "@observablehq/plot". */
  readonly name: string;
  /** Its installed version (from its package.json), e.g. "0.6.17". */
  readonly version: string;
  /** The module's text: an ES module with the package's exports. */
  readonly code: string;
}

/**
 * Bundles an installed package and every package it imports into one ES module with the package's exports.
 * Framework would deliver each package of the dependency tree as its own module (Plot pulls in the 30 modules of
 * d3), which a page must all fetch before its first chart; one module is one request.
 *
 * @example
 * const {version, code} = await bundlePackage("@observablehq/plot"); // "0.6.17", "export{...}" (Plot and d3)
 */
export async function bundlePackage(name: string): Promise<PackageBundle> {
  const require = createRequire(join(REPO_ROOT, "package.json"));
  const version = packageVersion(require, name);
  const code = await browserBundle(name, {
    stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: REPO_ROOT, loader: "js"},
    format: "esm",
    // As Framework bundles node_modules: production builds of the packages, minified.
    define: {"process.env.NODE_ENV": JSON.stringify("production")}
  });
  return {name, version, code};
}

/** The version in an installed package's package.json (found from its entry, as Framework finds it). */
function packageVersion(require: NodeJS.Require, name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {name?: string; version?: string};
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json with a version for ${name}`);
    dir = parent;
  }
}
