// `npm run build`: build the notebook into dist/ (or FAIRSHARE_OUTPUT) from the current data, never from a cache.
//
// Observable Framework reuses a loader's cached output as long as the loader file itself is older than the cache,
// even when the data the loader reads has changed. So every build first empties the loader cache; only the npm
// version markers (empty folders that spare a registry request) survive. Builds take a lock, because a build of the
// tests and a build of a person must not clear each other's cache halfway.
import {spawn} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {open, rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {bundlePackage} from "../src/lib/bundle.ts";

/** The repository root (this file lives in scripts/). */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
const CACHE = join(SRC, ".observablehq", "cache");
// Inside the (gitignored) cache folder, and spared when the cache is cleared.
const LOCK_NAME = ".build.lock";
const LOCK = join(CACHE, LOCK_NAME);
const FRAMEWORK_CLI = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

/**
 * Versions Framework's client asks npm for when it bundles its optional libraries (JSX, DuckDB, ...). The notebook
 * never loads them; recording a version here spares a registry request on every build and lets a build run with no
 * network at all. Framework reads these as empty folders `_npm/<name>@<version>`.
 */
const NPM_VERSION_MARKERS: readonly string[] = [
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0",
  "@observablehq/plot@0.6.17"
];

/**
 * Packages the pages import that reach the browser as one module each, their dependencies inside. Framework gives
 * every package of a dependency tree its own module: Plot alone was 32 modules (Plot, d3 and d3's 30 packages), the
 * inputs 3 (with htl and isoformat), all fetched before a page's first chart. Framework takes a package's module from its cache when it is there
 * (`_node/<name>@<version>/index.js`), so the build puts the one-module bundle there first.
 */
export const BUNDLED_PACKAGES: readonly string[] = ["@observablehq/plot", "@observablehq/inputs"];

/** Hosts the built site must never reference: fonts and CDNs that Framework's defaults would use. */
export const FORBIDDEN_HOSTS: readonly string[] = [
  "fonts.googleapis.com",
  "fonts.gstatic.com",
  "cdn.jsdelivr.net",
  "data.jsdelivr.com",
  "unpkg.com",
  "esm.sh",
  "cdnjs.cloudflare.com",
  "events.observablehq.com",
  "api.observablehq.com"
];

export interface BuildOptions {
  /** Output folder, absolute or relative to the repository root; default "dist". */
  readonly output?: string;
  /** Data folder the datasets loader reads (FAIRSHARE_DATA_DIR); default the loader's own default, data/. */
  readonly dataDir?: string;
  /** Where Framework's progress goes; default inherit (the terminal). "pipe" collects it for error messages. */
  readonly stdio?: "inherit" | "pipe";
}

export interface BuildResult {
  /** Absolute path of the output folder. */
  readonly output: string;
  /** Milliseconds the build took, lock wait included. */
  readonly elapsedMs: number;
}

/**
 * Builds the site from the current data: clears the loader cache, runs `observable build`, then checks that the
 * output references no third-party host. Throws with Framework's output when the build fails.
 *
 * @example
 * const {output} = await buildSite({output: "/tmp/site", dataDir: "/tmp/data-copy"});
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const output = resolve(ROOT, options.output ?? "dist");
  const release = await acquireLock();
  try {
    clearLoaderCache();
    await prebundlePackages();
    await runFramework(output, options);
    const offenders = findThirdPartyReferences(output);
    if (offenders.length > 0) {
      throw new Error(
        `The build in ${output} references third-party hosts (the site must work offline):\n` +
          offenders.map((o) => `  ${o.file}: ${o.host}`).join("\n")
      );
    }
  } finally {
    await release();
  }
  return {output, elapsedMs: performance.now() - start};
}

/**
 * Empties Framework's loader cache except the npm version markers, so no loader output can outlive its inputs.
 *
 * @example
 * clearLoaderCache(); // src/.observablehq/cache now holds only _npm/
 */
export function clearLoaderCache(): void {
  mkdirSync(CACHE, {recursive: true});
  for (const entry of readdirSync(CACHE)) {
    if (entry === "_npm" || entry === LOCK_NAME) continue;
    rmSync(join(CACHE, entry), {recursive: true, force: true});
  }
  for (const marker of NPM_VERSION_MARKERS) mkdirSync(join(CACHE, "_npm", marker), {recursive: true});
}

/**
 * Writes each of BUNDLED_PACKAGES as one module where Framework looks for its own bundle of the package.
 *
 * @example
 * await prebundlePackages(); // src/.observablehq/cache/_node/@observablehq/plot@0.6.17/index.js: Plot with d3 inside
 */
export async function prebundlePackages(): Promise<void> {
  for (const name of BUNDLED_PACKAGES) {
    const {version, code} = await bundlePackage(name);
    const dir = join(CACHE, "_node", `${name}@${version}`);
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, "index.js"), code);
  }
}

/** A reference to a forbidden host found in a built file. */
export interface ThirdPartyReference {
  readonly file: string;
  readonly host: string;
}

/**
 * Lists every built text file that mentions a forbidden host (see FORBIDDEN_HOSTS).
 *
 * @example
 * findThirdPartyReferences("dist"); // [] for a clean build
 */
export function findThirdPartyReferences(output: string): ThirdPartyReference[] {
  const found: ThirdPartyReference[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(html|js|css|json|svg|txt)$/.test(entry)) {
        const text = readFileSync(path, "utf8");
        for (const host of FORBIDDEN_HOSTS) if (text.includes(host)) found.push({file: path, host});
      }
    }
  };
  visit(output);
  return found;
}

/** Runs `observable build` in a child process with telemetry off and node_modules/.bin on PATH (for tsx loaders). */
function runFramework(output: string, options: BuildOptions): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    FAIRSHARE_OUTPUT: output,
    PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`
  };
  if (options.dataDir !== undefined) env.FAIRSHARE_DATA_DIR = resolve(options.dataDir);
  const stdio = options.stdio ?? "inherit";
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FRAMEWORK_CLI, "build"], {cwd: ROOT, env, stdio: ["ignore", stdio, stdio]});
    let log = "";
    child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`observable build failed (exit code ${code})${log ? `:\n${log.slice(-4000)}` : ""}`));
    });
  });
}

/**
 * Takes the build lock (a file created exclusively), waiting for another build to finish. A lock left by a process
 * that no longer runs is taken over.
 */
async function acquireLock(timeoutMs = 300_000): Promise<() => Promise<void>> {
  mkdirSync(CACHE, {recursive: true});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(LOCK, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(LOCK, {force: true});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockIsStale()) {
        rmSync(LOCK, {force: true});
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another build holds ${LOCK} for more than ${timeoutMs / 1000} s.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function lockIsStale(): boolean {
  try {
    const pid = Number(readFileSync(LOCK, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - statSync(LOCK).mtimeMs > 5_000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the lock vanished meanwhile (try again); ESRCH: its owner is gone.
    return code === "ESRCH" || code === "ENOENT";
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSite({output: process.env.FAIRSHARE_OUTPUT ?? "dist"})
    .then(({output, elapsedMs}) => console.log(`Built ${output} in ${(elapsedMs / 1000).toFixed(1)} s.`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
