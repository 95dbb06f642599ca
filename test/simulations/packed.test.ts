// Packed summaries: histograms in a few buffers give exactly the statistics of counting each histogram on its own,
// however the runs are split into chunks, merged, or moved to another thread.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {addStrided, addRatiosStrided, intHistogram, ratioHistogram, stats} from "../../simulations/summary/histogram.ts";
import {countColumns, countColumnsAndSums, countRatioColumns, intHistograms, intHistogramsOf, mergeInts, mergeRatios, ratioHistograms, ratioHistogramsOf} from "../../simulations/summary/packed.ts";
import {addResult, emptySummary, flowRows, mergeSummary, prepareInputs, simulate, summaryBuffers, summaryRows, probabilityRows} from "../../simulations/index.ts";
import {fixtureDatasets, scenario} from "./fixtures.ts";

const CELLS = 3;
// runs × CELLS values, run-major; later runs may lie far outside the first runs' span (the spans must grow).
const table = fc.array(fc.tuple(fc.integer({min: -40, max: 60}), fc.integer({min: -40, max: 60}), fc.integer({min: 0, max: 900})), {minLength: 2, maxLength: 120});
const cuts = fc.array(fc.nat(), {maxLength: 5});

function chunksOf(runs: number, at: number[]): [number, number][] {
  const ends = [...new Set(at.map((x) => x % runs).filter((x) => x > 0)), runs].sort((a, b) => a - b);
  return ends.map((end, i) => [i === 0 ? 0 : ends[i - 1]!, end]);
}

