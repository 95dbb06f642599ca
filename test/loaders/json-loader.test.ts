// src/data/datasets.json.ts as Framework runs it (tsx): JSON on stdout for good data; for bad data the full message
// on stderr, nothing on stdout, and a non-zero exit so the build stops.
import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, lineOf} from "./helpers.ts";
import {unpackJson} from "../../src/components/packed-json.ts";

const LOADER = new URL("../../src/data/datasets.json.ts", import.meta.url).pathname;
const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;

function run(dataDir?: string) {
  const env = {...process.env};
  if (dataDir === undefined) delete env.FAIRSHARE_DATA_DIR;
  else env.FAIRSHARE_DATA_DIR = dataDir;
  // Run from another directory: the loader must find data/ relative to itself, not to the working directory.
  return spawnSync(TSX, [LOADER], {env, cwd: "/", encoding: "utf8"});
}

describe("datasets.json.ts", () => {
  it("writes the datasets of data/ as JSON, resolved relative to the loader", () => {
    const r = run();
    expect(r.status).toBe(0);
    // Packed for the pages (src/components/packed-json.ts); unpacked it is the datasets, field by field and in order.
    expect(JSON.stringify(unpackJson(JSON.parse(r.stdout)))).toBe(JSON.stringify(loadDatasets("data")));
    expect(r.stdout.length).toBeLessThan(JSON.stringify(loadDatasets("data")).length / 3);
  });

  it("honours FAIRSHARE_DATA_DIR", () => {
    const dir = copyData();
    const n = lineOf(dir, "vacancies.csv", "GM0351,2024");
    editLine(dir, "vacancies.csv", n, () => "GM0351,2024,71,published,test,");
    const r = run(dir);
    expect(r.status).toBe(0);
    const out = unpackJson<{vacancies: {municipality: string; year: number; vacancies: number}[]}>(JSON.parse(r.stdout));
    expect(out.vacancies.find((v) => v.municipality === "GM0351" && v.year === 2024)?.vacancies).toBe(71);
  });

  it("on bad data exits non-zero, writes nothing to stdout and every problem to stderr", () => {
    const dir = copyData();
    const a = lineOf(dir, "vacancies.csv", "GM0308,2021");
    editLine(dir, "vacancies.csv", a, (l) => l.replace(/^(GM0308,2021),\d+/, "$1,-4"));
    const b = lineOf(dir, "groups.csv", "hg,");
    editLine(dir, "groups.csv", b, (l) => l.replace(",0.15,", ",1.5,"));
    const r = run(dir);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`vacancies.csv, regel ${a}, kolom "vacancies": gevonden "-4"`);
    expect(r.stderr).toContain(`groups.csv, regel ${b}, kolom "return_share": gevonden "1.5"`);
    expect(r.stderr).toMatch(/2 problemen/);
  });
});
