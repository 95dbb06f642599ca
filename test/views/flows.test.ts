// Who houses whose residents: the heat-map and the municipality summary rendered from a real outcome (small runs,
// fixed seed) against golden files, and the sums a reader relies on (a row adds up to the origin's placed residents,
// a column to the host's placements; net contribution = placed for others − own residents elsewhere).
import {beforeAll, describe, expect, test} from "vitest";
import type {SimulationOutcome} from "../../src/components/engine.ts";
import {context, installDom, LocalPool, matchGolden, scenarios} from "./helpers.ts";

beforeAll(() => {
  installDom();
});

const RUNS = 300;
let outcome: SimulationOutcome;
const flows = () => import("../../src/components/views/flows.ts");

beforeAll(async () => {
  outcome = await new LocalPool().simulate({a: scenarios.scenarios.agreed!, runs: RUNS, seed: 1});
});

function golden(name: string, node: Element): void {
  const {ok, path} = matchGolden(name, node);
  expect(ok, `the view differs from its golden file: compare ${path}`).toBe(true);
}

const meanOf = (municipality: string, year: number, metric: string): number =>
  outcome.rows.find((r) => r.municipality === municipality && r.year === year && r.metric === metric)!.mean;

describe("flows", () => {
  test("golden: the heat-map for the whole period and for one year, and a municipality's summary", async () => {
    const {flowHeatmap, flowSummary} = await flows();
    golden("flows-heatmap", flowHeatmap(context(), outcome, {period: "2025-2030"}));
    golden("flows-heatmap-2027", flowHeatmap(context(), outcome, {period: "2027"}));
    golden("flows-summary", flowSummary(context(), outcome, "Eemnes"));
  });

  test("the choices are the whole period, then each year, and the flows cover each of them", async () => {
    const {flowPeriodChoices, flowPeriods} = await flows();
    const choices = flowPeriodChoices(context().engine);
    expect(choices).toEqual(["2025-2030", "2025", "2026", "2027", "2028", "2029", "2030"]);
    expect([...flowPeriods(outcome.flows!)].sort()).toEqual([...choices].sort());
  });

  test("a row sums to the origin's housed residents, a column to the host's placements (means, each year)", async () => {
    const {flowMatrix} = await flows();
    for (const year of [2025, 2028, 2030]) {
      const m = flowMatrix(outcome.flows!, String(year));
      expect(m.names).toHaveLength(8);
      m.names.forEach((name, i) => {
        const row = m.cells[i]!.reduce((s, f) => s + f.mean, 0);
        const column = m.cells.reduce((s, r) => s + r[i]!.mean, 0);
        expect(row).toBeCloseTo(meanOf(name, year, "placedByOrigin"), 6);
        expect(column).toBeCloseTo(meanOf(name, year, "placed"), 6);
        expect(column - m.cells[i]![i]!.mean).toBeCloseTo(meanOf(name, year, "placedForOthers"), 6);
      });
    }
  });

  test("the heat-map marks the diagonal as housed at home and names origin, host and band in each cell's title", async () => {
    const {flowHeatmap} = await flows();
    const node = flowHeatmap(context(), outcome, {period: "2025-2030"});
    const home = Array.from(node.querySelectorAll("td.fs-flow-home"));
    expect(home).toHaveLength(8);
    expect(home[0]!.getAttribute("title")).toMatch(/^Inwoners van \S+ thuis gehuisvest in \S+, 2025-2030: gemiddeld [\d.,]+ \(P5–P95: /);
    expect(node.querySelectorAll("td.fs-flow")).toHaveLength(64);
    expect(node.querySelector("thead th")!.textContent).toContain("herkomstgemeente");
    expect(() => flowHeatmap(context(), outcome, {period: "2040"})).toThrow(/2040/);
  });

  test("the summary's net contribution is placed for others minus own residents housed elsewhere", async () => {
    const {flowSummaryRows} = await flows();
    const rows = flowSummaryRows(outcome.rows, "Baarn");
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    for (const r of rows) expect(r.netContribution.mean).toBeCloseTo(r.placedForOthers.mean - r.ownHousedElsewhere.mean, 6);
  });
});

describe("metric choices", () => {
  test("the flow, balance and suitable-supply metrics are choosable on the compare page, each with a Dutch label", async () => {
    const {METRIC_CHOICES} = await import("../../src/components/views/compare.ts");
    const {METRIC_LABELS} = await import("../../src/components/summary.ts");
    const chosen = METRIC_CHOICES.map((c) => c.metric);
    for (const m of ["placedForOthers", "ownHousedElsewhere", "netContribution", "balance", "shareSuitable", "suitable"] as const) expect(chosen).toContain(m);
    for (const m of chosen) expect(METRIC_LABELS[m], m).toMatch(/[a-z]/);
    expect(METRIC_CHOICES.find((c) => c.metric === "shareSuitable")!.percent).toBe(true);
  });
});
