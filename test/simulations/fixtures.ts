// Synthetic datasets for engine tests: shaped like data/ (8 municipalities in the agreement plus Barneveld, a
// vacancy series, urgent groups and a three-variant prognosis), with round numbers so expectations are easy.
import type {Datasets, Municipality, PrognosisRecord, VacancyRecord} from "../../loaders/types.ts";
import {parseScenario, type Scenario} from "../../simulations/index.ts";

const fig = (value: number, year = 2024) => ({value, year, status: "estimate" as const, source: "test fixture"});

const PLACES: [code: string, name: string, inhabitants: number, stock: number, vacancies: number][] = [
  ["GM0307", "Amersfoort", 160000, 22600, 1300],
  ["GM0308", "Baarn", 25000, 2600, 100],
  ["GM0313", "Bunschoten", 22600, 2500, 105],
  ["GM0317", "Eemnes", 9800, 1100, 52],
  ["GM0327", "Leusden", 31700, 3500, 178],
  ["GM0267", "Nijkerk", 45400, 5200, 270],
  ["GM0342", "Soest", 46900, 5900, 290],
  ["GM0351", "Woudenberg", 13600, 1400, 70],
  ["GM0203", "Barneveld", 62600, 6000, 220]
];

export interface FixtureOptions {
  /** Inflow per year and origin for every group (default: the ramp's 227 split like the real prognosis). */
  inflow?: (origin: string, year: number, group: string) => number;
  returnShares?: number[];
  vacancyScale?: number;
  /** Add new build (2019-2030), competing claims (7%) and a suitable share (85%), shaped like data/. */
  supply?: boolean;
}

/**
 * A `Datasets` fixture. By default: four groups, inflow that adds up to about 227 a year, vacancies about 2,390.
 */
export function fixtureDatasets(options: FixtureOptions = {}): Datasets {
  const scale = options.vacancyScale ?? 1;
  const municipalities: Municipality[] = PLACES.map(([code, name, inh, stock]) => ({
    code,
    name,
    province: "Utrecht",
    inAgreement: code !== "GM0203",
    inhabitants: fig(inh),
    households: fig(Math.round(inh / 2.2)),
    dwellings: fig(Math.round(inh / 2.1)),
    socialStock: fig(stock)
  }));
  const vacancies: VacancyRecord[] = PLACES.flatMap(([code, , , , v]) =>
    [0.97, 1.04, 1.01, 0.95, 1.03, 1.0].map((f, i) => ({municipality: code, year: 2019 + i, vacancies: Math.round(v * f * scale), status: "estimate" as const, source: "test"}))
  );
  const shares = options.returnShares ?? [0.8, 0.85, 0.8, 0.15];
  const groups = ["mo", "bw", "jz", "hg"].map((id, i) => ({id, name: id.toUpperCase(), returnShare: fig(shares[i] ?? 0.5)}));
  const defaultInflow = (origin: string, _year: number, group: string) => {
    const inh = PLACES.find((p) => p[0] === origin)![2];
    const base = origin === "GM0307" ? 135 : (92 * inh) / 195000;
    return Math.round(base / 4 + (group === "hg" ? 1 : 0));
  };
  const inflow = options.inflow ?? defaultInflow;
  const prognosis: PrognosisRecord[] = [];
  for (const [code] of PLACES) {
    for (let year = 2025; year <= 2030; year++) {
      for (const g of groups) {
        const central = inflow(code, year, g.id);
        for (const [variant, f] of [["low", 0.8], ["central", 1], ["high", 1.25]] as const) {
          prognosis.push({group: g.id, origin: code, year, variant, placements: Math.round(central * f), status: "estimate", source: "test"});
        }
      }
    }
  }
  if (!options.supply) return {municipalities, vacancies, groups, prognosis};
  const members = PLACES.filter(([code]) => code !== "GM0203");
  const years = Array.from({length: 12}, (_, i) => 2019 + i);
  const provenance = {status: "estimate" as const, source: "test", note: "test"};
  return {
    municipalities,
    vacancies,
    groups,
    prognosis,
    newBuild: members.flatMap(([code, , , stock]) => years.map((year) => ({municipality: code, year, homes: Math.round(stock / 100), ...provenance}))),
    claims: members.flatMap(([code]) => years.slice(6).map((year) => ({municipality: code, year, share: 0.07, ...provenance}))),
    suitable: members.map(([code]) => ({municipality: code, year: 2024, share: 0.85, ...provenance}))
  };
}

/** The agreed scenario, changed by `patch`. */
export function scenario(patch: Record<string, unknown> = {}): Scenario {
  return parseScenario(
    {
      id: "test",
      name: "Test",
      description: "",
      ramp: [
        {from: 2025, to: 2026, fixed: {GM0307: 135}, others: 92},
        {from: 2027, to: 2030, fixed: {GM0307: 108}, others: 119}
      ],
      ...patch
    },
    "fixture.json"
  );
}

/** A calibration fixture: Gamma beliefs around the fixture's vacancies and inflow, with some backlog. */
export function fixtureCalibration(startYear = 2026, backlog = 3): import("../../simulations/model/calibration.ts").Calibration {
  const municipalities = Object.fromEntries(
    PLACES.filter(([code]) => code !== "GM0203").map(([code, , inh, , v]) => {
      const inflow = code === "GM0307" ? 135 : (92 * inh) / 195000;
      return [code, {vacancies: {shape: 400, rate: 400 / v}, inflow: {shape: 50, rate: 50 / inflow}, backlog}];
    })
  );
  return {version: `${startYear - 1}-1`, createdAt: "2026-01-15", realisedYears: [startYear - 1], startYear, municipalities};
}
