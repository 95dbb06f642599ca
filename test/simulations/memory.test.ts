import {describe, expect, it} from "vitest";
import {prepareInputs, simulate} from "../../simulations/index.ts";
import {addResult, emptySummary, mergeSummary, summaryBuffers} from "../../simulations/summary/accumulator.ts";
import {float64s, giveBack, int32s, keptBytes} from "../../simulations/summary/memory.ts";
import {flowRows, probabilityRows, summaryRows} from "../../simulations/summary/rows.ts";
import {jobSummaryBuffers, mergeJobSummaries, simulateSummaries} from "../../simulations/runner/chunked.ts";
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

  it("gives the same tables when summaries move between threads and their memory comes back, as in a page's workers", () => {
    const s = scenario({prognosis: "range"});
    const inputs = prepareInputs(fixtureDatasets({supply: true}), s);
    const job = (firstRun: number) => simulateSummaries({a: {inputs, scenario: s}, runs: 250, seed: 9, firstRun});
    const reference = (() => {
      const [a, b] = [job(0), job(250)];
      mergeSummary(a.a, b.a);
      return [summaryRows(a.a), probabilityRows(a.a), flowRows(a.a)];
    })();
    for (let round = 0; round < 3; round++) {
      // The peer's range arrives moved (a transfer list), the leader's own stays; merged in run order.
      const own = job(0);
      const sent = job(250);
      const peer = structuredClone(sent, {transfer: jobSummaryBuffers(sent)});
      expect(sent.a.counts.placed.counts.length, "moved, not copied").toBe(0);
      const merged = mergeJobSummaries([own, peer]);
      expect([summaryRows(merged.a), probabilityRows(merged.a), flowRows(merged.a)]).toEqual(reference);
      // Then every buffer is given back (here and, moved again, to the peer: one thread in this test).
      const back = structuredClone(jobSummaryBuffers(peer), {transfer: jobSummaryBuffers(peer)});
      giveBack([...jobSummaryBuffers(own), ...back]);
    }
  });
});
