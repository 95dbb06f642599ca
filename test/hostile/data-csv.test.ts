// Hostile data CSVs at the loader level: one file of data/ with one cell (or the bytes) changed, read by its own
// reader. Each case is refused with file, line, column and what was expected, or read right.
import {describe, expect, it} from "vitest";
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from "node:fs";
import {execFileSync} from "node:child_process";
import {join} from "node:path";
import type {Issue} from "../../loaders/errors.ts";
import {formatIssues} from "../../loaders/errors.ts";
import {readVacancies} from "../../loaders/vacancies.ts";
import {readPrognosis} from "../../loaders/prognosis.ts";
import {readFigures} from "../../loaders/municipal-figures.ts";
import {readGroups} from "../../loaders/groups.ts";
import {readMunicipalities} from "../../loaders/municipalities.ts";
import {tmp, withCell} from "./helpers.ts";

const READERS = {
  "vacancies.csv": readVacancies,
  "prognosis.csv": readPrognosis,
  "municipal-figures.csv": readFigures,
  "groups.csv": readGroups,
  "municipalities.csv": readMunicipalities
} as const;
type File = keyof typeof READERS;

function read(file: File, content: string | Buffer): {issues: Issue[]; rows: {line: number; row: Record<string, unknown>}[]} {
  const path = join(tmp(), file);
  writeFileSync(path, content);
  const issues: Issue[] = [];
  const rows = (READERS[file] as (p: string, f: string, i: Issue[]) => {line: number; row: Record<string, unknown>}[])(path, file, issues);
  return {issues, rows};
}

interface Refused {
  readonly line?: number;
  readonly column?: string;
  readonly expected: RegExp;
}

