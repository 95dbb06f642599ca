// The supply datasets (newbuild.csv, claims.csv, suitable.csv) and the register of published figures: read, checked
// across files, and reported with file, line, column and what was expected, like every other dataset.
import {describe, expect, it} from "vitest";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, issuesOf, lineOf, lines, writeLines} from "./helpers.ts";

describe("supply datasets", () => {
  it("are loaded from data/: new build 2019-2030, claims 2025-2030, a suitable share for each of the eight, the register", () => {
    const d = loadDatasets("data");
    expect(new Set(d.newBuild!.map((r) => r.year)).size).toBe(12);
    expect(d.newBuild!.find((r) => r.municipality === "GM0307" && r.year === 2026)).toMatchObject({homes: 320, status: "published"});
    expect(d.claims!).toHaveLength(8 * 6);
    expect(d.suitable!).toHaveLength(8);
    expect(d.publicFigures!.every((f) => f.source.length > 0)).toBe(true);
    expect(d.publicFigures!.find((f) => f.id === "woudenberg_lettings_2024")).toMatchObject({value: 70, status: "published"});
  });

  it("a share out of range names file, line and column", () => {
    const dir = copyData();
    const line = lineOf(dir, "claims.csv", "GM0308,2027");
    editLine(dir, "claims.csv", line, (l) => l.replace(",0.07,", ",7%,"));
    expect(issuesOf(dir)).toEqual([expect.objectContaining({file: expect.stringMatching(/claims\.csv$/), line, column: "share", value: "7%"})]);
  });

  it("a missing year of new build is reported at the row after the gap", () => {
    const dir = copyData();
    const line = lineOf(dir, "newbuild.csv", "GM0313,2027");
    writeLines(dir, "newbuild.csv", lines(dir, "newbuild.csv").filter((_, i) => i !== line - 1));
    const issues = issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({column: "year", expected: expect.stringMatching(/2027 ontbreekt/)});
  });

  it("a municipality outside the agreement is refused; a file left out means none (no new build)", () => {
    const dir = copyData();
    writeLines(dir, "suitable.csv", [...lines(dir, "suitable.csv"), "GM0203,2024,0.8,estimate,test,test"]);
    expect(issuesOf(dir)[0]).toMatchObject({column: "municipality", value: "GM0203"});
    const clean = copyData();
    rmSync(join(clean, "newbuild.csv"));
    expect(loadDatasets(clean).newBuild).toBeUndefined();
  });
});
