// The real files in data/: shape, counts and the calibration facts the engine and the pages rely on.
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {STATUSES, VARIANTS} from "../../loaders/types.ts";

const d = loadDatasets();
const AGREEMENT = ["Amersfoort", "Baarn", "Bunschoten", "Eemnes", "Leusden", "Nijkerk", "Soest", "Woudenberg"];
const agreement = d.municipalities.filter((m) => m.inAgreement);
const code = (name: string): string => d.municipalities.find((m) => m.name === name)!.code;

describe("municipalities", () => {
  it("has the eight of the agreement and Barneveld outside it", () => {
    expect(agreement.map((m) => m.name).sort()).toEqual(AGREEMENT);
    const barneveld = d.municipalities.find((m) => m.name === "Barneveld");
    expect(barneveld?.inAgreement).toBe(false);
    expect(d.municipalities).toHaveLength(9);
  });

  it("uses the CBS municipality codes", () => {
    expect(Object.fromEntries(d.municipalities.map((m) => [m.name, m.code]))).toEqual({
      Amersfoort: "GM0307", Baarn: "GM0308", Bunschoten: "GM0313", Eemnes: "GM0317", Leusden: "GM0327",
      Nijkerk: "GM0267", Soest: "GM0342", Woudenberg: "GM0351", Barneveld: "GM0203"
    });
  });

  it("carries the published inhabitants of SOURCES.md", () => {
    const amersfoort = d.municipalities.find((m) => m.code === "GM0307")!;
    expect(amersfoort.inhabitants).toMatchObject({value: 161825, year: 2024, status: "published"});
    expect(d.municipalities.find((m) => m.code === "GM0203")!.inhabitants.value).toBe(62592);
  });

  it("has figures that hang together: households < inhabitants, social stock < dwellings", () => {
    for (const m of d.municipalities) {
      expect(m.households.value).toBeLessThan(m.inhabitants.value);
      expect(m.socialStock.value).toBeLessThan(m.dwellings.value);
      expect(m.socialStock.value / m.dwellings.value).toBeGreaterThan(0.1);
    }
  });
});

