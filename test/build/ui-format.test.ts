// The pages' numbers read the Dutch way: decimal comma, thousands point, "9,5%", a real minus sign.
import {expect, test} from "vitest";
import {formatNumber, formatPercent, formatProbability, formatSigned} from "../../src/components/format.ts";
import {formatCell} from "../../src/components/table.ts";
import {percentDigits} from "../../src/components/fan.ts";

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
