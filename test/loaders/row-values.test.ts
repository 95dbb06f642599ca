// Values in a single cell: each bad value is reported with file, line, column, the value found and what was
// expected, and all bad values of a file come together.
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, expectIssue, issuesOf, lineOf, messageOf} from "./helpers.ts";

/** Replace the cell of `column` (0-based index) on the line that starts with `prefix`, and return that line's number. */
function setCell(dir: string, file: string, prefix: string, index: number, value: string): number {
  const n = lineOf(dir, file, prefix);
  editLine(dir, file, n, (l) => {
    const cells = l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    cells[index] = value;
    return cells.join(",");
  });
  return n;
}

describe("counts", () => {
  it("refuses a negative count", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0313,2021", 2, "-12");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "vacancies", value: "-12", expected: /negatief/});
  });

  it("refuses a count with decimals", () => {
    const dir = copyData();
    const n = setCell(dir, "prognosis.csv", "jz,GM0327,2026,central", 4, "2.5");
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "placements", value: "2.5", expected: /geheel getal/});
  });

  it("refuses text where a number belongs", () => {
    const dir = copyData();
    const n = setCell(dir, "municipal-figures.csv", "GM0317,inhabitants", 3, "ca. 9800");
    expectIssue(dir, {file: "municipal-figures.csv", line: n, column: "value", value: "ca. 9800", expected: /geheel getal/});
  });

  it("refuses an empty count", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0351,2020", 2, "");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "vacancies", value: "", expected: /leeg/});
  });
});

describe("years, codes and labels", () => {
  it("refuses a year that is not four digits", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0342,2022", 1, "22");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "year", value: "22", expected: /jaartal/});
  });

  it("refuses a malformed municipality code", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0342,2022", 0, "0342");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "municipality", value: "0342", expected: /GM0307/});
  });

  it("refuses an unknown indicator", () => {
    const dir = copyData();
    const n = setCell(dir, "municipal-figures.csv", "GM0308,households", 1, "huishoudens");
    expectIssue(dir, {file: "municipal-figures.csv", line: n, column: "indicator", value: "huishoudens", expected: /inhabitants, households/});
  });

  it("refuses an unknown variant", () => {
    const dir = copyData();
    const n = setCell(dir, "prognosis.csv", "mo,GM0307,2025,high", 3, "hoog");
    expectIssue(dir, {file: "prognosis.csv", line: n, column: "variant", value: "hoog", expected: /low, central, high/});
  });

  it("refuses in_agreement other than true or false", () => {
    const dir = copyData();
    const n = setCell(dir, "municipalities.csv", "GM0203", 3, "nee");
    expectIssue(dir, {file: "municipalities.csv", line: n, column: "in_agreement", value: "nee", expected: /true of false/});
  });
});

describe("shares", () => {
  it("refuses a share above 1", () => {
    const dir = copyData();
    const n = setCell(dir, "groups.csv", "hg,", 2, "1.15");
    expectIssue(dir, {file: "groups.csv", line: n, column: "return_share", value: "1.15", expected: /tussen 0 en 1/});
  });

  it("refuses a percentage and says how to write it", () => {
    const dir = copyData();
    const n = setCell(dir, "groups.csv", "mz,", 2, "95%");
    expectIssue(dir, {file: "groups.csv", line: n, column: "return_share", value: "95%", expected: /0\.8/});
  });
});

describe("provenance", () => {
  it("refuses an unknown status", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0351,2024", 3, "gepubliceerd");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "status", value: "gepubliceerd", expected: /published, derived, estimate/});
  });

  it("refuses a value without a source", () => {
    const dir = copyData();
    const n = setCell(dir, "vacancies.csv", "GM0351,2024", 4, "");
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "source", value: ""});
  });

  it("refuses an estimate without a note on its method", () => {
    const dir = copyData();
    const n = setCell(dir, "groups.csv", "bw,", 6, "");
    expectIssue(dir, {file: "groups.csv", line: n, column: "note", value: "", expected: /schattingsmethode/});
  });

  it("accepts replacing an estimate by editing one row: value, status published, source, empty note", () => {
    const dir = copyData();
    const n = lineOf(dir, "vacancies.csv", "GM0308,2024");
    editLine(dir, "vacancies.csv", n, () => "GM0308,2024,104,published,Eemland Wonen jaarverslag 2024,");
    const record = loadDatasets(dir).vacancies.find((v) => v.municipality === "GM0308" && v.year === 2024);
    expect(record).toEqual({municipality: "GM0308", year: 2024, vacancies: 104, status: "published", source: "Eemland Wonen jaarverslag 2024"});
  });
});

describe("all problems of a file at once", () => {
  it("reports every bad row of a file in one error, in line order", () => {
    const dir = copyData();
    const a = setCell(dir, "vacancies.csv", "GM0307,2020", 2, "-1");
    const b = setCell(dir, "vacancies.csv", "GM0317,2022", 1, "twintig");
    const c = setCell(dir, "vacancies.csv", "GM0351,2023", 3, "schatting");
    const issues = issuesOf(dir);
    expect(issues.map((i) => [i.line, i.column])).toEqual([[a, "vacancies"], [b, "year"], [c, "status"]]);
    const message = messageOf(dir);
    expect(message).toMatch(/3 problemen/);
    for (const n of [a, b, c]) expect(message).toContain(`vacancies.csv, regel ${n},`);
  });

  it("reports several problems in one row, one per column", () => {
    const dir = copyData();
    const n = setCell(dir, "groups.csv", "exg,", 2, "2");
    setCell(dir, "groups.csv", "exg,", 4, "onbekend");
    expect(issuesOf(dir).map((i) => [i.line, i.column])).toEqual([[n, "return_share"], [n, "status"]]);
  });

  it("reports problems in several files together", () => {
    const dir = copyData();
    setCell(dir, "groups.csv", "exg,", 2, "2");
    setCell(dir, "vacancies.csv", "GM0307,2020", 2, "-1");
    setCell(dir, "prognosis.csv", "mo,GM0308,2025,low", 4, "x");
    const files = issuesOf(dir).map((i) => i.file.split("/").pop());
    expect(files).toEqual(["vacancies.csv", "groups.csv", "prognosis.csv"]);
  });
});