describe("vacancies", () => {
  it("has every year 2019-2024 for all nine municipalities", () => {
    for (const m of d.municipalities)
      expect(d.vacancies.filter((v) => v.municipality === m.code).map((v) => v.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it("has Woudenberg's published 70 lettings in 2024", () => {
    const w = d.vacancies.find((v) => v.municipality === code("Woudenberg") && v.year === 2024)!;
    expect(w).toMatchObject({vacancies: 70, status: "published"});
    expect(w.source).toMatch(/Woudenberger/);
  });

  it("has Baarn at about 100 a year", () => {
    const baarn = d.vacancies.filter((v) => v.municipality === code("Baarn")).map((v) => v.vacancies);
    const mean = baarn.reduce((a, b) => a + b, 0) / baarn.length;
    expect(mean).toBeGreaterThan(90);
    expect(mean).toBeLessThan(110);
  });

  it("sums to about 227 / 9.5% ≈ 2,390 a year over the eight municipalities", () => {
    const years = [...new Set(d.vacancies.map((v) => v.year))];
    const perYear = years.map((y) => d.vacancies.filter((v) => v.year === y && agreement.some((m) => m.code === v.municipality)).reduce((a, v) => a + v.vacancies, 0));
    const mean = perYear.reduce((a, b) => a + b, 0) / perYear.length;
    expect(Math.abs(mean - 227 / 0.095)).toBeLessThan(0.02 * 2390);
  });

  it("is not a smooth line: every municipality's series moves both up and down", () => {
    for (const m of d.municipalities) {
      const s = d.vacancies.filter((v) => v.municipality === m.code).map((v) => v.vacancies);
      const steps = s.slice(1).map((v, i) => v - s[i]!);
      expect(steps.some((x) => x > 0) && steps.some((x) => x < 0)).toBe(true);
    }
  });

  it("implies that the agreed placements take 7-18% of each municipality's vacancies", () => {
    // The other seven's share of 119 (2027-2030) by inhabitants, against their mean vacancies.
    const others = agreement.filter((m) => m.code !== "GM0307");
    const people = others.reduce((a, m) => a + m.inhabitants.value, 0);
    for (const m of others) {
      const s = d.vacancies.filter((v) => v.municipality === m.code);
      const share = (119 * m.inhabitants.value) / people / (s.reduce((a, v) => a + v.vacancies, 0) / s.length);
      expect(share).toBeGreaterThanOrEqual(0.07);
      expect(share).toBeLessThanOrEqual(0.18);
    }
  });
});

describe("groups", () => {
  it("has the statutory-urgent groups with return shares in [0, 1], victims of violence mostly not returning", () => {
    expect(d.groups.length).toBeGreaterThanOrEqual(5);
    for (const g of d.groups) {
      expect(g.returnShare.value).toBeGreaterThanOrEqual(0);
      expect(g.returnShare.value).toBeLessThanOrEqual(1);
    }
    expect(d.groups.find((g) => g.id === "hg")!.returnShare.value).toBeLessThan(0.5);
    expect(d.groups.find((g) => g.id === "mo")!.returnShare.value).toBeGreaterThan(0.5);
  });
});

describe("prognosis", () => {
  const central = d.prognosis.filter((p) => p.variant === "central");
  const years = [2025, 2026, 2027, 2028, 2029, 2030];

  it("has every group × origin in the agreement × year 2025-2030 × variant", () => {
    expect(d.prognosis).toHaveLength(d.groups.length * 8 * years.length * VARIANTS.length);
    expect([...new Set(d.prognosis.map((p) => p.year))]).toEqual(years);
    expect(new Set(d.prognosis.map((p) => p.origin))).toEqual(new Set(agreement.map((m) => m.code)));
  });

  it("sums to exactly 227 a year in the central variant", () => {
    for (const y of years) expect(central.filter((p) => p.year === y).reduce((a, p) => a + p.placements, 0)).toBe(227);
  });

  it("gives Amersfoort 55-60% of the inflow as origin, in line with its 135 in 2025-2026", () => {
    for (const y of years) {
      const ams = central.filter((p) => p.year === y && p.origin === "GM0307").reduce((a, p) => a + p.placements, 0);
      expect(ams / 227).toBeGreaterThanOrEqual(0.55);
      expect(ams / 227).toBeLessThanOrEqual(0.6);
    }
  });

  it("keeps low ≤ central ≤ high in every cell, low about 20% under and high about 25% over", () => {
    const at = (p: {group: string; origin: string; year: number}, v: string) =>
      d.prognosis.find((q) => q.group === p.group && q.origin === p.origin && q.year === p.year && q.variant === v)!.placements;
    for (const p of central) {
      expect(at(p, "low")).toBeLessThanOrEqual(p.placements);
      expect(at(p, "high")).toBeGreaterThanOrEqual(p.placements);
    }
    for (const y of years) {
      const sum = (v: string) => d.prognosis.filter((p) => p.year === y && p.variant === v).reduce((a, p) => a + p.placements, 0);
      expect(sum("low") / 227).toBeCloseTo(0.8, 1);
      expect(sum("high") / 227).toBeCloseTo(1.25, 1);
    }
  });
});

describe("provenance", () => {
  const all = [
    ...d.municipalities.flatMap((m) => [m.inhabitants, m.households, m.dwellings, m.socialStock, m.provenance!]),
    ...d.vacancies,
    ...d.groups.map((g) => g.returnShare),
    ...d.prognosis
  ];

  it("gives every value a status, a source and a reference year; every estimate a note", () => {
    expect(all.length).toBeGreaterThan(900);
    for (const v of all) {
      expect(STATUSES).toContain(v.status);
      expect(v.source.length).toBeGreaterThan(5);
      expect(v.year).toBeGreaterThan(2000);
      if (v.status === "estimate") expect(v.note?.length ?? 0).toBeGreaterThan(5);
    }
  });

  it("marks the prognosis as estimate (the Companen report is not public)", () => {
    expect(new Set(d.prognosis.map((p) => p.status))).toEqual(new Set(["estimate"]));
  });
});

describe("immutability and determinism", () => {
  it("deep-freezes what it returns", () => {
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.municipalities)).toBe(true);
    expect(Object.isFrozen(d.municipalities[0]!.inhabitants)).toBe(true);
    expect(Object.isFrozen(d.prognosis[0])).toBe(true);
    expect(() => {
      (d.vacancies as unknown as {vacancies: number}[])[0]!.vacancies = 1;
    }).toThrow(TypeError);
  });

  it("returns the same data on every load", () => {
    expect(JSON.stringify(loadDatasets("data"))).toBe(JSON.stringify(d));
  });
});
