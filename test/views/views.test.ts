// The views the pages display, rendered under a DOM from real engine outcomes (small runs, fixed seed) and compared
// with golden files (test/views/golden/; a differing view is written beside its golden file as -changed), plus the
// behaviour pages rely on: composed scenarios are valid, busy runs never look current, a view change runs nothing.
import {beforeAll, describe, expect, test} from "vitest";
import * as engine from "../../src/lib/engine-browser.ts";
import {parseScenario} from "../../simulations/index.ts";
import {busyFrame, ready, RunTracker, type Run} from "../../src/components/run.ts";
import {readState, writeSearch} from "../../src/components/state.ts";
import {context, installDom, LocalPool, matchGolden, scenarios} from "./helpers.ts";

beforeAll(() => {
  installDom();
});

const RUNS = 300;

async function views() {
  return {
    overview: await import("../../src/components/views/overview.ts"),
    compare: await import("../../src/components/views/compare.ts"),
    municipality: await import("../../src/components/views/municipality.ts"),
    allocation: await import("../../src/components/views/allocation.ts"),
    prognoses: await import("../../src/components/views/prognoses.ts"),
    method: await import("../../src/components/views/method.ts")
  };
}

function golden(name: string, node: Element): void {
  const {ok, path} = matchGolden(name, node);
  expect(ok, `the view differs from its golden file: compare ${path}`).toBe(true);
}

describe("golden views", () => {
  test("overview", async () => {
    const {overview} = await views();
    const outcome = await new LocalPool().simulate({a: scenarios.scenarios.agreed!, runs: RUNS, seed: 1});
    golden("overview-region", overview.overviewRegion(context(), outcome));
    golden("overview-municipalities", overview.overviewMunicipalities(context(), outcome));
    golden("overview-table", overview.overviewTable(context(), outcome, {year: 2027}));
  });

  test("compare, with a composed scenario", async () => {
    const {compare} = await views();
    const own = {own: true, ramp: "immediate", key: "key-inhabitants", prognosis: "high" as const, cap: 0.15, spillOver: false};
    const chosen = compare.chosenScenarios(scenarios, ["agreed", "slower"], own);
    const comparison = await compare.simulateComparison(new LocalPool(), chosen, {runs: RUNS, seed: 1});
    golden("compare-figures", compare.compareFigures(context(), {...comparison, elapsedMs: 0}, {municipality: "Baarn", metric: "placed"}));
    golden("compare-table", compare.compareTable(context(), comparison, 2027));
  });

  test("municipality", async () => {
    const {municipality} = await views();
    const ctx = context();
    const agreed = scenarios.scenarios.agreed!;
    const basis = {municipality: municipality.findMunicipality(ctx, "eemnes"), agreed, inputs: engine.prepareInputs(ctx.datasets, agreed), scenarios: scenarios.ids.map((id) => scenarios.scenarios[id]!)};
    const outcome = await new LocalPool().simulate({a: agreed, runs: RUNS, seed: 1});
    golden("municipality-fans", municipality.municipalityFans(ctx, basis, outcome));
    golden("municipality-table", municipality.municipalityTable(ctx, basis, outcome));
    golden("municipality-keys", municipality.municipalityKeys(ctx, basis));
  });

  test("allocation keys, with an own mix", async () => {
    const {allocation} = await views();
    const ctx = context();
    const agreed = scenarios.scenarios.agreed!;
    const inputs = engine.prepareInputs(ctx.datasets, agreed);
    const keys = allocation.pageKeys(scenarios, {inhabitants: 50, households: 0, socialStock: 50, vacancies: 0});
    golden("allocation-charts", allocation.keyCharts(ctx, inputs, agreed, keys));
    golden("allocation-table", allocation.keyTable(ctx, inputs, agreed, keys, allocation.OWN_MIX));
  });

  test("prognoses: tornado", async () => {
    const {prognoses} = await views();
    const ctx = context();
    const agreed = scenarios.scenarios.agreed!;
    const settings = {prognosis: "central" as const, inflowDispersion: 0, vacancyFactor: 1, vacancyDispersion: "series" as const, vacancyWindow: 5, returnShareFactor: 1};
    const pool = new LocalPool();
    const tornado = await prognoses.simulateTornado(pool, engine, agreed, settings, 6);
    // φ = 0 and vacancies spread as in the series are the reader's own settings here: those two variants are the
    // centre's simulation, not simulated again (and their bars are 0).
    expect(pool.jobs).toBe(11);
    expect(tornado.outcomes.filter((o) => o === tornado.centre)).toHaveLength(2);
    golden("prognoses-tornado", prognoses.tornadoFigure(ctx, {...tornado, elapsedMs: 0}, {municipality: "regio", year: 2030, outcome: "share_p50"}));
    // On a phone the tornado is as wide as the page, not wider (so its text is not scaled below 10 px).
    const narrow = prognoses.tornadoFigure(context(358), tornado, {municipality: "regio", year: 2030, outcome: "share_p50"});
    expect(Number(narrow.querySelector("svg")?.getAttribute("width"))).toBeLessThanOrEqual(358);
  });

  test("method", async () => {
    const {method} = await views();
    golden("method-status", method.statusTable(context()));
    const placement = method.placementList(scenarios);
    golden("method-placement", placement);
    // Every default scenario is named with its reading, once: only "ceiling" keeps the strict one.
    const items = Array.from(placement.querySelectorAll("li"), (li) => ({names: (li.querySelector("strong")?.textContent ?? "").split(", "), text: li.textContent ?? ""}));
    expect(items).toHaveLength(2);
    for (const id of scenarios.ids) {
      const holding = items.filter((item) => item.names.includes(scenarios.scenarios[id]!.name));
      expect(holding, id).toHaveLength(1);
      expect(holding[0]!.text, id).toContain(id === "ceiling" ? "strikte lezing" : "huisvesten is de plicht");
    }
  });
});

