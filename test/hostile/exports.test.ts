// Spreadsheet-safe exports and hostile monitoring rows at the loader level.
import {describe, expect, it} from "vitest";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {safeText} from "../../src/components/safeCell.ts";
import {dutchCsv, tableToCsv} from "../../src/components/download.ts";
import {toCsv} from "../../simulations/index.ts";
import {loadMonitoring} from "../../loaders/monitoring.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {tmp} from "./helpers.ts";

const INJECTIONS = ["=1+1", '=HYPERLINK("http://evil","klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1", "\r=1"];

describe("spreadsheet-safe CSV: text cells that start a formula get a leading quote", () => {
  it.each(INJECTIONS)("%j in toCsv, the Dutch Excel CSV and the plain download CSV", (text) => {
    expect(safeText(text)).toBe(`'${text}`);
    expect(toCsv([{scenario: text, mean: -1.5}])).toContain("'" + text.slice(0, 1));
    expect(toCsv([{scenario: text, mean: -1.5}])).toMatch(/,-1\.5\n$/);
    const table = {name: "t", header: ["gemeente", "aantal"], rows: [[text, -3]] as [string, number][]};
    const dutch = dutchCsv({...table, dutch: true});
    expect(dutch.split("\r\n")[1]).toMatch(/^"?'/);
    expect(dutch.split("\r\n")[1]).toMatch(/;-3$/);
    expect(tableToCsv(table).split("\n")[1]).toMatch(/^"?'/);
  });

  it("numbers, ordinary text and the engine's own tables are untouched", () => {
    expect(safeText("agreed")).toBe("agreed");
    expect(safeText("immediate-agreed")).toBe("immediate-agreed");
    expect(toCsv([{scenario: "agreed", year: 2025, mean: -2}])).toBe("scenario,year,mean\nagreed,2025,-2\n");
    expect(dutchCsv({name: "x", header: ["a"], rows: [[-0.5]], formats: ["percent"]})).toBe("\uFEFFa\r\n-50%\r\n");
  });
});

const HEADER = "year,municipality,metric,group,value,status,source,recorded_on,reason,note";
const GOOD = "2025,GM0307,vacancies,all,1290,final,bron,2026-02-16,eerste registratie,";
const OPTIONS = {municipalities: ["GM0307", "GM0308", "GM0313", "GM0317", "GM0327", "GM0267", "GM0342", "GM0351"], groups: ["mo", "bw", "jz", "hg", "mz", "exg"], today: "2026-11-25"};

function monitoring(content: string | Buffer, name = "2025.csv") {
  const dir = tmp();
  writeFileSync(join(dir, name), content);
  try {
    return {data: loadMonitoring(dir, OPTIONS), issues: []};
  } catch (e) {
    if (e instanceof DatasetError) return {data: undefined, issues: e.issues};
    throw e;
  }
}

describe("hostile monitoring rows (loader level)", () => {
  it.each([
    ["a value above 100.000", GOOD.replace("1290", "100001"), "value", /tot en met 100\.000.*te groot/],
    ["an Int32 overflow", GOOD.replace("1290", "2147483648"), "value", /te groot/],
    ["a negative value", GOOD.replace("1290", "-1"), "value", /negatief/],
    ["a decimal value", GOOD.replace("1290", "12.5"), "value", /decimalen/],
    ["a formula as value", GOOD.replace("1290", "=1+1"), "value", /geheel getal/],
    ["an impossible date", GOOD.replace("2026-02-16", "2026-02-30"), "recorded_on", /JJJJ-MM-DD/],
    ["a Dutch date", GOOD.replace("2026-02-16", "16-02-2026"), "recorded_on", /JJJJ-MM-DD/],
    ["an unknown metric", GOOD.replace("vacancies", "lettings"), "metric", /placements, vacancies/],
    ["an unknown status", GOOD.replace("final", "definitief"), "status", /final, provisional/],
    ["a year that is not the file's", GOOD.replace("2025,", "2024,"), "year", /2025, het jaar in de bestandsnaam/]
  ])("%s is refused at line 2, column %s", (_name, line, column, want) => {
    const {issues} = monitoring(`${HEADER}\n${line}\n`);
    expect(issues).toContainEqual(expect.objectContaining({line: 2, column, expected: expect.stringMatching(want)}));
  });

  it("a value at the bound is read", () => {
    expect(monitoring(`${HEADER}\n${GOOD.replace("1290", "100000")}\n`).data?.current[0]?.value).toBe(100000);
  });

  it.each([
    ["UTF-16 without BOM", Buffer.from(`${HEADER}\n${GOOD}\n`, "utf16le"), /UTF-16/],
    ["Latin-1", Buffer.from(`${HEADER}\n${GOOD.replace("bron", "brön")}\n`, "latin1"), /andere codering dan UTF-8/]
  ])("a file in %s is named as such", (_name, bytes, want) => {
    expect(monitoring(bytes).issues[0]).toMatchObject({expected: expect.stringMatching(want)});
  });
});
