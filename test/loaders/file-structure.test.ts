// The shape of a file: empty, header only, wrong or unknown columns, rows of the wrong width, blank lines and
// trailing garbage are each reported with file and line, never skipped silently.
import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {copyData, editLine, expectIssue, issuesOf, lineOf, lines, writeLines} from "./helpers.ts";

describe("whole file", () => {
  it("reports an empty file and lists the header it needs", () => {
    const dir = copyData();
    writeFileSync(join(dir, "vacancies.csv"), "");
    expectIssue(dir, {file: "vacancies.csv", line: 1, expected: /municipality,year,vacancies.*leeg/});
  });

  it("reports a file with a header and no data", () => {
    const dir = copyData();
    writeLines(dir, "groups.csv", lines(dir, "groups.csv").slice(0, 1));
    expectIssue(dir, {file: "groups.csv", line: 2, expected: /alleen een kopregel/});
  });

  it("reports a missing file by name", () => {
    const dir = copyData();
    rmSync(join(dir, "prognosis.csv"));
    expectIssue(dir, {file: "prognosis.csv", expected: /niet gevonden/});
  });

  it("reports an unclosed quote with its line", () => {
    const dir = copyData();
    editLine(dir, "groups.csv", 3, (l) => l.replace("bw,", 'bw,"'));
    expectIssue(dir, {file: "groups.csv", line: 3, expected: /aanhalingstekens/});
    const open = copyData();
    editLine(open, "groups.csv", 7, (l) => l.replace(/,([^,]*)$/, ',"$1'));
    expectIssue(open, {file: "groups.csv", line: 7, expected: /aanhalingstekens.*gesloten/});
  });
});

describe("header", () => {
  it("reports a missing column", () => {
    const dir = copyData();
    writeLines(dir, "groups.csv", lines(dir, "groups.csv").map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter((_, i) => i !== 3).join(",")));
    expectIssue(dir, {file: "groups.csv", line: 1, column: "year", expected: /ontbreekt/});
  });

  it("reports an unknown column, even when the rows have a value for it", () => {
    const dir = copyData();
    writeLines(dir, "vacancies.csv", lines(dir, "vacancies.csv").map((l, i) => `${l},${i === 0 ? "opmerking" : "x"}`));
    const issues = expectIssue(dir, {file: "vacancies.csv", line: 1, column: "opmerking", value: "opmerking", expected: /onbekende kolom/});
    expect(issues).toHaveLength(1);
  });

  it("names the intended column when only case or spaces differ", () => {
    const dir = copyData();
    editLine(dir, "vacancies.csv", 1, (l) => l.replace("vacancies", "Vacancies"));
    const issues = expectIssue(dir, {file: "vacancies.csv", line: 1, column: "Vacancies", expected: /"vacancies"/});
    expect(issues).toHaveLength(1);
  });

  it("reports a duplicate column", () => {
    const dir = copyData();
    writeLines(dir, "vacancies.csv", lines(dir, "vacancies.csv").map((l, i) => `${l},${i === 0 ? "note" : ""}`));
    expectIssue(dir, {file: "vacancies.csv", line: 1, column: "note", expected: /dubbele kolom/});
  });
});

describe("rows", () => {
  it("reports an extra column in one row and shows the row", () => {
    const dir = copyData();
    const n = lineOf(dir, "vacancies.csv", "GM0308,2020");
    editLine(dir, "vacancies.csv", n, (l) => `${l},extra`);
    expectIssue(dir, {file: "vacancies.csv", line: n, expected: /6 waarden.*heeft er 7/});
  });

  it("reports a row with too few values and names the first missing column", () => {
    const dir = copyData();
    const n = lineOf(dir, "vacancies.csv", "GM0308,2020");
    editLine(dir, "vacancies.csv", n, (l) => l.split(",").slice(0, 2).join(","));
    expectIssue(dir, {file: "vacancies.csv", line: n, column: "vacancies", value: "GM0308,2020", expected: /ontbreken/});
  });

  it("reports a blank line in the middle with its line number", () => {
    const dir = copyData();
    const all = lines(dir, "groups.csv");
    all.splice(3, 0, "");
    writeLines(dir, "groups.csv", all);
    expectIssue(dir, {file: "groups.csv", line: 4, expected: /lege regel/});
  });

  it("reports an Excel row of empty cells (,,,,,,) at the end", () => {
    const dir = copyData();
    const all = lines(dir, "groups.csv");
    writeLines(dir, "groups.csv", [...all, ",,,,,,"]);
    expectIssue(dir, {file: "groups.csv", line: all.length + 1, expected: /lege regel/});
  });

  it("reports trailing garbage (a totals row and a footnote) line by line", () => {
    const dir = copyData();
    const all = lines(dir, "vacancies.csv");
    writeLines(dir, "vacancies.csv", [...all, "Totaal,,14504,,,", "Bron: eigen schatting"]);
    const issues = issuesOf(dir);
    expectIssue(dir, {file: "vacancies.csv", line: all.length + 1, column: "municipality", value: "Totaal"});
    expectIssue(dir, {file: "vacancies.csv", line: all.length + 2, column: "year", value: "Bron: eigen schatting"});
    expect(issues.every((i) => i.line !== undefined && i.line > all.length)).toBe(true);
  });

  it("accepts one final newline but no further blank lines", () => {
    const dir = copyData();
    const all = lines(dir, "groups.csv");
    writeFileSync(join(dir, "groups.csv"), all.join("\n") + "\n\n");
    expectIssue(dir, {file: "groups.csv", line: all.length + 1, expected: /lege regel/});
  });
});
