import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {defaultScenarios, parseScenario, scenarioFiles, scenarioJsonSchema, ScenarioError} from "../../simulations/index.ts";
import {loadScenario, scenarioIds, SCENARIO_DIR} from "../../simulations/scenario/files.ts";

const base = {id: "x", name: "X", description: "", ramp: [{from: 2025, to: 2030, region: 227}]};

function errorOf(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error("expected a ScenarioError");
}

describe("scenario schema", () => {
  it("the committed JSON Schema is the one generated from the zod schema", () => {
    const committed = JSON.parse(readFileSync(new URL("../../simulations/scenario/scenario.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it("fills in the documented defaults", () => {
    const s = parseScenario(base, "x.json");
    expect(s).toMatchObject({key: {socialStock: 1}, prognosis: "central", cap: null, spillOver: false, inflowDispersion: 0, vacancyDispersion: "series", vacancyWindow: 5, stochastic: true});
  });

  it("names file, JSON path and what was expected for a bad value", () => {
    const e = errorOf(() => parseScenario({...base, ramp: [{from: 2025, to: 2030, amersfoort: 1.5, others: 3}]}, "bad.json"));
    expect(e.message).toMatch(/^bad\.json, veld \$\.ramp\[0\]\.amersfoort: verwacht een geheel getal; gevonden 1,5/);
  });

  it("reports unknown fields, overlapping periods, a key without weight and a cap above 1", () => {
    expect(errorOf(() => parseScenario({...base, colour: "red"}, "f.json")).message).toContain("f.json, veld $.colour: onbekend veld");
    const overlap = {...base, ramp: [{from: 2025, to: 2027, region: 1}, {from: 2027, to: 2030, region: 2}]};
    expect(errorOf(() => parseScenario(overlap, "f.json")).message).toContain("veld $.ramp[1]: periode overlapt ramp[0]");
    const gap = {...base, ramp: [{from: 2025, to: 2026, region: 1}, {from: 2029, to: 2030, region: 2}]};
    expect(errorOf(() => parseScenario(gap, "f.json")).message).toContain("veld $.ramp: geen periode dekt 2027, 2028");
    expect(errorOf(() => parseScenario({...base, key: {inhabitants: 0}}, "f.json")).message).toContain("veld $.key: minstens één gewicht");
    expect(errorOf(() => parseScenario({...base, cap: 1.8}, "f.json")).message).toMatch(/veld \$\.cap: hoogstens 1; gevonden 1,8/);
  });

  it("resolves extends by a shallow merge, and refuses unknown bases and cycles", () => {
    const lookup = (id: string) => (id === "x" ? {json: {...base, cap: 0.18, key: {inhabitants: 1, households: 1}}, label: "x.json"} : undefined);
    const child = parseScenario({extends: "x", id: "y", key: {vacancies: 1}}, "y.json", lookup);
    expect(child).toMatchObject({id: "y", cap: 0.18, key: {vacancies: 1}});
    expect(errorOf(() => parseScenario({extends: "nope", id: "y"}, "y.json", lookup)).message).toContain('y.json, veld $.extends: verwacht het id van een bekend scenario (een standaardscenario of nope.json naast dit bestand); "nope" is niet gevonden');
    const loop = (id: string) => ({json: {extends: id === "a" ? "b" : "a", id}, label: `${id}.json`});
    expect(errorOf(() => parseScenario({extends: "b", id: "a"}, "a.json", loop)).message).toMatch(/kringverwijzing in extends: a → b → a/);
  });
});

describe("scenario files", () => {
  it("every default scenario is valid, refers to the schema, and is bundled for the pages", () => {
    const ids = scenarioIds();
    expect(Object.keys(scenarioFiles).sort()).toEqual(ids);
    for (const id of ids) {
      const json = JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), "utf8"));
      expect(json.$schema).toBe("../scenario/scenario.schema.json");
      expect(loadScenario(id).id).toBe(id);
    }
    expect(defaultScenarios().map((s) => s.id)).toContain("agreed");
  });

  it("covers the required variants: ramps, keys, prognoses and caps", () => {
    const all = defaultScenarios();
    const ids = all.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["agreed", "immediate", "slower"]));
    const keys = all.map((s) => Object.keys(s.key).filter((k) => (s.key as Record<string, number>)[k]! > 0).sort().join("+"));
    expect(keys).toEqual(expect.arrayContaining(["inhabitants", "households", "socialStock", "vacancies", "inhabitants+socialStock"]));
    // The defaults draw the prognosis level per run (low and high at P10/P90); the variants stay as fixed choices.
    expect(new Set(all.map((s) => s.prognosis))).toEqual(new Set(["range", "low", "central", "high"]));
    expect(new Set(all.map((s) => s.placement))).toEqual(new Set(["obligation", "ceiling"]));
    expect(new Set(all.map((s) => s.cap))).toEqual(new Set([null, 0.18, 0.12]));
    const agreed = all.find((s) => s.id === "agreed")!;
    expect(agreed.ramp).toEqual([
      {from: 2025, to: 2026, fixed: {GM0307: 135}, others: 92},
      {from: 2027, to: 2030, fixed: {GM0307: 108}, others: 119}
    ]);
  });

  it("reads a scenario from a path, with extends from its folder or the defaults", () => {
    const dir = mkdtempSync(join(tmpdir(), "fairshare-scenario-"));
    writeFileSync(join(dir, "mine.json"), JSON.stringify({extends: "agreed", id: "mine", cap: 0.15}));
    expect(loadScenario(join(dir, "mine.json"))).toMatchObject({id: "mine", cap: 0.15, prognosis: "range", placement: "obligation"});
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expect(errorOf(() => loadScenario(join(dir, "broken.json"))).message).toMatch(/broken\.json: geen geldige JSON \(regel 1, kolom 3\)/);
    expect(errorOf(() => loadScenario("no-such-scenario")).message).toMatch(/no-such-scenario: geen scenario met dit id/);
  });
});
