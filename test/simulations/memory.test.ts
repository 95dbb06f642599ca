import {describe, expect, it} from "vitest";
import {prepareInputs, simulate} from "../../simulations/index.ts";
import {addResult, emptySummary, mergeSummary, summaryBuffers} from "../../simulations/summary/accumulator.ts";
import {float64s, giveBack, int32s, keptBytes} from "../../simulations/summary/memory.ts";
import {flowRows, probabilityRows, summaryRows} from "../../simulations/summary/rows.ts";
import {fixtureDatasets, scenario} from "./fixtures.ts";

describe("summary memory", () => {
  it("hands a buffer given back out again, zeroed", () => {
    const a = float64s(100);
    a.fill(7);
    giveBack([a.buffer]);
    const b = float64s(90);
    expect(b.buffer).toBe(a.buffer);
    expect(Array.from(b).every((v) => v === 0)).toBe(true);
    const c = int32s(100);
    expect(c.buffer).not.toBe(a.buffer);
  });

  it("keeps no buffer twice, and none it did not make", () => {
    const a = int32s(1000);
    const before = keptBytes();
    giveBack([a.buffer, a.buffer, new ArrayBuffer(3000)]);
    expect(keptBytes() - before).toBe(a.buffer.byteLength);
  });

  it("gives summaries made on reused memory the same tables as on fresh memory", () => {
    const s = scenario({prognosis: "range"});
    const inputs = prepareInputs(fixtureDatasets({supply: true}), s);
    const tables = () => {
      const parts = [0, 300].map((firstRun) => {
        const r = simulate(inputs, s, {runs: 300, seed: 5, firstRun});
        const summary = emptySummary(r);
        addResult(summary, r);
        return summary;
      });
      mergeSummary(parts[0]!, parts[1]!);
      const made = {rows: summaryRows(parts[0]!), probabilities: probabilityRows(parts[0]!), flows: flowRows(parts[0]!)};
      // As a page's worker does once the tables are made.
      giveBack(parts.flatMap(summaryBuffers));
      return made;
    };
    const fresh = tables();
    expect(keptBytes()).toBeGreaterThan(0);
    expect(tables()).toEqual(fresh);
    expect(tables()).toEqual(fresh);
  });
});
