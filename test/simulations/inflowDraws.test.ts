// Inflow by origin, split into returners and the regional pool: the Poisson-thinning path (two draws per origin
// and year) must have the same distribution as the per-group path (a count per group, then a binomial split).
import {describe, expect, it} from "vitest";
import {mean, sampleCorrelation, sampleVariance} from "simple-statistics";
import {prepareInputs} from "../../simulations/index.ts";
import {InflowDraws, LEVELS, groupShares, levelFactor} from "../../simulations/model/inflowDraws.ts";
import {fixtureDatasets, scenario} from "./fixtures.ts";

function sample(s: ReturnType<typeof scenario>, runs: number) {
  const inputs = prepareInputs(fixtureDatasets(), s);
  const draws = new InflowDraws(inputs, s, 7);
  const home: number[] = [];
  const away: number[] = [];
  const r = new Int32Array(8);
  const n = new Int32Array(8);
  const x = new Int32Array(8);
  for (let run = 0; run < runs; run++) {
    draws.startRun(run);
    draws.draw(0, r, n, x);
    home.push(r[0]!); // Amersfoort
    away.push(n[0]! + x[0]!);
  }
  return {home, away, inputs};
}

describe("inflow draws", () => {
  it("Poisson thinning matches a per-group count and binomial split (means, variances, independence)", () => {
    const thinned = sample(scenario({inflowDispersion: 0}), 20_000);
    // A negligible overdispersion takes the per-group path with (nearly) Poisson counts.
    const perGroup = sample(scenario({inflowDispersion: 1e-9}), 20_000);
    const {inputs} = thinned;
    const expectedHome = inputs.groups.reduce((s, g, i) => s + inputs.inflow[0]![i]![0]! * g.returnShare, 0);
    const expectedAway = inputs.groups.reduce((s, g, i) => s + inputs.inflow[0]![i]![0]! * (1 - g.returnShare), 0);
    for (const x of [thinned, perGroup]) {
      expect(Math.abs(mean(x.home) - expectedHome)).toBeLessThan(5 * Math.sqrt(expectedHome / 20_000));
      expect(Math.abs(mean(x.away) - expectedAway)).toBeLessThan(5 * Math.sqrt(expectedAway / 20_000));
      expect(sampleVariance(x.home) / expectedHome).toBeCloseTo(1, 1);
      expect(sampleVariance(x.away) / expectedAway).toBeCloseTo(1, 1);
      // Thinning makes returners and non-returners independent.
      expect(Math.abs(sampleCorrelation(x.home, x.away))).toBeLessThan(0.03);
    }
  });

  it("with overdispersion, counts vary more than Poisson", () => {
    const {home, away, inputs} = sample(scenario({inflowDispersion: 0.2}), 20_000);
    const total = home.map((h, i) => h + away[i]!);
    const m = inputs.inflow[0]!.reduce((s, byOrigin) => s + byOrigin[0]!, 0);
    expect(sampleVariance(total)).toBeGreaterThan(1.5 * m);
  });

  it("splits each origin's inflow over the groups by the prognosis (equal shares without inflow)", () => {
    const inputs = prepareInputs(fixtureDatasets({inflow: (origin, _y, g) => (origin === "GM0308" ? 0 : g === "mo" ? 3 : 1)}), scenario());
    const shares = groupShares(inputs);
    expect(shares[0]!.map((byOrigin) => byOrigin[0])).toEqual([0.5, 1 / 6, 1 / 6, 1 / 6]);
    expect(shares[0]!.map((byOrigin) => byOrigin[1])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("without randomness gives the rounded expected counts", () => {
    const s = scenario({stochastic: false});
    const inputs = prepareInputs(fixtureDatasets({inflow: () => 10, returnShares: [0.8, 0.8, 0.5, 0.15]}), s);
    const draws = new InflowDraws(inputs, s, 1);
    const r = new Int32Array(8);
    const n = new Int32Array(8);
    const x = new Int32Array(8);
    draws.startRun(0);
    draws.draw(0, r, n, x);
    expect(r[0]).toBe(8 + 8 + 5 + 2); // round(10 × share) per group
    expect(n[0]).toBe(2 + 2 + 5); // mo, bw, jz who cannot return: housable anywhere
    expect(x[0]).toBe(10 - 2); // hg (victims of domestic violence) who cannot return: not at home
  });
});

describe("prognosis range", () => {
  it("levels: 40 equally likely factors with low at P10, central at P50 and high at P90", () => {
    const range = {low: [0.8], high: [1.25]};
    const factors = Array.from({length: LEVELS}, (_, k) => levelFactor(range, 0, k));
    for (let k = 1; k < LEVELS; k++) expect(factors[k]).toBeGreaterThan(factors[k - 1]!);
    // P10 lies between the 4th and 5th of 40 levels (quantiles 0.0875 and 0.1125), P90 between the 36th and 37th.
    expect(factors[3]!).toBeLessThan(0.8);
    expect(factors[4]!).toBeGreaterThan(0.8);
    expect(factors[35]!).toBeLessThan(1.25);
    expect(factors[36]!).toBeGreaterThan(1.25);
    expect(factors[19]! * factors[20]!).toBeCloseTo(1, 2); // symmetric in log around the median on each side's scale
    expect(levelFactor(null, 0, 7)).toBe(1);
  });
});

describe("inflow tables kept by their content", () => {
  it("inputs with the same inflow share draws; a changed return share or prognosis gets its own tables", async () => {
    const {adjustDatasets} = await import("../../simulations/model/assumptions.ts");
    const s = scenario({});
    const draw = (inputs: ReturnType<typeof prepareInputs>) => {
      const d = new InflowDraws(inputs, s, 11);
      const out: number[] = [];
      const r = new Int32Array(8);
      const n = new Int32Array(8);
      const x = new Int32Array(8);
      for (let run = 0; run < 200; run++) {
        d.startRun(run);
        d.draw(0, r, n, x);
        out.push(...r, ...n, ...x);
      }
      return out;
    };
    const base = draw(prepareInputs(fixtureDatasets(), s));
    // Other vacancies, same inflow: the very same counts (and tables).
    expect(draw(prepareInputs(adjustDatasets(fixtureDatasets(), {vacancyFactor: 1.2, returnShareFactor: 1}), s))).toEqual(base);
    // A lower return share moves people from returners to the pool: drawn from other tables, not the base's.
    const lower = draw(prepareInputs(adjustDatasets(fixtureDatasets(), {vacancyFactor: 1, returnShareFactor: 0.5}), s));
    const returners = (xs: number[]) => xs.filter((_, i) => i % 24 < 8).reduce((a, b) => a + b, 0);
    expect(returners(lower)).toBeLessThan(0.7 * returners(base));
    // The base again, after the others: its own numbers.
    expect(draw(prepareInputs(fixtureDatasets(), s))).toEqual(base);
  });
});
