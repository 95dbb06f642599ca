// How problems read: one line per problem with file, line, column, value and what was expected; sorted by file
// (in the order found) and line; an empty cell shown as (leeg).
import {describe, expect, it} from "vitest";
import {DatasetError, formatIssue} from "../../loaders/errors.ts";

describe("formatIssue", () => {
  it("names file, line, column, the value found and what was expected", () => {
    expect(formatIssue({file: "data/vacancies.csv", line: 5, column: "vacancies", value: "-3", expected: "een geheel getal van 0 of meer"}))
      .toBe('data/vacancies.csv, regel 5, kolom "vacancies": gevonden "-3"; verwacht: een geheel getal van 0 of meer');
  });

  it("shows an empty cell as (leeg) and leaves out what is unknown", () => {
    expect(formatIssue({file: "data/groups.csv", line: 2, column: "source", value: "", expected: "een tekst"}))
      .toBe('data/groups.csv, regel 2, kolom "source": gevonden (leeg); verwacht: een tekst');
    expect(formatIssue({file: "data/prognosis.csv", expected: "rijen voor groep hg"})).toBe("data/prognosis.csv: verwacht: rijen voor groep hg");
  });
});

describe("DatasetError", () => {
  const error = new DatasetError([
    {file: "b.csv", line: 9, expected: "x"},
    {file: "a.csv", expected: "missing"},
    {file: "b.csv", line: 2, expected: "y"},
    {file: "a.csv", line: 4, expected: "z"}
  ]);

  it("keeps files in the order found and sorts lines within a file, issues without a line last", () => {
    expect(error.issues.map((i) => `${i.file}:${i.line ?? "-"}`)).toEqual(["b.csv:2", "b.csv:9", "a.csv:4", "a.csv:-"]);
  });

  it("prints every issue in its message, with the count", () => {
    expect(error.message.split("\n")).toEqual([
      "Fout in de data (4 problemen):",
      "  b.csv, regel 2: verwacht: y",
      "  b.csv, regel 9: verwacht: x",
      "  a.csv, regel 4: verwacht: z",
      "  a.csv: verwacht: missing"
    ]);
    expect(error.name).toBe("DatasetError");
    expect(error).toBeInstanceOf(Error);
  });

  it("cannot be changed after it is thrown", () => {
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(Object.isFrozen(error.issues[0])).toBe(true);
  });
});
