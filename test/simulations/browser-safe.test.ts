// The pages bundle simulations/index.ts for the browser: nothing below it may import a node module.
import {describe, expect, it} from "vitest";
import {build} from "esbuild";

describe("public API is browser-safe", () => {
  it("bundles for the browser without any node built-in", async () => {
    const result = await build({
      entryPoints: ["simulations/index.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent"
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.startsWith("node:") || /^(fs|path|url|os|worker_threads)$/.test(f))).toBe(false);
    expect(inputs).not.toContain("simulations/runner/pool.ts");
    expect(inputs).not.toContain("simulations/scenario/files.ts");
    const code = result.outputFiles[0]!.text;
    expect(code).toContain("quantileSorted");
  });
});