describe("packed histograms", () => {
  it("count chunk by chunk, with growing spans, and merge exactly as one histogram per column counts all runs", () => {
    fc.assert(
      fc.property(table, cuts, cuts, (rows, cutA, cutB) => {
        const data = Int32Array.from(rows.flat());
        const minus = Int32Array.from(rows.flat(), (_, j) => j % 5);
        const shift = Int32Array.of(3, -7, 0);
        const runs = rows.length;
        // Two sets, counted in different chunks, then merged; and one set counting everything.
        const a = intHistograms(CELLS);
        const b = intHistograms(CELLS);
        for (const [from, to] of chunksOf(runs, cutA)) countColumns(a, 0, CELLS, to - from, data.subarray(from * CELLS, to * CELLS), minus.subarray(from * CELLS, to * CELLS), shift);
        const half = Math.floor(runs / 2);
        countColumns(b, 0, CELLS, half, data.subarray(0, half * CELLS), minus.subarray(0, half * CELLS), shift);
        const rest = intHistograms(CELLS);
        for (const [from, to] of chunksOf(runs - half, cutB)) {
          const at = (half + from) * CELLS;
          countColumns(rest, 0, CELLS, to - from, data.subarray(at, (half + to) * CELLS), minus.subarray(at, (half + to) * CELLS), shift);
        }
        mergeInts(b, rest);
        for (let c = 0; c < CELLS; c++) {
          const one = intHistogram();
          const values = Int32Array.from({length: runs}, (_, r) => data[r * CELLS + c]! - minus[r * CELLS + c]! - shift[c]!);
          addStrided(one, values, 0, 1, runs);
          expect(stats(intHistogramsOf(a)[c]!)).toEqual(stats(one));
          expect(stats(intHistogramsOf(b)[c]!)).toEqual(stats(one));
        }
      }),
      {numRuns: 150}
    );
  });

  it("count ratio pairs chunk by chunk and merge exactly; pairs with differing denominators are handed back, not counted", () => {
    fc.assert(
      fc.property(table, cuts, (rows, cut) => {
        const runs = rows.length;
        const num = Int32Array.from(rows.flatMap(([p, q]) => [Math.abs(p), Math.abs(q)]));
        const den = Int32Array.from(rows.flatMap(([, , d]) => [d, d + 1]));
        // The other side's denominators: equal, except in every third run of the first column.
        const other = Int32Array.from(den, (d, j) => (j % 2 === 0 && (j / 2) % 3 === 0 ? d + 1 : d));
        const numOther = Int32Array.from(num, (p, j) => p % 7 + j % 3);
        const whole = ratioHistograms(2);
        const parts = [ratioHistograms(2), ratioHistograms(2)];
        const differWhole = countRatioColumns(whole, 0, 2, runs, num, den, numOther, other) ?? [];
        const differ: number[] = [];
        chunksOf(runs, cut).forEach(([from, to], i) => {
          const s = (x: Int32Array) => x.subarray(from * 2, to * 2);
          differ.push(...(countRatioColumns(parts[i % 2]!, 0, 2, to - from, s(num), s(den), s(numOther), s(other)) ?? []).map((j) => j + from * 2));
        });
        mergeRatios(parts[0]!, parts[1]!);
        // Merged into an empty set: a copy, which later counting of the original leaves alone.
        const copy = ratioHistograms(2);
        mergeRatios(copy, whole);
        expect(differ.sort((x, y) => x - y)).toEqual(differWhole);
        expect(differWhole).toEqual([...Array(runs * 2).keys()].filter((j) => den[j] !== other[j]));
        for (let c = 0; c < 2; c++) {
          const kept = [...Array(runs).keys()].map((r) => r * 2 + c).filter((j) => den[j] === other[j]);
          if (kept.length === 0) continue;
          const one = ratioHistogram();
          addRatiosStrided(one, Int32Array.from(kept, (j) => num[j]! - numOther[j]!), Int32Array.from(kept, (j) => den[j]!), 0, 1, kept.length);
          expect(stats(ratioHistogramsOf(whole)[c]!)).toEqual(stats(one));
          expect(stats(ratioHistogramsOf(parts[0]!)[c]!)).toEqual(stats(one));
          expect(stats(ratioHistogramsOf(copy)[c]!)).toEqual(stats(one));
        }
        const before = ratioHistogramsOf(copy).map((h) => (h.n > 0 ? stats(h) : null));
        countRatioColumns(whole, 0, 2, runs, num, den);
        expect(ratioHistogramsOf(copy).map((h) => (h.n > 0 ? stats(h) : null))).toEqual(before);
      }),
      {numRuns: 150}
    );
  });

  // A first chunk of more runs than its spans are made from (the first 512), with values far outside those runs'
  // range later on, and a run count that is no multiple of the 128-run blocks the counting goes through.
  const longChunk = fc.record({
    pattern: fc.array(fc.tuple(fc.integer({min: -30, max: 30}), fc.integer({min: 0, max: 9}), fc.integer({min: 100, max: 140})), {minLength: 1, maxLength: 40}),
    runs: fc.integer({min: 513, max: 1300}),
    outliers: fc.array(fc.tuple(fc.integer({min: 512, max: 1299}), fc.nat(2), fc.integer({min: -5000, max: 5000})), {maxLength: 6})
  });
  function longData({pattern, runs, outliers}: {pattern: [number, number, number][]; runs: number; outliers: [number, number, number][]}): Int32Array {
    const data = Int32Array.from({length: runs * CELLS}, (_, j) => pattern[Math.floor(j / CELLS) % pattern.length]![j % CELLS]!);
    for (const [r, c, v] of outliers) if (r < runs) data[r * CELLS + c] = v;
    return data;
  }
  function columnStats(data: Int32Array, runs: number, cells: number, c: number, minus?: Int32Array, shift = 0) {
    const one = intHistogram();
    addStrided(one, Int32Array.from({length: runs}, (_, r) => data[r * cells + c]! - (minus ? minus[r * cells + c]! : 0) - shift), 0, 1, runs);
    return stats(one);
  }

  // Pairs on the chunk's data: a numerator from each value, the third column as denominator.
  function pairsOf(data: Int32Array) {
    return {num: Int32Array.from(data, (v) => Math.abs(v) % 97), den: Int32Array.from(data, (_, j) => data[j - (j % CELLS) + 2]!)};
  }
  // Each column of a set of ratio histograms has the statistics of its pairs counted one by one.
  function expectRatiosOneByOne(set: ReturnType<typeof ratioHistograms>, num: Int32Array, den: Int32Array, runs: number) {
    for (let c = 0; c < CELLS; c++) {
      const one = ratioHistogram();
      addRatiosStrided(one, num, den, c, CELLS, runs);
      expect(stats(ratioHistogramsOf(set)[c]!)).toEqual(stats(one));
    }
  }

  it("count a long first chunk exactly, values far outside its first runs included", () => {
    fc.assert(
      fc.property(longChunk, (chunk) => {
        const data = longData(chunk);
        const minus = Int32Array.from(data, (_, j) => (j * 7) % 11);
        const shift = Int32Array.of(5, -3, 100);
        const plain = intHistograms(CELLS);
        const differences = intHistograms(CELLS);
        countColumns(plain, 0, CELLS, chunk.runs, data);
        countColumns(differences, 0, CELLS, chunk.runs, data, minus, shift);
        for (let c = 0; c < CELLS; c++) {
          expect(stats(intHistogramsOf(plain)[c]!)).toEqual(columnStats(data, chunk.runs, CELLS, c));
          expect(stats(intHistogramsOf(differences)[c]!)).toEqual(columnStats(data, chunk.runs, CELLS, c, minus, shift[c]!));
        }
        // Pairs on the same path.
        const {num, den} = pairsOf(data);
        const grids = ratioHistograms(CELLS);
        countRatioColumns(grids, 0, CELLS, chunk.runs, num, den);
        expectRatiosOneByOne(grids, num, den, chunk.runs);
      }),
      {numRuns: 40}
    );
  });

  it("count ratio pairs in many chunks into one set exactly, whether a chunk's new pairs fit the list's room or not", () => {
    fc.assert(
      fc.property(longChunk, fc.integer({min: 1, max: 200}), (chunk, size) => {
        const {num, den} = pairsOf(longData(chunk));
        const set = ratioHistograms(CELLS);
        for (const [from, to] of chunksOf(chunk.runs, Array.from({length: Math.ceil(chunk.runs / size)}, (_, i) => i * size))) {
          countRatioColumns(set, 0, CELLS, to - from, num.subarray(from * CELLS, to * CELLS), den.subarray(from * CELLS, to * CELLS));
        }
        expectRatiosOneByOne(set, num, den, chunk.runs);
      }),
      {numRuns: 40}
    );
  });

  it("count values and their sums over groups (flows per year and over the period) as counting each apart", () => {
    fc.assert(
      fc.property(longChunk, fc.boolean(), (chunk, short) => {
        // runs × groups × width with groups = 3, width = 1 (CELLS = 3 values per run), or few runs.
        const runs = short ? 7 : chunk.runs;
        const data = longData({...chunk, runs});
        const both = intHistograms(2 * CELLS);
        countColumnsAndSums(both, 0, 1, CELLS, runs, data);
        // A second chunk, counted into spans that exist now.
        countColumnsAndSums(both, 0, 1, CELLS, runs, data.map((v) => v * 2));
        const twice = Int32Array.from({length: 2 * runs * CELLS}, (_, j) => (j < runs * CELLS ? data[j]! : 2 * data[j - runs * CELLS]!));
        const sums = Int32Array.from({length: 2 * runs}, (_, r) => twice[3 * r]! + twice[3 * r + 1]! + twice[3 * r + 2]!);
        for (let c = 0; c < CELLS; c++) expect(stats(intHistogramsOf(both)[c]!)).toEqual(columnStats(twice, 2 * runs, CELLS, c));
        expect(stats(intHistogramsOf(both)[CELLS]!)).toEqual(columnStats(sums, 2 * runs, 1, 0));
      }),
      {numRuns: 40}
    );
  });
});

