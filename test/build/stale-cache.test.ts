// `npm run build` must never show data older than data/: Framework keeps a loader's output as long as the loader
// file is older than its cache, even when the CSVs it reads changed. scripts/build.ts clears that cache; this test
// changes one published figure between two builds and expects the second build to carry it.
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, expect, test} from "vitest";
import type {Datasets} from "../../loaders/types.ts";
import {buildSite, ROOT} from "../../scripts/build.ts";
import {unpackJson} from "../../src/components/packed-json.ts";

const work = mkdtempSync(join(tmpdir(), "fairshare-build-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** The datasets JSON a build emitted (its name carries a content hash; packed, see src/components/packed-json.ts). */
function builtDatasets(output: string): Datasets {
  const dir = join(output, "_file", "data");
  const files = readdirSync(dir).filter((f) => /^datasets\.[0-9a-f]+\.json$/.test(f));
  expect(files, `one datasets JSON in ${dir}`).toHaveLength(1);
  return unpackJson<Datasets>(JSON.parse(readFileSync(join(dir, files[0]!), "utf8")));
}

function inhabitants(datasets: Datasets, code: string): number {
  const municipality = datasets.municipalities.find((m) => m.code === code);
  if (!municipality) throw new Error(`no municipality ${code} in the built datasets`);
  return municipality.inhabitants.value;
}

test("a second build after a data change shows the changed figure, not the cached one", async () => {
  const data = join(work, "data");
  cpSync(join(ROOT, "data"), data, {recursive: true});
  const figures = join(data, "municipal-figures.csv");
  const woudenberg = /^GM0351,inhabitants,(\d{4}),(\d+),/m;
  const original = readFileSync(figures, "utf8");
  const match = woudenberg.exec(original);
  if (!match) throw new Error("data/municipal-figures.csv has no inhabitants row for Woudenberg (GM0351)");
  const before = Number(match[2]);

  const first = await buildSite({output: join(work, "site-1"), dataDir: data, stdio: "pipe"});
  expect(inhabitants(builtDatasets(first.output), "GM0351")).toBe(before);

  writeFileSync(figures, original.replace(woudenberg, `GM0351,inhabitants,$1,${before + 1234},`));
  const second = await buildSite({output: join(work, "site-2"), dataDir: data, stdio: "pipe"});
  expect(inhabitants(builtDatasets(second.output), "GM0351")).toBe(before + 1234);
}, 300_000);
