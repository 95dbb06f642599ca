// Checks across rows and files: known codes and groups, one row per key, complete series without gaps, complete
// prognosis, and low ≤ central ≤ high.
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, expectIssue, issuesOf, lineOf, lines, writeLines} from "./helpers.ts";

const drop = (dir: string, file: string, keep: (line: string) => boolean): void =>
  writeLines(dir, file, lines(dir, file).filter((l, i) => i === 0 || keep(l)));

describe("references", () => {
  it("refuses an unknown municipality code in a series", () => {
    const dir = copyData();
    const n = lineOf(dir, "vacancies.csv", "GM0313,2019");
    editLine(dir, "vacancies.csv", n, (l) => l.replace("GM0313", "GM0314"));
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "municipality", value: "GM0314", expected: /onbekend/});
  });

  it("refuses an unknown origin in the prognosis", () => {
    const dir = copyData();
    const n = lineOf(dir, "prognosis.csv", "hg,GM0342,2028,low");
    editLine(dir, "prognosis.csv", n, (l) => l.replace("GM0342", "GM0344"));
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "origin", value: "GM0344"});
  });

  it("refuses Barneveld as an origin in the prognosis: it is not in the agreement", () => {
    const dir = copyData();
    const n = lineOf(dir, "prognosis.csv", "mz,GM0351,2030,high");
    editLine(dir, "prognosis.csv", n, (l) => l.replace("GM0351", "GM0203"));
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "origin", value: "GM0203", expected: /Barneveld.*doet niet mee/});
  });

  it("refuses an unknown group in the prognosis", () => {
    const dir = copyData();
    const n = lineOf(dir, "prognosis.csv", "exg,GM0307,2025,low");
    editLine(dir, "prognosis.csv", n, (l) => l.replace(/^exg,/, "reclassering,"));
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "group", value: "reclassering", expected: /groups\.csv/});
  });

  it("does not pile reference errors onto a broken municipalities.csv", () => {
    const dir = copyData();
    editLine(dir, "municipalities.csv", 3, (l) => l.replace("true", "misschien"));
    expect(issuesOf(dir).map((i) => i.file.split("/").pop())).toEqual(["municipalities.csv"]);
  });
});

describe("duplicates", () => {
  it("refuses an identical row and names the earlier line", () => {
    const dir = copyData();
    const all = lines(dir, "vacancies.csv");
    const n = lineOf(dir, "vacancies.csv", "GM0327,2022");
    writeLines(dir, "vacancies.csv", [...all, all[n - 1]!]);
    expectIssue(dir, {file: "vacancies.csv", line: all.length + 1, column: "year", value: "2022", expected: new RegExp(`identiek aan regel ${n}`)});
  });

  it("refuses two rows for the same municipality and year with different values", () => {
    const dir = copyData();
    const all = lines(dir, "vacancies.csv");
    const n = lineOf(dir, "vacancies.csv", "GM0327,2022");
    writeLines(dir, "vacancies.csv", [...all, all[n - 1]!.replace(/^(GM0327,2022),\d+/, "$1,999")]);
    expectIssue(dir, {file: "vacancies.csv", line: all.length + 1, expected: new RegExp(`dezelfde sleutel als regel ${n}`)});
  });

  it("refuses a second figure for the same municipality and indicator", () => {
    const dir = copyData();
    const all = lines(dir, "municipal-figures.csv");
    const n = lineOf(dir, "municipal-figures.csv", "GM0342,inhabitants");
    writeLines(dir, "municipal-figures.csv", [...all, "GM0342,inhabitants,2024,47850,published,CBS 03759ned,"]);
    expectIssue(dir, {file: "municipal-figures.csv", line: all.length + 1, column: "indicator", value: "inhabitants", expected: new RegExp(`regel ${n}`)});
  });

  it("refuses a duplicate municipality code", () => {
    const dir = copyData();
    const all = lines(dir, "municipalities.csv");
    writeLines(dir, "municipalities.csv", [...all, all[1]!.replace("Amersfoort", "Amersfoort-Noord")]);
    expectIssue(dir, {file: "municipalities.csv", line: all.length + 1, column: "code", value: "GM0307"});
  });

  it("refuses a duplicate group id", () => {
    const dir = copyData();
    const all = lines(dir, "groups.csv");
    writeLines(dir, "groups.csv", [...all, "mo,Dubbel,0.5,2024,estimate,x,y"]);
    expectIssue(dir, {file: "groups.csv", line: all.length + 1, column: "id", value: "mo"});
  });
});