// [case, file, line, column, raw value, refused (line 2 unless named) or the value read]
const CELLS: readonly [string, File, number, string, string, Refused | number | string | boolean][] = [
  ["Int32 overflow in vacancies", "vacancies.csv", 2, "vacancies", "2147483648", {column: "vacancies", expected: /tot en met 10\.000.*te groot/}],
  ["2^53 − 1 vacancies (crashed V8)", "vacancies.csv", 2, "vacancies", "9007199254740991", {column: "vacancies", expected: /te groot/}],
  ["vacancies one above the bound", "vacancies.csv", 2, "vacancies", "10001", {column: "vacancies", expected: /te groot/}],
  ["vacancies at the bound", "vacancies.csv", 2, "vacancies", "10000", 10000],
  ["vacancies 0", "vacancies.csv", 2, "vacancies", "0", 0],
  ["negative vacancies", "vacancies.csv", 2, "vacancies", "-5", {column: "vacancies", expected: /negatief/}],
  ["vacancies with decimals", "vacancies.csv", 2, "vacancies", "12.5", {column: "vacancies", expected: /decimalen/}],
  ["vacancies with a decimal comma (quoted)", "vacancies.csv", 2, "vacancies", '"1,5"', {column: "vacancies", expected: /komma/}],
  ["vacancies in exponent notation", "vacancies.csv", 2, "vacancies", "1e3", {column: "vacancies", expected: /geheel getal/}],
  ["vacancies Infinity", "vacancies.csv", 2, "vacancies", "Infinity", {column: "vacancies", expected: /geheel getal/}],
  ["vacancies NaN", "vacancies.csv", 2, "vacancies", "NaN", {column: "vacancies", expected: /geheel getal/}],
  ["vacancies hexadecimal", "vacancies.csv", 2, "vacancies", "0x10", {column: "vacancies", expected: /geheel getal/}],
  ["vacancies empty", "vacancies.csv", 2, "vacancies", "", {column: "vacancies", expected: /leeg/}],
  ["vacancies as a formula", "vacancies.csv", 2, "vacancies", "=1+1", {column: "vacancies", expected: /geheel getal/}],
  ["vacancies with a thousands point", "vacancies.csv", 2, "vacancies", "1.308", {column: "vacancies", expected: /duizendtalpunt/}],
  ["vacancies with leading spaces are trimmed", "vacancies.csv", 2, "vacancies", "  1308 ", 1308],
  ["vacancies a million digits long", "vacancies.csv", 2, "vacancies", "9".repeat(400), {column: "vacancies", expected: /te groot/}],
  ["year 1899", "vacancies.csv", 2, "year", "1899", {column: "year", expected: /jaartal/}],
  ["year 2101", "vacancies.csv", 2, "year", "2101", {column: "year", expected: /jaartal/}],
  ["year 20199", "vacancies.csv", 2, "year", "20199", {column: "year", expected: /jaartal/}],
  ["year with a decimal", "vacancies.csv", 2, "year", "2019.0", {column: "year", expected: /jaartal/}],
  ["municipality code lower case", "vacancies.csv", 2, "municipality", "gm0307", {column: "municipality", expected: /GM en vier cijfers/}],
  ["municipality code too long", "vacancies.csv", 2, "municipality", "GM03070", {column: "municipality", expected: /GM en vier cijfers/}],
  ["status unknown", "vacancies.csv", 2, "status", "guessed", {column: "status", expected: /published, derived, estimate/}],
  ["estimate without a note", "vacancies.csv", 2, "note", "", {column: "note", expected: /toelichting/}],
  ["source empty", "vacancies.csv", 2, "source", "", {column: "source", expected: /leeg/}],
  ["a formula in a text column is read as text", "vacancies.csv", 2, "note", "=HYPERLINK(x)", "=HYPERLINK(x)"],
  ["prognosis above the bound", "prognosis.csv", 2, "placements", "501", {column: "placements", expected: /tot en met 500,.*te groot/}],
  ["prognosis at the bound", "prognosis.csv", 2, "placements", "500", 500],
  ["prognosis Int32 overflow", "prognosis.csv", 2, "placements", "4294967296", {column: "placements", expected: /te groot/}],
  ["prognosis negative", "prognosis.csv", 2, "placements", "-1", {column: "placements", expected: /negatief/}],
  ["prognosis variant unknown", "prognosis.csv", 2, "variant", "middle", {column: "variant", expected: /low, central, high/}],
  ["prognosis group with capitals", "prognosis.csv", 2, "group", "MO", {column: "group", expected: /kleine letters/}],
  ["inhabitants above the bound", "municipal-figures.csv", 2, "value", "2000001", {column: "value", expected: /inhabitants.*2\.000\.000/}],
  ["inhabitants at the bound", "municipal-figures.csv", 2, "value", "2000000", 2000000],
  ["households above the bound", "municipal-figures.csv", 3, "value", "1000001", {line: 3, column: "value", expected: /households.*1\.000\.000/}],
  ["dwellings above the bound", "municipal-figures.csv", 4, "value", "1000001", {line: 4, column: "value", expected: /dwellings/}],
  ["social stock above the bound", "municipal-figures.csv", 5, "value", "500001", {line: 5, column: "value", expected: /social_stock.*500\.000/}],
  ["social stock at the bound", "municipal-figures.csv", 5, "value", "500000", 500000],
  ["figure beyond every count (10 million)", "municipal-figures.csv", 2, "value", "10000001", {column: "value", expected: /te groot/}],
  ["indicator unknown", "municipal-figures.csv", 2, "indicator", "people", {column: "indicator", expected: /inhabitants, households/}],
  ["return share above 1", "groups.csv", 2, "return_share", "1.2", {column: "return_share", expected: /buiten 0 tot en met 1/}],
  ["return share negative", "groups.csv", 2, "return_share", "-0.1", {column: "return_share", expected: /buiten 0 tot en met 1/}],
  ["return share as a percentage", "groups.csv", 2, "return_share", "80%", {column: "return_share", expected: /geen percentage/}],
  ["return share with a decimal comma", "groups.csv", 2, "return_share", '"0,8"', {column: "return_share", expected: /decimale komma/}],
  ["return share 1e-1", "groups.csv", 2, "return_share", "1e-1", {column: "return_share", expected: /aandeel/}],
  ["return share 0", "groups.csv", 2, "return_share", "0", 0],
  ["return share 1", "groups.csv", 2, "return_share", "1", 1],
  ["return share .5", "groups.csv", 2, "return_share", ".5", 0.5],
  ["group id with a space", "groups.csv", 2, "id", "m o", {column: "id", expected: /kleine letters/}],
  ["in_agreement yes", "municipalities.csv", 2, "in_agreement", "yes", {column: "in_agreement", expected: /true of false/}],
  ["in_agreement TRUE (Excel) is read", "municipalities.csv", 2, "in_agreement", "TRUE", true]
];

describe("hostile data CSVs: one cell", () => {
  it.each(CELLS)("%s", (_name, file, line, column, value, want) => {
    const {issues, rows} = read(file, withCell(file, line, column, value));
    if (typeof want === "object") {
      expect(rows.find((r) => r.line === line)).toBeUndefined();
      expect(issues).toContainEqual(expect.objectContaining({file, line: want.line ?? line, column: want.column, expected: expect.stringMatching(want.expected)}));
    } else {
      expect(issues).toEqual([]);
      expect(rows.find((r) => r.line === line)!.row[column]).toBe(want);
    }
  });
});

