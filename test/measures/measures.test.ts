// Burden measures: the identities users rely on, and summaries that do not depend on how runs are chunked.
import {describe, expect, it} from "vitest";
import {prepareInputs, simulate} from "../../simulations/index.ts";
import {
  addBurdens,
  allWithinBand,
  bandRows,
  burden,
  burdenRows,
  burdens,
  coefficientOfVariation,
  cumulativeBalance,
  emptyBurdenSummary,
  maxMinRatio,
  measureBasis,
  mergeBurdenSummary,
  netContribution,
  pAllWithinEveryYear,
  simulateBurdens,
  spreadRows
} from "../../simulations/measures/index.ts";
import {fixtureDatasets, scenario} from "../simulations/fixtures.ts";

const s = scenario();
const inputs = prepareInputs(fixtureDatasets(), s);
const result = simulate(inputs, s, {runs: 300, seed: 7});
const basis = measureBasis(inputs.basis);
const Y = result.years.length;
const C = result.municipalities.length;
const M = C - 1;

describe("identities", () => {
  it("net contributions sum to zero over the region, in every run and year and over all years", () => {
    for (let r = 0; r < result.runs; r++) {
      const total = new Int32Array(C);
      for (let t = 0; t < Y; t++) {
        const net = netContribution(result, r, t);
        let sum = 0;
        for (let m = 0; m < M; m++) {
          sum += net[m]!;
          total[m]! += net[m]!;
        }
        expect(sum).toBe(0);
        expect(net[M]).toBe(0);
      }
      expect(total.subarray(0, M).reduce((a, b) => a + b, 0)).toBe(0);
    }
  });

  it("somebody is housed away from home in some run (the identity is not trivially 0 = 0)", () => {
    let nonzero = 0;
    for (let r = 0; r < result.runs; r++) for (let t = 0; t < Y; t++) if (netContribution(result, r, t).some((x) => x !== 0)) nonzero++;
    expect(nonzero).toBeGreaterThan(0);
  });

  it("per 1,000 inhabitants × inhabitants ÷ 1,000 = placements; per 100 homes likewise; per 100 lettings from that run's lettings", () => {
    for (const r of [0, 17, 299]) {
      for (let t = 0; t <= Y; t++) {
        const inh = burdens(result, basis, "inhabitants", r, t);
        const stock = burdens(result, basis, "socialStock", r, t);
        const lettings = burdens(result, basis, "lettings", r, t);
        for (let m = 0; m < C; m++) {
          let placed = 0;
          let vacancies = 0;
          for (let u = t === Y ? 0 : t; u <= (t === Y ? Y - 1 : t); u++) {
            placed += result.placed[(r * Y + u) * C + m]!;
            vacancies += result.vacancies[(r * Y + u) * C + m]!;
          }
          expect((inh[m]! * basis.inhabitants[m]!) / 1000).toBeCloseTo(placed, 9);
          expect((stock[m]! * basis.socialStock[m]!) / 100).toBeCloseTo(placed, 9);
          expect(lettings[m]).toBeCloseTo((100 * placed) / vacancies, 12);
        }
      }
    }
  });

  it("the cumulative balance of the last year is the sum of placed − target over the years", () => {
    for (const r of [0, 5]) {
      const balance = cumulativeBalance(result, r, Y - 1);
      for (let m = 0; m < C; m++) {
        let sum = 0;
        for (let t = 0; t < Y; t++) sum += result.placed[(r * Y + t) * C + m]! - result.target[t * C + m]!;
        expect(balance[m]).toBe(sum);
      }
    }
  });

  it("a year without lettings has burden 0 per lettings (nothing could be asked)", () => {
    expect(burden(3, 0, "lettings")).toBe(0);
    expect(burden(17, 100, "lettings")).toBe(17);
    expect(burden(160, 160_000, "inhabitants")).toBe(1);
  });
});