describe("complete series", () => {
  it("refuses a gap in the years and points at the row after it", () => {
    const dir = copyData();
    drop(dir, "vacancies.csv", (l) => !l.startsWith("GM0342,2021"));
    const n = lineOf(dir, "vacancies.csv", "GM0342,2022");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "year", value: "2022", expected: /Soest.*2021/});
  });

  it("refuses a municipality that stops a year early", () => {
    const dir = copyData();
    drop(dir, "vacancies.csv", (l) => !l.startsWith("GM0308,2024"));
    const n = lineOf(dir, "vacancies.csv", "GM0308,2023");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "year", expected: /Baarn.*2024/});
  });

  it("refuses a municipality of the agreement missing from the vacancies", () => {
    const dir = copyData();
    drop(dir, "vacancies.csv", (l) => !l.startsWith("GM0317"));
    expectIssue(dir, {file: "vacancies.csv", column: "municipality", value: "GM0317", expected: /Eemnes.*ontbreekt/});
  });

  it("names every missing municipality when only Barneveld is left", () => {
    const dir = copyData();
    drop(dir, "vacancies.csv", (l) => l.startsWith("GM0203"));
    const issues = issuesOf(dir);
    expect(issues).toHaveLength(8);
    for (const i of issues) expect(i.expected).not.toMatch(/Infinity/);
  });

  it("accepts Barneveld missing from the vacancies: it is outside the agreement", () => {
    const dir = copyData();
    drop(dir, "vacancies.csv", (l) => !l.startsWith("GM0203"));
    const d = loadDatasets(dir);
    expect(d.vacancies.some((v) => v.municipality === "GM0203")).toBe(false);
    expect(d.vacancies).toHaveLength(48);
  });

  it("refuses a municipality without a figure for an indicator", () => {
    const dir = copyData();
    drop(dir, "municipal-figures.csv", (l) => !l.startsWith("GM0313,social_stock"));
    expectIssue(dir, {file: "municipal-figures.csv", column: "indicator", value: "social_stock", expected: /Bunschoten/});
  });
});

describe("complete prognosis", () => {
  it("refuses a missing cell and names group, origin, year and variant", () => {
    const dir = copyData();
    drop(dir, "prognosis.csv", (l) => !l.startsWith("jz,GM0313,2028,high,"));
    const issues = expectIssue(dir, {file: "prognosis.csv", column: "variant", value: "high", expected: /jz.*Bunschoten \(GM0313\).*2028.*high/});
    expect(issues).toHaveLength(1);
  });

  it("reports each missing cell when one group and origin lack a year", () => {
    const dir = copyData();
    drop(dir, "prognosis.csv", (l) => !l.startsWith("bw,GM0308,2030,"));
    expect(issuesOf(dir).map((i) => i.value)).toEqual(["low", "central", "high"]);
  });

  it("reports a group without any rows once, not once per cell", () => {
    const dir = copyData();
    drop(dir, "prognosis.csv", (l) => !l.startsWith("hg,"));
    const issues = expectIssue(dir, {file: "prognosis.csv", column: "group", value: "hg", expected: /ontbreekt/});
    expect(issues).toHaveLength(1);
  });

  it("reports an origin without any rows once", () => {
    const dir = copyData();
    drop(dir, "prognosis.csv", (l) => !l.includes(",GM0327,"));
    const issues = expectIssue(dir, {file: "prognosis.csv", column: "origin", value: "GM0327", expected: /Leusden/});
    expect(issues).toHaveLength(1);
  });
});

describe("variants", () => {
  it("refuses low above central (and so above high)", () => {
    const dir = copyData();
    const n = lineOf(dir, "prognosis.csv", "mo,GM0307,2025,low");
    editLine(dir, "prognosis.csv", n, (l) => l.replace(/,low,\d+,/, ",low,90,"));
    const central = lineOf(dir, "prognosis.csv", "mo,GM0307,2025,central");
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "placements", value: "90", expected: new RegExp(`regel ${central}.*laag ≤ centraal ≤ hoog`)});
  });

  it("refuses high below central", () => {
    const dir = copyData();
    const n = lineOf(dir, "prognosis.csv", "bw,GM0267,2029,high");
    editLine(dir, "prognosis.csv", n, (l) => l.replace(/,high,\d+,/, ",high,0,"));
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "placements", value: "0", expected: /minstens de centrale variant/});
  });
});
