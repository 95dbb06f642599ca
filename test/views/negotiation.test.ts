// The negotiation table's logic on the real data: defaults are the agreed targets, sums and gaps, fair shares under
// the keys, the solver's proposal, the scenario it becomes, and the URL round trip.
import {describe, expect, it} from "vitest";
import * as engine from "../../simulations/index.ts";
import {readState, UrlState, writeSearch, type WindowLike} from "../../src/components/state.ts";
import {formatPercent} from "../../src/components/format.ts";
import {loadDatasets} from "../../loaders/datasets.ts";
import {
  agreedOffers,
  defaultState,
  keepLeadLabel,
  headline,
  offersInput,
  offersSettingsText,
  proposalButtons,
  negotiationPeriods,
  offerRows,
  offersView,
  outcomeRows,
  outcomeView,
  scenarioDownload,
  sumsView,
  offersAsScenario,
  offersScenario,
  periodSums,
  proposal,
  simulateOffers,
  bindOffers,
  negotiationSpec,
  offersToUrl,
  stateFromUrl,
  withOffer,
  withProposal
} from "../../src/components/views/negotiation.ts";

const agreed = engine.parseScenario(engine.scenarioFiles["agreed"], "agreed.json", engine.defaultLookup);
const inputs = engine.prepareInputs(loadDatasets("data"), agreed);
const lead = inputs.municipalities.findIndex((m) => m.code === engine.LEAD_MUNICIPALITY);
const periods = negotiationPeriods(engine, agreed);
const defaults = defaultState(engine, inputs, agreed);
const baarn = inputs.municipalities.findIndex((m) => m.name === "Baarn");

describe("negotiation table", () => {
  it("starts from the agreed targets: 135 / 92 and 108 / 119, summing to 227 in both periods", () => {
    expect(periods.map((p) => p.label)).toEqual(["2025-2026", "2027-2030"]);
    expect(defaults.offers["2025-2026"]![lead]).toBe(135);
    expect(defaults.offers["2027-2030"]![lead]).toBe(108);
    expect(periodSums(periods, defaults).map((s) => [s.sum, s.total, s.gap])).toEqual([
      [227, 227, 0],
      [227, 227, 0]
    ]);
  });

  it("an edited offer changes the sum and the gap", () => {
    const edited = withOffer(defaults, "2027-2030", baarn, defaults.offers["2027-2030"]![baarn]! - 5);
    expect(periodSums(periods, edited)[1]).toEqual({period: "2027-2030", sum: 222, total: 227, gap: -5});
    expect(defaults.offers["2027-2030"]![baarn]).toBe(agreedOffers(engine, inputs, agreed)["2027-2030"]![baarn]);
  });

  it("rows: each key divides the period's 227 over all eight; the burden is the offer over its denominator", () => {
    const rows = offerRows(engine, inputs, agreed, defaults, periods[1]!, null);
    for (const k of ["inhabitants", "households", "socialStock", "vacancies"] as const) expect(rows.reduce((s, r) => s + r.keys[k], 0)).toBe(227);
    const b = rows[baarn]!;
    expect(b.burden).toBeCloseTo((100 * b.offer) / engine.expectedLettings(inputs, [2, 3, 4, 5]).all[baarn]!, 12);
    expect(b.burden).toBeCloseTo(100 * b.expectedShare, 12);
    expect(b.withinBand).toBe(b.expectedShare >= 0.07 && b.expectedShare <= 0.18);
    expect(b.proposal).toBeNull();
  });

  it("names the lead municipality in the proposal toggle from the data, and offers no toggle for a region without one", () => {
    expect(keepLeadLabel(engine, inputs)).toBe("Voorstel: Amersfoort houdt haar bod, de andere gemeenten verdelen de rest");
    const elsewhere = {...inputs, municipalities: inputs.municipalities.map((m, i) => ({code: `GM80${i}`, name: `Gemeente ${i}`}))};
    expect(keepLeadLabel(engine, elsewhere)).toBeNull();
  });

  it("the solver's proposal keeps Amersfoort's offer when asked and fills in a period", () => {
    const p = proposal(engine, inputs, agreed, defaults, periods[1]!, true);
    if ("message" in p) throw new Error(p.message);
    expect(p.targets[lead]).toBe(108);
    const filled = withProposal(defaults, "2027-2030", p.targets);
    expect(periodSums(periods, filled)[1]!.gap).toBe(0);
    expect(offerRows(engine, inputs, agreed, filled, periods[1]!, p).every((r) => r.offer === r.proposal)).toBe(true);
  });

  it("an impossible proposal gives the solver's Dutch message instead of targets", () => {
    const p = proposal(engine, inputs, agreed, withOffer(defaults, "2027-2030", lead, 10), periods[1]!, true);
    expect("message" in p && p.message).toMatch(/Amersfoort: vast op 10, onder de ondergrens/);
  });

  it("the offers become a scenario the engine runs, with each offer as that year's target", () => {
    const edited = withOffer(defaults, "2027-2030", baarn, 12);
    const scenario = engine.parseScenario(offersScenario(inputs, agreed, periods, edited), "bod.json");
    const r = engine.simulate(inputs, scenario, {runs: 1, seed: 1});
    const C = inputs.municipalities.length + 1;
    expect(r.target[3 * C + baarn]).toBe(12);
    expect(r.target[0 * C + lead]).toBe(135);
    // The page's scenario (no validator in the browser) is what the validator makes of the downloaded file.
    expect(offersAsScenario(inputs, agreed, periods, edited)).toEqual(scenario);
    expect(() => offersAsScenario(inputs, agreed, periods, withOffer(edited, "2025-2026", 0, 1.5))).toThrow(/De biedingen voor 2025-2026 moeten 8 gehele getallen/);
    const outcome = simulateOffers(engine, inputs, agreed, periods, {...edited, runs: 200});
    const all = outcome.band.find((row) => row.period === "2027" && row.municipality === "regio")!;
    expect(all.pWithin).toBeGreaterThanOrEqual(0);
    expect(outcome.pAllEveryYear).toBeLessThanOrEqual(all.pWithin);
  });

  it("the URL round trip reproduces the table; defaults stay out of the link; a damaged value falls back", () => {
    const spec = negotiationSpec(periods, defaults, 8);
    expect(writeSearch(spec, readState(spec, ""))).toBe("");
    const edited = {...withOffer(defaults, "2027-2030", baarn, 12), measure: "inhabitants" as const, band: [0.08, 0.16] as [number, number], runs: 5000, seed: 7};
    const search = writeSearch(spec, {...readState(spec, ""), ...offersToUrl(edited.offers, periods), maat: "inhabitants", band: [0.08, 0.16], runs: 5000, seed: 7});
    expect(decodeURIComponent(search)).toBe(`?bod-2027-2030=${edited.offers["2027-2030"]!.join(",")}&maat=inhabitants&band=8,16&runs=5000&seed=7`);
    expect(stateFromUrl(readState(spec, search), periods)).toEqual(edited);
    const damaged = readState(spec, "?bod-2027-2030=1,2,3&maat=huizen&runs=5&band=18,7");
    expect(stateFromUrl(damaged, periods)).toEqual(defaults);
  });
});