describe("what pages rely on", () => {
  test("a composed scenario is valid for the engine's schema and names its ramp, key and cap", async () => {
    const {compare} = await views();
    const own = compare.composed(scenarios, {own: true, ramp: "immediate", key: "key-inhabitants", prognosis: "low", cap: 0.12, spillOver: true});
    expect(() => parseScenario(own, "eigen")).not.toThrow();
    expect(parseScenario(own, "eigen")).toEqual(own);
    expect(own.description).toContain(scenarios.scenarios.immediate!.name);
    expect(own.description).toContain("inwoners");
    expect(own.description).toContain("plafond 12%");
    expect(own.description).toContain("met overloop");
  });

  test("the compare page's address round-trips every input", async () => {
    const {compare} = await views();
    const spec = compare.compareSpec(engine, scenarios, ["Baarn", "Eemnes"]);
    const state = {files: ["slower", "agreed"], own: true, ramp: "immediate", key: "key-mix", prognosis: "high" as const, cap: 0.15, spillOver: true, runs: 50_000, seed: 42, municipality: "Eemnes", metric: "share" as const, year: 2029};
    expect(readState(spec, writeSearch(spec, state))).toEqual(state);
    expect(writeSearch(spec, readState(spec, ""))).toBe("");
  });

  test("a view change re-renders from the outcome and runs no simulation", async () => {
    const {compare} = await views();
    const pool = new LocalPool();
    const chosen = compare.chosenScenarios(scenarios, ["agreed", "immediate"], {own: false, ramp: "agreed", key: "agreed", prognosis: "central", cap: null, spillOver: false});
    const comparison = await compare.simulateComparison(pool, chosen, {runs: 200, seed: 1});
    const jobs = pool.jobs;
    const a = compare.compareFigures(context(), comparison, {municipality: "regio", metric: "placed"}).outerHTML;
    const b = compare.compareFigures(context(), comparison, {municipality: "Soest", metric: "share"}).outerHTML;
    expect(a).not.toBe(b);
    expect(pool.jobs).toBe(jobs);
  });

  test("a busy run dims the old numbers and says they belong to the earlier settings; no outcome yet shows a placeholder", () => {
    const render = (v: number): Node => Object.assign(document.createElement("span"), {textContent: String(v)});
    const busy = busyFrame({busy: true, value: 7, label: "50.000 doorrekeningen"}, render);
    expect(busy.getAttribute("aria-busy")).toBe("true");
    expect(busy.classList.contains("fs-busy")).toBe(true);
    expect(busy.querySelector(".fs-busy-label")?.textContent).toMatch(/Wordt herberekend \(50\.000 doorrekeningen\).*vorige instellingen/);
    const first = busyFrame({busy: true, value: undefined, label: "10.000 doorrekeningen"} as Run<number>, render);
    expect(first.textContent).toBe("Bezig met doorrekenen: 10.000 doorrekeningen…");
    const done = busyFrame(ready(7), render);
    expect(done.getAttribute("aria-busy")).toBe("false");
    expect(done.querySelector(".fs-busy-label")).toBeNull();
    expect(busyFrame({busy: false, value: undefined, label: "x", error: "kapot"}, render).textContent).toBe("De doorrekening is mislukt: kapot");
  });

  test("the run tracker yields busy (with the last outcome) then ready, and does not rerun an equal request", async () => {
    const tracker = new RunTracker<number>();
    let jobs = 0;
    const job = async () => ++jobs;
    const collect = async (gen: AsyncGenerator<Run<number>>) => {
      const out: Run<number>[] = [];
      for await (const r of gen) out.push(r);
      return out;
    };
    expect((await collect(tracker.track(job, "x", "k1"))).map((r) => [r.busy, r.value])).toEqual([[true, undefined], [false, 1]]);
    expect((await collect(tracker.track(job, "x", "k2"))).map((r) => [r.busy, r.value])).toEqual([[true, 1], [false, 2]]);
    expect((await collect(tracker.track(job, "x", "k2"))).map((r) => [r.busy, r.value])).toEqual([[false, 2]]);
    expect(jobs).toBe(2);
  });

  test("the back-test's lean is stated in words", async () => {
    const {prognoses} = await views();
    const models = [{id: "m", label: "Model M"}];
    const f = (observed: number, p50: number) => ({model: "m", holdout: 1, observed, p50});
    const high = prognoses.backtestLean({models, forecasts: [f(90, 100), f(80, 100), f(95, 100), f(105, 100)]}, "m").textContent;
    expect(high).toContain("in 3 van de 4 voorspellingen onder de voorspelde mediaan");
    expect(high).toContain("te hoog");
    const low = prognoses.backtestLean({models, forecasts: [f(110, 100), f(120, 100), f(95, 100)]}, "m").textContent;
    expect(low).toContain("te laag");
    expect(prognoses.backtestLean({models, forecasts: [f(110, 100), f(90, 100)]}, "m").textContent).toContain("Een duidelijke richting is er niet");
  });
});