const GROUPS = readFileSync("data/groups.csv", "utf8");
const utf16be = (s: string): Buffer => Buffer.from(Buffer.from(s, "utf16le").map((_, i, b) => b[i ^ 1]!));

// [case, bytes, refused at (line) with]
const BYTES: readonly [string, Buffer, number, RegExp][] = [
  ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GROUPS, "utf16le")]), 1, /UTF-16.*met byte order mark/],
  ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(GROUPS)]), 1, /UTF-16.*met byte order mark/],
  ["UTF-16 LE without BOM (was read as a quote error)", Buffer.from(GROUPS, "utf16le"), 1, /UTF-16.*zonder byte order mark, little-endian/],
  ["UTF-16 BE without BOM", utf16be(GROUPS), 1, /UTF-16.*zonder byte order mark, big-endian/],
  ["Latin-1 ë on line 4", Buffer.from(GROUPS.split("\n").map((l, i) => (i === 3 ? l.replace("Uitstroom", "Uitstroöm") : l)).join("\n"), "latin1"), 4, /andere codering dan UTF-8/],
  ["a NUL byte on line 3", Buffer.from(GROUPS.replace("bw,", "b\u0000w,")), 3, /binair bestand/],
  ["a binary file (PNG header)", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 3, /binair/],
  ["an empty file", Buffer.alloc(0), 1, /leeg/],
  ["only a header", Buffer.from("id,name,return_share,year,status,source,note\n"), 2, /alleen een kopregel/],
  ["semicolons (Dutch Excel)", Buffer.from(GROUPS.replaceAll(",", ";")), 1, /';' als scheidingsteken/],
  ["tabs", Buffer.from(GROUPS.replaceAll(",", "\t")), 1, /tabs/],
  ["an unclosed quote", Buffer.from(GROUPS.replace("mo,Uitstroom", 'mo,"Uitstroom')), 2, /aanhalingstekens/]
];

describe("hostile data CSVs: encodings and structure", () => {
  it.each(BYTES)("%s", (_name, bytes, line, expected) => {
    const {issues, rows} = read("groups.csv", bytes);
    expect(rows).toEqual([]);
    expect(issues[0]).toMatchObject({file: "groups.csv", line, expected: expect.stringMatching(expected)});
  });

  it("a UTF-8 BOM and CRLF line ends are read like the plain file", () => {
    const plain = read("groups.csv", GROUPS).rows;
    expect(read("groups.csv", "\uFEFF" + GROUPS.replaceAll("\n", "\r\n")).rows).toEqual(plain);
  });

  it("a big bad file prints 50 problems and 'en N meer', not megabytes", () => {
    const body = "mo,x,1.5,2024,published,s,\n".repeat(20_000);
    const {issues} = read("groups.csv", "id,name,return_share,year,status,source,note\n" + body);
    expect(issues.length).toBeGreaterThanOrEqual(20_000);
    const message = formatIssues(issues);
    expect(message.split("\n")).toHaveLength(1 + 50 + 1);
    expect(message).toMatch(/\n {2}en 19\.\d{3} meer$/);
    expect(message.length).toBeLessThan(20_000);
  });

  it.each([
    ["a 50 MB file (printed 48,6 MB of problems)", (path: string) => writeFileSync(path, "x".repeat(50_000_000)), /hoogstens 10 MB \(dit bestand is 50 MB/],
    ["a folder named groups.csv", (path: string) => mkdirSync(path), /een gewoon CSV-bestand .*map, apparaat of pipe/],
    ["a named pipe (reading it would hang)", (path: string) => execFileSync("mkfifo", [path]), /map, apparaat of pipe/],
    ["a symlink to /dev/zero (reading it would never end)", (path: string) => symlinkSync("/dev/zero", path), /map, apparaat of pipe/]
  ])("%s is refused at once", (_name, make, want) => {
    const path = join(tmp(), "groups.csv");
    make(path);
    const issues: Issue[] = [];
    expect(readGroups(path, "groups.csv", issues)).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({file: "groups.csv", expected: expect.stringMatching(want)})]);
  });

  it("a cell of a megabyte is shown by its start only", () => {
    const {issues} = read("groups.csv", withCell("groups.csv", 2, "return_share", "x".repeat(1_000_000)));
    expect(formatIssues(issues).length).toBeLessThan(1000);
  });
});
