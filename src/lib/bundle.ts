// Bundles a TypeScript entry for the browser with esbuild. Pages cannot import files outside src/, so the engine
// reaches the browser as a loader output (src/lib/engine.js.ts, src/lib/worker.js.ts) built from the very same
// source the command line runs: one engine, one code path, same numbers.
import {build, type Format} from "esbuild";
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
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    bundle: true,
    format,
    platform: "browser",
    target: "es2022",
    minify: true,
    // Keep names so that errors thrown in the browser name the function that threw.
    keepNames: true,
    legalComments: "none",
    write: false,
    logLevel: "silent"
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}
