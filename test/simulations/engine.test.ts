import {describe, expect, it} from "vitest";
import {quantileSorted} from "simple-statistics";
import {compare, flows, prepareInputs, probabilities, simulate, summarize} from "../../simulations/index.ts";
import {fixtureCalibration, fixtureDatasets, scenario} from "./fixtures.ts";

const datasets = fixtureDatasets();

describe("engine", () => {
  it("with zero variance reproduces the ramp exactly: inflow = ramp, all in the pool, ample capacity → placed = target", () => {
    // All inflow from one origin, nobody returns: the pool is 227 a year, exactly the ramp.
    const ds = fixtureDatasets({inflow: (origin, _y, group) => (origin === "GM0307" && group === "mo" ? 227 : 0), returnShares: [0, 0, 0, 0]});
    for (const patch of [{}, {ramp: [{from: 2025, to: 2030, region: 227}]}, {key: {inhabitants: 1, vacancies: 2}}]) {
      const s = scenario({...patch, stochastic: false});
      const r = simulate(prepareInputs(ds, s), s, {runs: 3, seed: 1});
      expect(Array.from(r.placed.subarray(0, r.target.length))).toEqual(Array.from(r.target));
      expect(r.backlog.every((b) => b === 0)).toBe(true);
      // Without randomness every run is the same.
      expect(Array.from(r.placed.subarray(r.target.length, 2 * r.target.length))).toEqual(Array.from(r.target));
      const rows = summarize(r).filter((row) => row.metric === "gap");
      expect(rows.every((row) => row.mean === 0 && row.p5 === 0 && row.p95 === 0)).toBe(true);
    }
  });

  it("targets follow the agreed ramp: Amersfoort 135 then 108, region 227", () => {
    const s = scenario();
    const r = simulate(prepareInputs(datasets, s), s, {runs: 1, seed: 1});
    const C = r.municipalities.length;
    expect(r.municipalities[0]).toBe("Amersfoort");
    expect(r.municipalities[C - 1]).toBe("regio");
    expect(r.years.map((_, t) => r.target[t * C])).toEqual([135, 135, 108, 108, 108, 108]);
    expect(r.years.map((_, t) => r.target[t * C + C - 1])).toEqual([227, 227, 227, 227, 227, 227]);
  });

  it("gives the same numbers, bit for bit, for the same seed, and others for another seed", () => {
    const s = scenario({inflowDispersion: 0.1});
    const inputs = prepareInputs(datasets, s);
    const a = simulate(inputs, s, {runs: 200, seed: 42});
    const b = simulate(inputs, s, {runs: 200, seed: 42});
    const c = simulate(inputs, s, {runs: 200, seed: 43});
    expect(b.placed).toEqual(a.placed);
    expect(b.vacancies).toEqual(a.vacancies);
    expect(summarize(b)).toEqual(summarize(a));
    expect(c.vacancies).not.toEqual(a.vacancies);
  });

  it("a run's numbers do not depend on how runs are chunked (streams are seeded per run)", () => {
    const s = scenario({cap: 0.1, spillOver: true});
    const inputs = prepareInputs(datasets, s);
    const whole = simulate(inputs, s, {runs: 10, seed: 5});
    const first = simulate(inputs, s, {runs: 4, seed: 5});
    const rest = simulate(inputs, s, {runs: 6, seed: 5, firstRun: 4});
    for (const k of ["vacancies", "inflow", "placed", "backlog", "placedByOrigin"] as const) {
      expect(Array.from(whole[k])).toEqual([...first[k], ...rest[k]]);
    }
  });

  it("common random numbers: scenarios that differ in key, ramp or cap draw the same vacancies and inflow", () => {
    const opts = {runs: 100, seed: 9};
    const base = scenario();
    const r0 = simulate(prepareInputs(datasets, base), base, opts);
    for (const patch of [{key: {inhabitants: 1}}, {ramp: [{from: 2025, to: 2030, region: 227}]}, {cap: 0.12, spillOver: true}]) {
      const s = scenario(patch);
      const r = simulate(prepareInputs(datasets, s), s, opts);
      expect(r.vacancies).toEqual(r0.vacancies);
      expect(r.inflow).toEqual(r0.inflow);
    }
  });

  it("common random numbers couple prognosis variants monotonely: high ≥ central ≥ low in every run", () => {
    const opts = {runs: 100, seed: 3};
    const [low, central, high] = (["low", "central", "high"] as const).map((prognosis) => {
      const s = scenario({prognosis});
      return simulate(prepareInputs(datasets, s), s, opts).inflow;
    });
    expect(low!.every((x, i) => x <= central![i]! && central![i]! <= high![i]!)).toBe(true);
    expect(high).not.toEqual(low);
  });

  it("paired differences are computed run by run and labelled B-A", () => {
    const opts = {runs: 300, seed: 2};
    const a = scenario({id: "a"});
    const b = scenario({id: "b", key: {vacancies: 1}});
    const ra = simulate(prepareInputs(datasets, a), a, opts);
    const rb = simulate(prepareInputs(datasets, b), b, opts);
    const rows = compare(ra, rb);
    expect(rows[0]!.scenario).toBe("b-a");
    // Same draws: vacancy and inflow differences are exactly 0 in every run.
    for (const row of rows.filter((r) => r.metric === "vacancies" || r.metric === "inflow")) {
      expect([row.mean, row.p5, row.p95]).toEqual([0, 0, 0]);
    }
    const diff = rows.find((r) => r.year === 2030 && r.municipality === "Soest" && r.metric === "target")!;
    const ta = summarize(ra).find((r) => r.year === 2030 && r.municipality === "Soest" && r.metric === "target")!;
    const tb = summarize(rb).find((r) => r.year === 2030 && r.municipality === "Soest" && r.metric === "target")!;
    expect(diff.mean).toBe(tb.mean - ta.mean);
    expect(() => compare(ra, simulate(prepareInputs(datasets, b), b, {runs: 300, seed: 3}))).toThrow(/same seed/);
  });

  it("paired share differences equal the per-run differences of shares, with or without the same vacancies", () => {
    const opts = {runs: 400, seed: 8};
    const a = scenario({id: "a"});
    for (const b of [scenario({id: "b", cap: 0.08}), scenario({id: "c", cap: 0.08, vacancyWindow: 2})]) {
      const ra = simulate(prepareInputs(datasets, a), a, opts);
      const rb = simulate(prepareInputs(datasets, b), b, opts);
      const C = ra.municipalities.length;
      const Y = ra.years.length;
      const cell = 5 * C + 0; // 2030, Amersfoort
      const share = (r: typeof ra, j: number) => (r.vacancies[j]! > 0 ? r.placed[j]! / r.vacancies[j]! : 0);
      const diffs = Array.from({length: opts.runs}, (_, i) => share(rb, i * Y * C + cell) - share(ra, i * Y * C + cell)).sort((x, y) => x - y);
      const row = compare(ra, rb).find((r) => r.year === 2030 && r.municipality === "Amersfoort" && r.metric === "share")!;
      expect(row.p50).toBeCloseTo(quantileSorted(diffs, 0.5), 12);
      expect(row.p5).toBeCloseTo(quantileSorted(diffs, 0.05), 12);
      expect(row.mean).toBeCloseTo(diffs.reduce((x, y) => x + y, 0) / diffs.length, 12);
      expect(row.p5).toBeLessThan(0);
    }
  });

  it("probabilities: a capped scenario never exceeds its cap; P(miss target) is between 0 and 1", () => {
    const s = scenario({cap: 0.1});
    const rows = probabilities(simulate(prepareInputs(datasets, s), s, {runs: 300, seed: 1}));
    expect(rows.every((r) => r.capShare === 0.1 && r.pExceedCap === 0)).toBe(true);
    expect(rows.some((r) => r.pMissTarget > 0)).toBe(true);
    const free = scenario();
    const open = probabilities(simulate(prepareInputs(datasets, free), free, {runs: 300, seed: 1}));
    expect(open.every((r) => r.capShare === 0.18)).toBe(true);
  });

  it("probabilities are the fractions of runs over the cap share and under the target, counted from the runs", () => {
    const s = scenario();
    const r = simulate(prepareInputs(datasets, s), s, {runs: 500, seed: 4});
    const rows = probabilities(r);
    const C = r.municipalities.length;
    const Y = r.years.length;
    for (const [t, m] of [[0, 1], [5, 3], [5, C - 1]] as const) {
      const cell = t * C + m;
      let over = 0;
      let under = 0;
      for (let i = 0; i < r.runs; i++) {
        const j = i * Y * C + cell;
        if (r.placed[j]! / r.vacancies[j]! > 0.18) over++;
        if (r.placed[j]! < r.target[cell]!) under++;
      }
      const row = rows.find((x) => x.year === r.years[t] && x.municipality === r.municipalities[m])!;
      expect(row.pExceedCap).toBe(over / r.runs);
      expect(row.pMissTarget).toBe(under / r.runs);
    }
  });

  it("a tighter cap houses fewer people and leaves more waiting", () => {
    const opts = {runs: 300, seed: 1};
    const mean = (s: ReturnType<typeof scenario>, metric: string) =>
      summarize(simulate(prepareInputs(datasets, s), s, opts)).find((r) => r.year === 2030 && r.municipality === "regio" && r.metric === metric)!.mean;
    expect(mean(scenario({cap: 0.05}), "placed")).toBeLessThan(mean(scenario(), "placed"));
    expect(mean(scenario({cap: 0.05}), "backlog")).toBeGreaterThan(mean(scenario(), "backlog"));
  });

  it("with a calibration: simulates from its start year, from its backlog, with Gamma-Poisson draws", () => {
    const s = scenario();
    const inputs = prepareInputs(datasets, s, fixtureCalibration(2027, 10));
    expect(inputs.years).toEqual([2027, 2028, 2029, 2030]);
    const r = simulate(inputs, s, {runs: 2000, seed: 1});
    const rows = summarize(r);
    const v = rows.find((row) => row.year === 2027 && row.municipality === "Amersfoort" && row.metric === "vacancies")!;
    // Gamma(400, 400/1300) rate then Poisson: mean 1300, variance 1300 + 1300²/400 = 5525 (sd 74)
    expect(Math.abs(v.mean - 1300)).toBeLessThan(5 * (74 / Math.sqrt(2000)));
    expect(v.p95 - v.p5).toBeGreaterThan(2 * 1.645 * 60);
    // Nobody lost: start backlog 10 per origin + inflow = placed by origin + backlog.
    const C = r.municipalities.length;
    for (let m = 0; m < C - 1; m++) {
      let inflow = 0, placed = 0;
      for (let t = 0; t < 4; t++) {
        inflow += r.inflow[t * C + m]!;
        placed += r.placedByOrigin[t * C + m]!;
      }
      expect(10 + inflow).toBe(placed + r.backlog[3 * C + m]!);
    }
  });

  it("refuses inputs prepared for another scenario's data choices, and bad options", () => {
    const low = scenario({prognosis: "low"});
    const inputs = prepareInputs(datasets, scenario());
    expect(() => simulate(inputs, low, {runs: 1, seed: 1})).toThrow(/prepared with prognosis = central/);
    expect(() => simulate(inputs, scenario(), {runs: 0, seed: 1})).toThrow(/runs/);
    expect(() => simulate(inputs, scenario(), {runs: 1, seed: -3})).toThrow(/seed/);
    // A ramp that stops early is refused when the scenario is read, not half-way through a run.
    expect(() => scenario({ramp: [{from: 2025, to: 2027, region: 227}]})).toThrow(/geen periode dekt 2028, 2029, 2030/);
  });
});