describe("negotiation views (jsdom)", async () => {
  // jsdom, as the other view tests use; imported by a computed name so this file needs no type declarations for it.
  const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string, options: object) => {window: object}};
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {url: "https://fairshare.test/"});
  const g = globalThis as Record<string, unknown>;
  for (const name of ["document", "window", "navigator", "HTMLElement", "Node", "Event"]) {
    Object.defineProperty(g, name, {value: (dom.window as unknown as Record<string, unknown>)[name], configurable: true, writable: true});
  }

  it("the sums say how far the offers are from 227, and mark a gap", () => {
    const edited = withOffer(defaults, "2027-2030", baarn, defaults.offers["2027-2030"]![baarn]! - 3);
    const view = sumsView(periodSums(periods, edited));
    const items = Array.from(view.querySelectorAll("li"));
    expect(items.map((li) => li.textContent)).toEqual([
      "2025-2026: de biedingen tellen op tot 227 per jaar, afgesproken is 227 (sluit precies).",
      "2027-2030: de biedingen tellen op tot 224 per jaar, afgesproken is 227 (3 te weinig)."
    ]);
    expect(items.map((li) => li.className)).toEqual(["", "fs-warn"]);
  });

  it("the offers table: one row per municipality, Dutch numbers, offers outside the band marked", () => {
    const p = proposal(engine, inputs, agreed, defaults, periods[1]!, true);
    if ("message" in p) throw new Error(p.message);
    const rows = offerRows(engine, inputs, agreed, withOffer(defaults, "2027-2030", baarn, 30), periods[1]!, p);
    const view = offersView(rows, periods[1]!, defaults);
    const body = Array.from(view.querySelectorAll("tbody tr"));
    expect(body).toHaveLength(8);
    const cells = Array.from(body[baarn]!.querySelectorAll("td")).map((td) => td.textContent);
    expect(cells[0]).toBe("Baarn");
    expect(cells[1]).toBe("30");
    expect(cells.at(-1)).toBe(formatPercent(rows[baarn]!.expectedShare));
    expect(rows[baarn]!.expectedShare).toBeGreaterThan(0.18);
    expect(body[baarn]!.querySelectorAll("td.fs-warn")).toHaveLength(1);
    expect(body[lead]!.querySelectorAll("td.fs-warn")).toHaveLength(0);
  });

  it("the outcome: a headline with the spread and P(all within), a table per municipality and the region, a scenario download", () => {
    const outcome = simulateOffers(engine, inputs, agreed, periods, {...defaults, runs: 300});
    expect(headline(outcome, defaults, "2027")).toMatch(
      /^Onder deze biedingen is in 2027 de zwaarste last \(per 100 verhuringen\) \d+,\d keer de lichtste \(mediaan over 300 doorrekeningen\)\. Kans dat alle gemeenten in 2027 binnen 7-18% van hun verhuringen blijven: \d+%; over 2025-2030 samen: .+; in elk jaar: .+\.$/
    );
    const table = outcomeView(outcome, defaults, "2027");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(9);
    expect(table.querySelector("tbody tr.fs-total td")!.textContent).toBe("Regio (totaal)");
    const rows = outcomeRows(outcome, defaults, "2027");
    const all2027 = outcome.band.find((r) => r.period === "2027" && r.municipality === "regio")!.pWithin;
    expect(rows.find((r) => r.municipality === "regio")!.pWithin).toBe(all2027);
    expect(rows.find((r) => r.municipality === "regio")!.netContribution).toBe(0);
    const link = scenarioDownload(offersScenario(inputs, agreed, periods, defaults)) as HTMLAnchorElement;
    const json = JSON.parse(decodeURIComponent(link.href.replace(/^data:application\/json;charset=utf-8,/, "")));
    expect(engine.parseScenario(json, "download.json").ramp[1]).toMatchObject({from: 2027, to: 2030});
    expect(link.download).toBe("onderhandeling.json");
  });

  it("the offers input: its value is the offers by period; a bad field is marked, explained in Dutch, and not used", () => {
    const input = offersInput(inputs.municipalities, periods, defaults.offers);
    expect(input.value).toEqual(defaults.offers);
    const field = input.querySelector<HTMLInputElement>('input[data-period="2027-2030"][data-municipality="GM0308"]')!;
    field.value = "12";
    expect(input.value["2027-2030"]![baarn]).toBe(12);
    field.value = "-4";
    expect(input.value["2027-2030"]![baarn]).toBe(12);
    expect(field.classList.contains("fs-warn")).toBe(true);
    expect(input.querySelector("p.fs-warn")!.textContent).toBe("Baarn 2027-2030: een bod is een geheel getal van 0 tot en met 2.000; 12 (het laatste geldige bod) telt.");
  });

  it("the proposal button fills in the solver's targets and tells the page (an input event)", () => {
    const input = offersInput(inputs.municipalities, periods, defaults.offers);
    const proposals = periods.map((p) => proposal(engine, inputs, agreed, defaults, p, true));
    const buttons = proposalButtons(periods, proposals, input);
    let events = 0;
    input.addEventListener("input", () => events++);
    const button = Array.from(buttons.querySelectorAll("button")).find((b) => b.textContent === "Vul het voorstel voor 2027-2030 in")!;
    button.click();
    const p = proposals[1]!;
    if ("message" in p) throw new Error(p.message);
    expect(input.value["2027-2030"]).toEqual(p.targets);
    expect(input.value["2025-2026"]).toEqual(defaults.offers["2025-2026"]);
    expect(events).toBe(1);
    const none = proposalButtons(periods, [{message: "Amersfoort: vast op 10."}, p], input);
    expect(none.querySelector("p.fs-warn")!.textContent).toBe("Geen voorstel voor 2025-2026: Amersfoort: vast op 10.");
  });

  it("offers edited on the page go into the address, and back/forward brings the fields back", () => {
    // A window with a history of addresses, enough for UrlState.
    const entries = ["https://fairshare.test/onderhandelen"];
    let index = 0;
    const target = document.createElement("div"); // jsdom's events need jsdom's event targets
    const win: WindowLike = {
      get location() {
        return {href: entries[index]!};
      },
      history: {
        pushState: (_d, _u, url) => void (entries.splice(index + 1), entries.push(String(url)), (index = entries.length - 1)),
        replaceState: (_d, _u, url) => void (entries[index] = String(url))
      },
      addEventListener: (type, listener) => target.addEventListener(type, listener),
      removeEventListener: (type, listener) => target.removeEventListener(type, listener)
    };
    const state = new UrlState(negotiationSpec(periods, defaults, 8), win);
    const input = bindOffers(state, offersInput(inputs.municipalities, periods, stateFromUrl(state.get(), periods).offers), periods);
    const field = input.querySelector<HTMLInputElement>('input[data-period="2027-2030"][data-municipality="GM0308"]')!;
    field.value = "12";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    const typed = withOffer(defaults, "2027-2030", baarn, 12).offers["2027-2030"]!;
    expect(decodeURIComponent(win.location.href)).toBe(`https://fairshare.test/onderhandelen?bod-2027-2030=${typed.join(",")}`);
    // Typed offers rewrite the current entry; a new measure adds one; back returns to the offers typed before it.
    state.set({maat: "inhabitants"});
    state.set({"bod-2027-2030": [108, 20, 12, 6, 18, 29, 31, 6]});
    let heard = 0;
    input.addEventListener("input", () => heard++);
    index = 0;
    target.dispatchEvent(new Event("popstate"));
    expect(input.value["2027-2030"]).toEqual(typed);
    expect(heard).toBe(1);
    state.dispose();
  });

  it("the printout says the table's definition (the shared print header adds date and versions)", () => {
    expect(offersSettingsText(inputs, periods, defaults)).toMatch(/^Biedingen per jaar — 2025-2026: Amersfoort 135, Baarn \d+, .*; 2027-2030: Amersfoort 108, .*\. Last per 100 verhuringen; band 7-18%; 2\.000 doorrekeningen, startgetal 1\.$/);
  });
});
