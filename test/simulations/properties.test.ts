// Property tests of the engine over random valid scenarios (and data and calibrations): the invariants of
// DOMAIN.md §3 hold in every run, year and municipality.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {prepareInputs, rampTotal, rampPeriod, simulate, type SimulationResult} from "../../simulations/index.ts";
import {fixtureCalibration, fixtureDatasets, scenario} from "./fixtures.ts";

const count = fc.integer({min: 0, max: 400});

// A ramp: 2025-2030 cut into 1-3 consecutive periods, each split (Amersfoort + others) or region-only.
const rampArb = fc
  .tuple(fc.integer({min: 2025, max: 2030}), fc.integer({min: 2025, max: 2030}), fc.array(fc.tuple(fc.boolean(), count, count), {minLength: 3, maxLength: 3}))
  .map(([c1, c2, parts]) => {
    const cuts = [...new Set([2025, Math.min(c1, c2), Math.max(c1, c2), 2031])].sort((a, b) => a - b);
    return cuts.slice(0, -1).map((from, i) => {
      const [region, a, o] = parts[i % 3]!;
      const to = cuts[i + 1]! - 1;
      return region ? {from, to, region: a + o} : {from, to, fixed: {GM0307: a}, others: o};
    });
  });

const weight = fc.oneof(fc.constant(0), fc.double({min: 0.01, max: 5, noNaN: true}));
const keyArb = fc
  .record({inhabitants: weight, households: weight, socialStock: weight, vacancies: weight})
  .map((k) => (k.inhabitants + k.households + k.socialStock + k.vacancies > 0 ? k : {...k, socialStock: 1}));

const scenarioArb = fc.record({
  ramp: rampArb,
  key: keyArb,
  prognosis: fc.constantFrom("low", "central", "high", "range"),
  cap: fc.oneof(fc.constant(null), fc.double({min: 0.02, max: 1, noNaN: true})),
  spillOver: fc.boolean(),
  inflowDispersion: fc.oneof(fc.constant(0), fc.double({min: 0.001, max: 0.5, noNaN: true})), // the documented range: 0-0,5
  vacancyDispersion: fc.constantFrom("series", "poisson"),
  vacancyWindow: fc.integer({min: 1, max: 6}),
  stochastic: fc.boolean(),
  placement: fc.constantFrom("obligation", "ceiling"),
  vacancyTrend: fc.boolean(),
  newBuild: fc.boolean(),
  competingClaims: fc.boolean(),
  notHousedAtHome: fc.subarray(["mo", "bw", "jz", "hg"])
});

const worldArb = fc.record({
  vacancyScale: fc.double({min: 0.02, max: 2, noNaN: true}),
  returnShares: fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 4, maxLength: 4}),
  supply: fc.boolean(),
  calibration: fc.option(fc.tuple(fc.integer({min: 2025, max: 2030}), fc.integer({min: 0, max: 30})), {nil: undefined}),
  seed: fc.nat(),
  firstRun: fc.nat(1000)
});

function checkInvariants(r: SimulationResult, initialBacklog: readonly number[], cap: number | null) {
  const C = r.municipalities.length;
  const M = C - 1;
  const Y = r.years.length;
  const capacityOf = (suitable: number) => (cap === null ? suitable : Math.floor(cap * suitable + 1e-9));
  for (let t = 0; t < Y; t++) {
    // Targets sum exactly to the ramp.
    let sum = 0;
    for (let m = 0; m < M; m++) {
      expect(r.target[t * C + m]).toBeGreaterThanOrEqual(0);
      sum += r.target[t * C + m]!;
    }
    expect(sum).toBe(rampTotal(rampPeriod(r.scenario.ramp, r.years[t]!)));
    expect(r.target[t * C + M]).toBe(sum);
  }
  for (let i = 0; i < r.runs; i++) {
    const waiting = [...initialBacklog, initialBacklog.reduce((a, b) => a + b, 0)];
    for (let t = 0; t < Y; t++) {
      const base = (i * Y + t) * C;
      let placedSum = 0;
      let byOriginSum = 0;
      for (let m = 0; m < C; m++) {
        const j = base + m;
        const [v, d, p, o, b] = [r.vacancies[j]!, r.inflow[j]!, r.placed[j]!, r.placedByOrigin[j]!, r.backlog[j]!];
        // No negative counts.
        expect(Math.min(v, d, p, o, b)).toBeGreaterThanOrEqual(0);
        // Placements never exceed vacancies, nor the cap's share of them.
        expect(p).toBeLessThanOrEqual(v);
        if (cap !== null && m < M) expect(p).toBeLessThanOrEqual(cap * v + 1e-9);
        // Nobody is lost, per origin and for the region: waiting before + inflow = housed + waiting after.
        expect(waiting[m]! + d).toBe(o + b);
        waiting[m] = b;
        if (m < M) {
          placedSum += p;
          byOriginSum += o;
        }
      }
      // Everyone housed somewhere was housed from some origin; the region column is the sum.
      expect(placedSum).toBe(byOriginSum);
      expect(r.placed[base + M]).toBe(placedSum);
      // Flows: summed over hosts they are the placements by origin, over origins the placements by host; the
      // diagonal is who was housed at home; capacity (cap × suitable lettings) holds in every host.
      const f = (i * Y + t) * M * M;
      const capLeft: number[] = [];
      for (let m = 0; m < M; m++) {
        let row = 0;
        let column = 0;
        for (let k = 0; k < M; k++) {
          expect(r.flow[f + m * M + k]).toBeGreaterThanOrEqual(0);
          row += r.flow[f + m * M + k]!;
          column += r.flow[f + k * M + m]!;
        }
        expect(row).toBe(r.placedByOrigin[base + m]);
        expect(column).toBe(r.placed[base + m]);
        expect(r.placedAtHome[base + m]).toBe(r.flow[f + m * M + m]);
        expect(r.suitable[base + m]).toBeLessThanOrEqual(r.vacancies[base + m]!);
        capLeft.push(capacityOf(r.suitable[base + m]!) - r.placed[base + m]!);
        expect(capLeft[m]).toBeGreaterThanOrEqual(0);
      }
      // Obligation: nobody waits while a municipality that may house them has capacity left. Pool members may go
      // anywhere but (some) to their own municipality, so where h has capacity, nobody of another origin waits,
      // except returners waiting at home (full) when spill-over is off.
      if (r.scenario.placement === "obligation") {
        for (let h = 0; h < M; h++) {
          if (capLeft[h]! === 0) continue;
          for (let o = 0; o < M; o++) {
            if (o === h || r.backlog[base + o]! === 0) continue;
            expect(!r.scenario.spillOver && capLeft[o] === 0, `origin ${o} waits while ${h} has capacity ${capLeft[h]}`).toBe(true);
          }
        }
      }
    }
  }
}

describe("engine invariants over random scenarios", () => {
  it("nobody lost; flows add up both ways; capacity holds; obligation leaves nobody waiting where there is room; targets sum to the ramp", () => {
    fc.assert(
      fc.property(scenarioArb, worldArb, (patch, world) => {
        const s = scenario(patch);
        const ds = fixtureDatasets({vacancyScale: world.vacancyScale, returnShares: world.returnShares, supply: world.supply});
        const calibration = world.calibration ? fixtureCalibration(world.calibration[0], world.calibration[1]) : undefined;
        const inputs = prepareInputs(ds, s, calibration);
        const r = simulate(inputs, s, {runs: 3, seed: world.seed, firstRun: world.firstRun});
        checkInvariants(r, inputs.initialBacklog, s.cap);
      }),
      {numRuns: 1000}
    );
  });
});
