// The packed JSON the pages fetch for the datasets: lossless (same fields, same order, same values) for any JSON
// document, tables or not, and smaller where rows repeat their texts.
import {describe, expect, test} from "vitest";
import fc from "fast-check";
import {packJson, unpackJson} from "../../src/components/packed-json.ts";
import {loadDatasets} from "../../loaders/datasets.ts";

const roundTrip = (x: unknown): string => JSON.stringify(unpackJson(JSON.parse(JSON.stringify(packJson(x)))));

describe("packed JSON", () => {
  test("tables, nested tables, mixed columns and plain values come back exactly", () => {
    const doc = {
      rows: [
        {a: "x", b: 1, c: {value: 1, source: "s"}, d: null},
        {a: "x", b: 2.5, c: {value: 2, source: "s"}, d: "text"},
        {a: "y", b: -3, c: {value: 3, source: "t"}, d: [1, {e: "f"}]}
      ],
      single: [{a: 1}],
      ragged: [{a: 1}, {b: 2}, {a: 1, b: 2}],
      empty: [],
      text: "plain",
      odd: JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}'),
      flag: false
    };
    expect(roundTrip(doc)).toBe(JSON.stringify(doc));
    // The repeated texts are written once.
    expect(packJson(doc).strings.filter((s) => s === "x")).toHaveLength(1);
  });

  test("any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (x) => JSON.stringify(x).includes('"$table"') || roundTrip(x) === JSON.stringify(x)));
    const rows = fc.array(fc.record({id: fc.string(), n: fc.integer(), note: fc.constantFrom("a", "b", "c"), nested: fc.record({v: fc.double({noNaN: true, noDefaultInfinity: true}), s: fc.string()})}), {minLength: 2});
    fc.assert(fc.property(rows, (x) => roundTrip(x) === JSON.stringify(x)));
  });

  test("refuses the field name that marks a packed table", () => {
    expect(() => packJson({$table: 1})).toThrow(/"\$table"/);
  });

  test("the datasets come back field by field, in a quarter of the size or less", () => {
    const plain = JSON.stringify(loadDatasets("data"));
    expect(roundTrip(JSON.parse(plain))).toBe(plain);
    expect(JSON.stringify(packJson(JSON.parse(plain))).length).toBeLessThan(plain.length / 4);
  });
});
