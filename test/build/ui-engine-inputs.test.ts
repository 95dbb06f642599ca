// What the pages feed the engine: the data assumptions of the Prognoses page, the scenario the reader composes,
// the tornado's ranking and the key table of the Verdeelsleutels page, each checked against the engine itself.
import {join} from "node:path";
import {expect, test} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import * as engine from "../../simulations/index.ts";
import {ROOT} from "../../scripts/build.ts";
import {adjustDatasets, AS_IN_DATA} from "../../simulations/model/assumptions.ts";
import {keyRows} from "../../src/components/keys.ts";
import {ASSUMPTIONS, OUTCOMES, scenarioWith, tornadoRows, type Settings} from "../../src/components/sensitivity.ts";
import {summaryDownload} from "../../src/components/summary.ts";
import {datasetStatuses, simulationEstimates} from "../../src/components/provenance.ts";
import type {SimulationOutcome} from "../../src/components/engine.ts";

const datasets = loadDatasets(join(ROOT, "data"));
const agreedJson = engine.scenarioFiles.agreed;
const agreed = engine.parseScenario(agreedJson, "agreed", engine.defaultLookup);

test("data assumptions: as in data/ is the very same object; factors scale vacancies and cap return shares", () => {
  expect(adjustDatasets(datasets, AS_IN_DATA)).toBe(datasets);
  const more = adjustDatasets(datasets, {vacancyFactor: 1.1, returnShareFactor: 100});
  datasets.vacancies.forEach((v, i) => expect(more.vacancies[i]!.vacancies).toBe(Math.round(v.vacancies * 1.1)));
  for (const g of more.groups) expect(g.returnShare.value).toBe(1);
  expect(() => adjustDatasets(datasets, {vacancyFactor: 0, returnShareFactor: 1})).toThrow(/vacancyFactor/);
  // The engine sees the change: 10% more vacancies gives a larger expected vacancy level everywhere.
  const base = engine.prepareInputs(datasets, agreed).vacancies.mean;
  engine.prepareInputs(more, agreed).vacancies.mean.forEach((m, i) => expect(m).toBeGreaterThan(base[i]!));
});

test("a scenario composed from the reader's assumptions is valid for the engine and keeps the ramp", () => {
  const settings: Settings = {prognosis: "high", inflowDispersion: 0.2, vacancyFactor: 1, vacancyDispersion: "poisson", vacancyWindow: 3, returnShareFactor: 1};
  const parsed = engine.parseScenario(scenarioWith(agreedJson, settings), "test", engine.defaultLookup);
  expect(parsed).toMatchObject({id: "aannames", prognosis: "high", inflowDispersion: 0.2, vacancyDispersion: "poisson", vacancyWindow: 3});
  expect(parsed.ramp).toEqual(agreed.ramp);
  for (const assumption of ASSUMPTIONS) {
    for (const variant of assumption.variants(settings, {vacancyYears: 6})) {
      expect(() => engine.parseScenario(scenarioWith(agreedJson, variant.settings), assumption.id, engine.defaultLookup)).not.toThrow();
    }
  }
});

test("the tornado ranks the assumption that moves the outcome most first", () => {
  const fake = (p50: number): SimulationOutcome =>
    ({rows: [{scenario: "x", year: 2030, municipality: "regio", metric: "backlog", mean: p50, p5: p50, p25: p50, p50, p75: p50, p95: p50}], probabilities: []}) as unknown as SimulationOutcome;
  const [a, b] = ASSUMPTIONS;
  const settings: Settings = {prognosis: "central", inflowDispersion: 0, vacancyFactor: 1, vacancyDispersion: "series", vacancyWindow: 5, returnShareFactor: 1};
  const variants = [...a!.variants(settings, {vacancyYears: 6}), ...b!.variants(settings, {vacancyYears: 6})].map((v, i) => ({...v, assumption: i < 2 ? a! : b!}));
  const rows = tornadoRows(variants, [fake(9), fake(11), fake(0), fake(40)], fake(10), OUTCOMES[0]!, {municipality: "regio", year: 2030});
  expect(rows.map((r) => r.assumption)).toEqual([b!.label, a!.label]);
  expect(rows[0]).toMatchObject({low: 0, high: 40, centre: 10, range: 40});
  expect(() => tornadoRows(variants.slice(0, 1), [fake(1)], fake(1), OUTCOMES[0]!, {municipality: "regio", year: 2030})).toThrow(/low and a high/);
});

test("key table: the seven's targets add up to the ramp, Amersfoort keeps its fixed count", () => {
  const inputs = engine.prepareInputs(datasets, agreed);
  for (const key of [{inhabitants: 1}, {vacancies: 1}, {inhabitants: 0.5, socialStock: 0.5}]) {
    const rows = keyRows(engine, inputs, agreed, key, "test");
    for (const period of agreed.ramp) {
      const label = `${period.from}-${period.to}`;
      const others = rows.filter((r) => !r.fixed).reduce((sum, r) => sum + r.targets[label]!, 0);
      expect(others).toBe("others" in period ? period.others : NaN);
      const amersfoort = rows.find((r) => r.fixed)!;
      expect(amersfoort.targets[label]).toBe("fixed" in period ? period.fixed[amersfoort.code] : NaN);
      for (const r of rows) expect(r.vacancyShares[label]).toBeCloseTo(r.targets[label]! / r.expectedVacancies, 12);
    }
    expect(rows.filter((r) => !r.fixed).reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
  }
});

test("a chart's downloads: first a Dutch table of exactly its rows, then the engine's own CSV", () => {
  const result = engine.simulate(engine.prepareInputs(datasets, agreed), agreed, {runs: 200, seed: 3});
  const rows = engine.summarize(result).filter((r) => r.municipality === "regio" && r.metric === "placed");
  const {dutch, machine} = summaryDownload("t", rows, engine, {agreed: "Afgesproken"});
  expect(machine.csv).toBe(engine.toCsv(rows));
  expect(dutch.dutch).toBe(true);
  expect(dutch.rows).toHaveLength(rows.length);
  expect(dutch.rows[0]).toEqual(["Afgesproken", rows[0]!.year, "Regio (totaal)", "plaatsingen per jaar", rows[0]!.mean, rows[0]!.p5, rows[0]!.p25, rows[0]!.p50, rows[0]!.p75, rows[0]!.p95]);
  const shares = engine.summarize(result).filter((r) => r.municipality === "regio" && r.metric === "share");
  expect(summaryDownload("s", shares, engine).dutch.formats?.[7]).toBe("percent");
});

test("provenance counts every value of data/ once, and badges name the key's basis only when it is used", () => {
  const statuses = Object.fromEntries(datasetStatuses(datasets).map((d) => [d.id, d]));
  const total = (id: string) => Object.values(statuses[id]!.counts).reduce((a, b) => a + b, 0);
  expect(total("vacancies")).toBe(datasets.vacancies.length);
  expect(total("prognosis")).toBe(datasets.prognosis.length);
  expect(total("inhabitants")).toBe(datasets.municipalities.length);
  const stock = statuses.socialStock!.label;
  const inhabitants = statuses.inhabitants!.label;
  if (statuses.socialStock!.status === "estimate") expect(simulationEstimates(datasets, {socialStock: 1})).toContain(stock);
  expect(simulationEstimates(datasets, {inhabitants: 1})).not.toContain(stock);
  if (statuses.inhabitants!.status !== "estimate") expect(simulationEstimates(datasets, {inhabitants: 1})).not.toContain(inhabitants);
});
