// Files saved by spreadsheets: a Dutch Excel export is refused with a message that says so, never misread; a byte-
// order mark and Windows line ends are harmless; other encodings are refused.
import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, expectIssue, FIXTURES, issuesOf, lines, writeLines} from "./helpers.ts";

const useFixture = (dir: string, fixture: string): void => copyFileSync(join(FIXTURES, fixture), join(dir, "groups.csv"));

describe("Dutch Excel export (';' separator, decimal comma, BOM, CRLF)", () => {
  it("is refused with a message that names the separator and how to save the file", () => {
    const dir = copyData();
    useFixture(dir, "groups-excel-nl.csv");
    const issues = expectIssue(dir, {file: "groups.csv", line: 1, value: "id;name;return_share;year;status;source;note",
      expected: /';' als scheidingsteken.*Excel.*CSV UTF-8 met komma's/});
    expect(issues).toHaveLength(1);
    // The BOM must not show up in the value quoted back to the user.
    expect(issues[0]!.value!.startsWith("\uFEFF")).toBe(false);
  });

  it("is refused, not misread, even when a ';' file has a single column of numbers", () => {
    const dir = copyData();
    writeFileSync(join(dir, "groups.csv"), "id;name;return_share;year;status;source;note\nmo;Opvang;1,5;2024;estimate;x;y\n");
    expect(issuesOf(dir)).toHaveLength(1);
  });
});

describe("decimal comma in a comma-separated file", () => {
  it("refuses a quoted \"0,8\" in a share column, and suggests 0.8", () => {
    const dir = copyData();
    editLine(dir, "groups.csv", 2, (l) => l.replace(",0.8,", ',"0,8",'));
    expectIssue(dir, {file: "groups.csv", line: 2, column: "return_share", value: "0,8", expected: /decimale komma.*0\.8/});
  });

  it("refuses an unquoted 0,8 (which splits the row) and never reads it as 0 or 8", () => {
    const dir = copyData();
    editLine(dir, "groups.csv", 2, (l) => l.replace(",0.8,", ",0,8,"));
    const issues = expectIssue(dir, {file: "groups.csv", line: 2, expected: /7 waarden.*heeft er 8.*decimale komma.*"0,8" in kolom "return_share"/});
    expect(issues).toHaveLength(1);
  });

  it("refuses \"1,5\" as a count instead of reading 15 or 1", () => {
    const dir = copyData();
    editLine(dir, "vacancies.csv", 2, (l) => l.replace(/^(GM0307,2019),\d+,/, '$1,"1,5",'));
    expectIssue(dir, {file: "vacancies.csv", line: 2, column: "vacancies", value: "1,5", expected: /komma/});
  });

  it("refuses a Dutch thousands separator \"1.308\" as a count instead of reading 1.308", () => {
    const dir = copyData();
    const digits = lines(dir, "vacancies.csv")[1]!.split(",")[2]!; // Amersfoort 2019, four digits
    editLine(dir, "vacancies.csv", 2, (l) => l.replace(/^(GM0307,2019),(\d)(\d{3}),/, "$1,$2.$3,"));
    expectIssue(dir, {file: "vacancies.csv", line: 2, column: "vacancies", value: `${digits[0]}.${digits.slice(1)}`, expected: /geheel getal.*duizendtalpunt/});
  });
});

describe("byte-order mark and line ends", () => {
  it("reads Excel's 'CSV UTF-8' (BOM, commas, CRLF) exactly like the plain file", () => {
    const dir = copyData();
    useFixture(dir, "groups-excel-utf8-comma.csv");
    const groups = loadDatasets(dir).groups;
    expect(groups.map((g) => g.id)).toEqual(["mo", "bw", "jz", "hg", "mz", "exg"]);
    expect(groups[1]!.returnShare.value).toBe(0.85);
  });

  it("strips a BOM so that the first column name stays intact in every file", () => {
    const dir = copyData();
    for (const f of ["municipalities.csv", "municipal-figures.csv", "vacancies.csv", "groups.csv", "prognosis.csv"]) {
      const text = readFileSync(join(dir, f), "utf8");
      writeFileSync(join(dir, f), "\uFEFF" + text.replaceAll("\n", "\r\n"));
    }
    expect(JSON.stringify(loadDatasets(dir))).toBe(JSON.stringify(loadDatasets("data")));
  });
});

describe("other encodings and separators", () => {
  it("refuses UTF-16 ('Unicode text' from Excel)", () => {
    const dir = copyData();
    useFixture(dir, "groups-utf16.csv");
    expectIssue(dir, {file: "groups.csv", line: 1, expected: /UTF-16/});
  });

  it("refuses Windows-1252 and names the line with the foreign character", () => {
    const dir = copyData();
    useFixture(dir, "groups-windows-1252.csv");
    expectIssue(dir, {file: "groups.csv", line: 7, expected: /UTF-8.*Windows-1252/});
  });

  it("refuses a tab-separated file", () => {
    const dir = copyData();
    writeLines(dir, "groups.csv", lines(dir, "groups.csv").map((l, i) => (i === 0 ? l.replaceAll(",", "\t") : l)));
    expectIssue(dir, {file: "groups.csv", line: 1, expected: /tabs/});
  });
});
