// The pages' numbers read the Dutch way: decimal comma, thousands point, "9,5%", a real minus sign.
import {expect, test} from "vitest";
import {formatList, formatNumber, formatPercent, formatProbability, formatSigned} from "../../src/components/format.ts";
import {formatCell} from "../../src/components/table.ts";
import {integerTicks, percentDigits} from "../../src/components/fan.ts";

test("counts and shares in nl-NL notation", () => {
  expect(formatNumber(2390.4)).toBe("2.390");
  expect(formatNumber(12.25, 1)).toBe("12,3");
  expect(formatPercent(0.095)).toBe("9,5%");
  expect(formatPercent(0.18, 0)).toBe("18%");
  expect(formatCell(0.095, "percent")).toBe("9,5%");
  expect(formatCell(null, "count")).toBe("–");
});

test("differences carry a sign, and a rounded zero has none", () => {
  expect(formatSigned(12)).toBe("+12");
  expect(formatSigned(-3.4)).toBe("−3");
  expect(formatSigned(0.2)).toBe("0");
});

test("probabilities never round a rare event to a false 0% or 100%", () => {
  expect(formatProbability(0)).toBe("0%");
  expect(formatProbability(0.0004)).toBe("< 1%");
  expect(formatProbability(0.2345)).toBe("23%");
  expect(formatProbability(0.9996)).toBe("> 99%");
  expect(formatProbability(1)).toBe("100%");
});

test("a narrow percentage axis gets a decimal so its ticks differ", () => {
  expect(percentDigits(0.085, 0.105)).toBe(1);
  expect(percentDigits(0, 0.2)).toBe(0);
});

test("negative numbers carry a real minus sign, and a rounded −0 reads 0", () => {
  expect(formatNumber(-3)).toBe("−3");
  expect(formatNumber(-1234.5, 1)).toBe("−1.234,5");
  expect(formatNumber(-0.2)).toBe("0");
  expect(formatPercent(-0.05)).toBe("−5,0%");
});

test("a count axis has whole-number ticks only, each once", () => {
  const ticks = integerTicks(-2.3, 1.2, 5);
  expect(ticks).toEqual([-2, -1, 0, 1]);
  expect(integerTicks(200, 240, 5)).toEqual([200, 210, 220, 230, 240]);
  for (const [lo, hi] of [[0, 3], [-1.5, 1.5], [0, 8], [0, 1150]] as const) {
    const t = integerTicks(lo, hi, 6);
    expect(t.every(Number.isInteger)).toBe(true);
    expect(new Set(t.map((d) => formatNumber(d))).size).toBe(t.length);
  }
});

test("a table's CSV for people opens in Dutch Excel: ';', decimal comma, percentages, BOM, Dutch headers, status", async () => {
  const {tableDownload} = await import("../../src/components/table.ts");
  const {tableToCsv} = await import("../../src/components/download.ts");
  const table = tableDownload({
    name: "t",
    status: "schatting",
    columns: [
      {header: "gemeente", key: "municipality", value: (d: {m: string; s: number; n: number}) => d.m},
      {header: "aandeel (mediaan)", key: "share", value: (d) => d.s, format: "percent"},
      {header: "plaatsingen", key: "placed", value: (d) => d.n, format: "decimal"}
    ],
    rows: [{m: "Baarn; Soest", s: 0.095, n: 1234.5}]
  });
  expect(tableToCsv(table)).toBe('\uFEFFgemeente;aandeel (mediaan);plaatsingen;status\r\n"Baarn; Soest";9,5%;1234,5;schatting\r\n');
  // The engine's own CSV is passed through untouched.
  expect(tableToCsv({...table, csv: "a,b\n1,2\n"})).toBe("a,b\n1,2\n");
  // Percentages to one decimal, as on screen.
  expect(tableToCsv({name: "p", header: ["aandeel"], rows: [[0.0814479638009]], formats: ["percent"], dutch: true})).toBe("\uFEFFaandeel\r\n8,1%\r\n");
});

test("names in a sentence are joined the Dutch way, for any number of municipalities", () => {
  expect(formatList([])).toBe("");
  expect(formatList(["Barneveld"])).toBe("Barneveld");
  expect(formatList(["Baarn", "Soest"])).toBe("Baarn en Soest");
  expect(formatList(["Baarn", "Eemnes", "Soest"])).toBe("Baarn, Eemnes en Soest");
});