describe("summaries", () => {
  const s = scenario({id: "a", inflowDispersion: 0.2});
  const inputs = prepareInputs(fixtureDatasets(), s);
  const result = simulate(inputs, s, {runs: 400, seed: 3});
  const summary = () => {
    const out = emptySummary(result);
    addResult(out, result);
    return out;
  };

  it("move to another thread whole with summaryBuffers as transfer list (the sender's copy is emptied, not shared)", () => {
    const original = summary();
    const rows = summaryRows(original);
    const flows = flowRows(original);
    const moved = structuredClone(original, {transfer: summaryBuffers(original)});
    expect(summaryRows(moved)).toEqual(rows);
    expect(flowRows(moved)).toEqual(flows);
    expect(original.counts.placed.counts.byteLength).toBe(0);
    expect(original.share.pairs[0]!.byteLength).toBe(0);
  });

  it("without flows give the same tables, refuse the flow table, and do not merge with summaries that have flows", () => {
    const lean = emptySummary(result, {flows: false});
    addResult(lean, result);
    expect(summaryRows(lean)).toEqual(summaryRows(summary()));
    expect(probabilityRows(lean)).toEqual(probabilityRows(summary()));
    expect(() => flowRows(lean)).toThrow(/without flows/);
    expect(() => mergeSummary(summary(), lean)).toThrow(/cannot merge/);
  });

  it("merged from run ranges in any order give the tables of all runs at once", () => {
    const parts = [0, 150, 300].map((firstRun, i, all) => {
      const r = simulate(inputs, s, {runs: (all[i + 1] ?? 400) - firstRun, seed: 3, firstRun});
      const out = emptySummary(r);
      addResult(out, r);
      return out;
    });
    const [first, second, third] = parts;
    mergeSummary(third!, first!);
    mergeSummary(third!, second!);
    expect(summaryRows(third!)).toEqual(summaryRows(summary()));
    expect(flowRows(third!)).toEqual(flowRows(summary()));
  });
});