describe("spread across the municipalities", () => {
  it("max/min ratio, coefficient of variation (population) and the band", () => {
    expect(maxMinRatio([2, 4, 3])).toBe(2);
    expect(maxMinRatio([0, 1])).toBe(Infinity);
    expect(maxMinRatio([0, 0])).toBe(1);
    expect(coefficientOfVariation([1, 3])).toBe(0.5);
    expect(coefficientOfVariation([5, 5, 5])).toBe(0);
    expect(allWithinBand([0.07, 0.18])).toBe(true);
    expect(allWithinBand([0.0699, 0.1])).toBe(false);
    expect(allWithinBand([0.1, 0.1801])).toBe(false);
    expect(allWithinBand([0.05], [0.04, 0.06])).toBe(true);
  });
});

describe("burden summaries", () => {
  const whole = emptyBurdenSummary(result, basis);
  addBurdens(whole, result);

  it("P(all within the band) per year counts the runs in which every municipality's share is within 7-18%", () => {
    for (let t = 0; t < Y; t++) {
      let all = 0;
      for (let r = 0; r < result.runs; r++) {
        const shares = Array.from({length: M}, (_, m) => {
          const j = (r * Y + t) * C + m;
          return result.vacancies[j]! > 0 ? result.placed[j]! / result.vacancies[j]! : 0;
        });
        if (allWithinBand(shares)) all++;
      }
      expect(bandRows(whole).find((row) => row.period === String(result.years[t]) && row.municipality === "regio")!.pWithin).toBe(all / result.runs);
    }
    expect(pAllWithinEveryYear(whole)).toBeLessThanOrEqual(Math.min(...Array.from(whole.allWithin.subarray(0, Y))) / result.runs);
  });

  it("rows: every period (each year and 2025-2030), column and metric; the region's net contribution is 0", () => {
    const rows = burdenRows(whole);
    expect(rows).toHaveLength((Y + 1) * C * 5);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(["2025", "2026", "2027", "2028", "2029", "2030", "2025-2030"]));
    for (const r of rows.filter((r) => r.municipality === "regio" && r.metric === "netContribution")) expect([r.mean, r.p5, r.p95]).toEqual([0, 0, 0]);
    // The stock measure's median is the placements' median scaled: per 1,000 inhabitants of the region.
    const placed = rows.find((r) => r.period === "2027" && r.municipality === "regio" && r.metric === "inhabitants")!;
    expect(placed.p50).toBeCloseTo((227 * 1000) / basis.inhabitants[M]!, 1);
    const spread = spreadRows(whole);
    expect(spread).toHaveLength((Y + 1) * 3 * 2);
    for (const r of spread) expect(r.p5).toBeLessThanOrEqual(r.p95);
    for (const r of spread.filter((r) => r.index === "maxMin")) expect(r.p5).toBeGreaterThanOrEqual(1);
  });

  it("chunks merged give the same rows as one pass, and simulateBurdens does not depend on the chunk size", () => {
    const a = simulate(inputs, s, {runs: 120, seed: 7});
    const b = simulate(inputs, s, {runs: 180, seed: 7, firstRun: 120});
    const sa = emptyBurdenSummary(a, basis);
    addBurdens(sa, a);
    const sb = emptyBurdenSummary(b, basis);
    addBurdens(sb, b);
    mergeBurdenSummary(sa, sb);
    expect(burdenRows(sa)).toEqual(burdenRows(whole));
    expect(spreadRows(sa)).toEqual(spreadRows(whole));
    expect(bandRows(sa)).toEqual(bandRows(whole));
    const chunked = simulateBurdens({a: {inputs, scenario: s}, runs: 300, seed: 7, chunkSize: 70}).burdens;
    expect(burdenRows(chunked)).toEqual(burdenRows(whole));
    expect(pAllWithinEveryYear(chunked)).toBe(pAllWithinEveryYear(whole));
  });

  it("a narrower band is never more likely to hold", () => {
    const narrow = emptyBurdenSummary(result, basis, [0.08, 0.12]);
    addBurdens(narrow, result);
    bandRows(narrow).forEach((row, i) => expect(row.pWithin).toBeLessThanOrEqual(bandRows(whole)[i]!.pWithin));
  });
});