describe("engine: placement, supply, flows and the prognosis range (issue 8)", () => {
  it("common random numbers: the placement rule and spill-over never change a vacancy or inflow draw", () => {
    const opts = {runs: 100, seed: 9};
    const base = scenario({prognosis: "range"});
    const r0 = simulate(prepareInputs(datasets, base), base, opts);
    for (const patch of [{placement: "ceiling"}, {spillOver: true}, {placement: "ceiling", spillOver: true, cap: 0.1}]) {
      const s = scenario({prognosis: "range", ...patch});
      const r = simulate(prepareInputs(datasets, s), s, opts);
      expect(r.vacancies).toEqual(r0.vacancies);
      expect(r.inflow).toEqual(r0.inflow);
    }
  });

  it("the prognosis range draws one level per run: low ≤ range ≤ high is not forced, but its spread is wider than the central variant's", () => {
    const opts = {runs: 2000, seed: 4};
    const spread = (prognosis: string) => {
      const s = scenario({prognosis});
      const row = summarize(simulate(prepareInputs(datasets, s), s, opts)).find((r) => r.year === 2030 && r.municipality === "regio" && r.metric === "inflow")!;
      return row;
    };
    const central = spread("central");
    const range = spread("range");
    const low = spread("low");
    const high = spread("high");
    expect(range.p95 - range.p5).toBeGreaterThan(1.5 * (central.p95 - central.p5));
    // Low and high sit near the range's P10 and P90: inside its P5-P95 band, around its median.
    expect(range.p5).toBeLessThan(low.mean);
    expect(range.p95).toBeGreaterThan(high.mean);
    expect(Math.abs(range.p50 - central.mean)).toBeLessThan(0.05 * central.mean);
  });

  it("obligation houses who the ceiling keeps waiting; switching the obligation step off brings the backlog back", () => {
    const opts = {runs: 300, seed: 2};
    const total = (s: ReturnType<typeof scenario>) => {
      const r = simulate(prepareInputs(datasets, s), s, opts);
      return r.backlog.reduce((a, b) => a + b, 0);
    };
    expect(total(scenario({prognosis: "range"}))).toBe(0); // no cap: capacity never binds on these data
    expect(total(scenario({prognosis: "range", placement: "ceiling"}))).toBeGreaterThan(0);
  });

  it("new build adds lettings and competing claims take suitable ones off: both move the shares", () => {
    const ds = fixtureDatasets({supply: true});
    const opts = {runs: 200, seed: 3};
    const share = (patch: Record<string, unknown>, metric: "share" | "shareSuitable") => {
      const s = scenario(patch);
      return summarize(simulate(prepareInputs(ds, s), s, opts)).find((r) => r.year === 2030 && r.municipality === "regio" && r.metric === metric)!.mean;
    };
    expect(share({newBuild: false}, "share")).toBeGreaterThan(share({}, "share"));
    expect(share({competingClaims: false}, "shareSuitable")).toBeLessThan(share({}, "shareSuitable"));
    // shareSuitable is of the suitable lettings, which are fewer than all lettings.
    expect(share({}, "shareSuitable")).toBeGreaterThan(share({}, "share"));
  });

  it("flows: victims of domestic violence who cannot return are never housed at home", () => {
    // Only group hg flows in, nobody returns: every placement is off the diagonal.
    const ds = fixtureDatasets({inflow: (_o, _y, g) => (g === "hg" ? 5 : 0), returnShares: [0.8, 0.8, 0.8, 0]});
    const s = scenario();
    const r = simulate(prepareInputs(ds, s), s, {runs: 50, seed: 1});
    expect(r.placedAtHome.every((x) => x === 0)).toBe(true);
    expect(r.placed.some((x) => x > 0)).toBe(true);
    // Without the rule they may be housed at home.
    const free = scenario({notHousedAtHome: []});
    expect(simulate(prepareInputs(ds, free), free, {runs: 50, seed: 1}).placedAtHome.some((x) => x > 0)).toBe(true);
  });

  it("placedForOthers, ownHousedElsewhere, netContribution and balance follow from placed, placed by origin and the target", () => {
    const s = scenario({prognosis: "range"});
    const r = simulate(prepareInputs(datasets, s), s, {runs: 1, seed: 5});
    const rows = summarize(r);
    const C = r.municipalities.length;
    const at = (metric: string, t: number, m: number) => rows.find((x) => x.year === r.years[t] && x.municipality === r.municipalities[m] && x.metric === metric)!.mean;
    let balance = 0;
    for (let t = 0; t < r.years.length; t++) {
      const j = t * C + 1; // Baarn, run 0
      expect(at("placedForOthers", t, 1)).toBe(r.placed[j]! - r.placedAtHome[j]!);
      expect(at("ownHousedElsewhere", t, 1)).toBe(r.placedByOrigin[j]! - r.placedAtHome[j]!);
      expect(at("netContribution", t, 1)).toBe(r.placed[j]! - r.placedByOrigin[j]!);
      balance += r.placed[j]! - r.target[t * C + 1]!;
      expect(at("balance", t, 1)).toBe(balance);
      expect(at("netContribution", t, C - 1)).toBe(0);
    }
  });

  it("flowRows: the mean flow matrix adds up to the mean placements, per year and over the period", () => {
    const s = scenario({prognosis: "range"});
    const r = simulate(prepareInputs(datasets, s), s, {runs: 400, seed: 6});
    const rows = flows(r);
    const summary = summarize(r);
    expect(rows).toHaveLength(7 * 8 * 8);
    for (const name of ["Amersfoort", "Eemnes"]) {
      const placed = summary.filter((x) => x.municipality === name && x.metric === "placed");
      const intoHost = rows.filter((x) => x.host === name && x.period === "2027").reduce((a, x) => a + x.mean, 0);
      expect(intoHost).toBeCloseTo(placed.find((x) => x.year === 2027)!.mean, 9);
      const period = rows.filter((x) => x.origin === name && x.period === "2025-2030").reduce((a, x) => a + x.mean, 0);
      const byOrigin = summary.filter((x) => x.municipality === name && x.metric === "placedByOrigin").reduce((a, x) => a + x.mean, 0);
      expect(period).toBeCloseTo(byOrigin, 9);
    }
  });

  it("on the real data, the agreed scenario leaves nobody waiting (no cap: capacity never binds) and the ceiling reading does", async () => {
    const {loadDatasets} = await import("../../loaders/datasets.ts");
    const {defaultLookup, parseScenario, scenarioFiles} = await import("../../simulations/index.ts");
    const real = loadDatasets("data");
    const backlog = (id: string) => {
      const s = parseScenario(scenarioFiles[id], `${id}.json`, defaultLookup);
      return simulate(prepareInputs(real, s), s, {runs: 300, seed: 1}).backlog.reduce((a, b) => a + b, 0);
    };
    expect(backlog("agreed")).toBe(0);
    expect(backlog("ceiling")).toBeGreaterThan(0);
  });
});
