// A record of how the estimates in data/*.csv were made (2025; supply, claims and the register of published figures
// added in 2026). It is kept so anyone can check or redo the
// arithmetic; it is NOT part of the pipeline. Running it with --write overwrites the CSVs, including any estimate
// that has since been replaced by a published figure; it refuses when a CSV was edited, unless given --force.
//
//   npx tsx data/estimates/initial-estimates.ts          # print a summary of the calibration facts
//   npx tsx data/estimates/initial-estimates.ts --write  # regenerate the CSVs (refused if any was edited since)
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import seedrandom from "seedrandom";

type Code = string;
const dir = new URL("../", import.meta.url);

interface Muni {
  code: Code;
  name: string;
  province: string;
  inAgreement: boolean;
  inhabitants: number;
  inhabitantsYear: number;
  inhabitantsSource: string;
  householdSize: number; // persons per household (estimate)
  householdNote?: string; // where the household size comes from, if not assumed
  corporationShare: number; // share of dwellings owned by housing associations (estimate)
  corporationSource?: string; // where the corporation share comes from, if published
  stockOverride?: {value: number; note: string}; // a stock estimate anchored on a published figure
  lettings: number; // mean yearly lettings 2019-2024, all lettings incl. first lettings of new build (calibration)
  turnover: number; // relettings / corporation stock, computed below from `lettings` minus new build
}

const cbsWiki = (lang: string, date: string) => `CBS, bevolking ${date}, via ${lang}.wikipedia.org (geraadpleegd 2025)`;
const MUNIS: Muni[] = [
  {code: "GM0307", name: "Amersfoort", province: "Utrecht", inAgreement: true, inhabitants: 161825, inhabitantsYear: 2024,
    inhabitantsSource: "CBS, bevolking 1-1-2024, via nl.wikipedia.org (Amersfoort) (geraadpleegd 2025)", householdSize: 2.23,
    householdNote: "2,23 personen per huishouden: 157.448 inwoners / 70.556 huishoudens op 1-1-2021 (amersfoort.jaarverslag-2020.nl)",
    corporationShare: 0.29, corporationSource: "destadsbron.nl (2023): 29% van de woningen in Amersfoort is van corporaties", lettings: 1260, turnover: 0},
  {code: "GM0308", name: "Baarn", province: "Utrecht", inAgreement: true, inhabitants: 25062, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.18, corporationShare: 0.27, lettings: 101, turnover: 0,
    stockOverride: {value: 2950, note: "2.775 sociale huurwoningen in 2019 en doel 3.000 in 2025 (gemeente Baarn, Visie Wonen 2019, baarn.nl): 2.775 + 5/6 x 225 = 2.962, afgerond 2.950"}},
  {code: "GM0313", name: "Bunschoten", province: "Utrecht", inAgreement: true, inhabitants: 22620, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.6, corporationShare: 0.24, lettings: 105, turnover: 0},
  {code: "GM0317", name: "Eemnes", province: "Utrecht", inAgreement: true, inhabitants: 9757, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.4, corporationShare: 0.25, lettings: 56, turnover: 0,
    stockOverride: {value: 960, note: "ongeveer 850 in 2017 (de-alliantie.nl) plus meer dan 100 gebouwd in 2023 (nhnieuws.nl, 2023-03)"}},
  {code: "GM0327", name: "Leusden", province: "Utrecht", inAgreement: true, inhabitants: 31669, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("de", "1-1-2024"), householdSize: 2.3, corporationShare: 0.24, lettings: 182, turnover: 0},
  {code: "GM0267", name: "Nijkerk", province: "Gelderland", inAgreement: true, inhabitants: 45361, inhabitantsYear: 2024,
    inhabitantsSource: "CBS, bevolking 2024, via a1mediagroep.nl (15-8-2024)", householdSize: 2.45, corporationShare: 0.28, lettings: 276, turnover: 0},
  {code: "GM0342", name: "Soest", province: "Utrecht", inAgreement: true, inhabitants: 46906, inhabitantsYear: 2021,
    inhabitantsSource: cbsWiki("en", "1-1-2021"), householdSize: 2.2, corporationShare: 0.26, lettings: 292, turnover: 0},
  {code: "GM0351", name: "Woudenberg", province: "Utrecht", inAgreement: true, inhabitants: 13633, inhabitantsYear: 2021,
    inhabitantsSource: cbsWiki("de", "1-1-2021"), householdSize: 2.55, corporationShare: 0.22, lettings: 0, turnover: 0},
  {code: "GM0203", name: "Barneveld", province: "Gelderland", inAgreement: false, inhabitants: 62592, inhabitantsYear: 2024,
    inhabitantsSource: "CBS, bevolking 2024, via a1mediagroep.nl (15-8-2024)", householdSize: 2.65, corporationShare: 0.19, lettings: 229, turnover: 0}
];
const DWELLINGS_PER_HOUSEHOLD = 1.02;
const WOUDENBERG_2024 = 70; // published: De Woudenberger, 2025-07-08
const SRC_WOUDENBERG = "De Woudenberger, 8-7-2025: 70 vrijgekomen sociale huurwoningen in 2024";

const households = (m: Muni) => Math.round(m.inhabitants / m.householdSize);
const dwellings = (m: Muni) => Math.round(households(m) * DWELLINGS_PER_HOUSEHOLD);
const stock = (m: Muni) => m.stockOverride?.value ?? Math.round(dwellings(m) * m.corporationShare);

// New build: first lettings of newly built social-rental homes, per municipality and year (2019-2030). Published
// where a source gives the figure for the year, derived where a published plan is spread over its years, estimate
// otherwise (SWEV offer: 100-500 social homes in each smaller municipality by 2030).
type Built = {homes: number; status: "published" | "derived" | "estimate"; source: string; note: string};
const NU_2021 = "nu.nl (Amersfoort), 2021-04: prestatieafspraken, minstens 320 sociale huurwoningen per jaar erbij tot 2030";
const NU_2022 = "nu.nl (Amersfoort), 2022-09: netto 320 sociale huurwoningen erbij in 2021";
const SWEV = "nu.nl (Amersfoort), 2022-09: SWEV-aanbod corporaties, ca. 6.000 sociale huurwoningen tot 2030 (Amersfoort 5.000, Soest 900, 100-500 in elke andere gemeente)";
const EST = "fairshare-schatting";
function newBuild(code: Code, year: number): Built {
  const est = (homes: number, note: string): Built => ({homes, status: "estimate", source: `${EST}; ${SWEV}`, note});
  switch (code) {
    case "GM0307":
      if (year === 2021) return {homes: 320, status: "published", source: NU_2022, note: "netto toevoeging; eerste verhuringen van nieuwbouw minstens zoveel"};
      if (year >= 2025) return {homes: 320, status: "published", source: NU_2021, note: "afspraak (plan), minstens 320 per jaar; SWEV-aanbod zou meer zijn (5.000 tot 2030)"};
      return est(320, "zelfde tempo als de afspraak van minstens 320 per jaar (nu.nl 2021-04)");
    case "GM0267":
      if (year === 2022) return {homes: 37, status: "published", source: "nijkerkerveen.org: netto 37 sociale huurwoningen erbij in 2022", note: ""};
      if (year >= 2025 && year <= 2027) return {homes: 75, status: "published", source: "a1mediagroep.nl, 2025-02: naar verwachting ongeveer 75 sociale huurwoningen per jaar erbij in 2025-2027", note: ""};
      return est(year > 2027 ? 75 : 40, year > 2027 ? "tempo van 2025-2027 (75 per jaar) doorgetrokken" : "rond de netto 37 van 2022");
    case "GM0342":
      if (year >= 2024 && year <= 2026) return {homes: 125, status: "derived", source: "soesterberg.nu (2024): 162 + 213 sociale huurwoningen gepland in 2024-2026", note: "375 / 3 jaar = 125 per jaar"};
      if (year >= 2027) return {homes: 64, status: "derived", source: "soesterberg.nu (2024): nog 255 sociale huurwoningen tot 2030", note: "255 / 4 jaar = 64 per jaar"};
      return est(30, "aanname voor de jaren voor de bekende plannen");
    case "GM0317":
      if (year === 2023) return {homes: 100, status: "published", source: "nhnieuws.nl, 2023-03: meer dan 100 sociale huurwoningen gebouwd in Eemnes in 2023", note: "ondergrens"};
      return est(year >= 2025 ? 15 : 5, year >= 2025 ? "SWEV 100-500 per kleinere gemeente tot 2030; Eemnes klein: ca. 15 per jaar" : "aanname");
    case "GM0308":
      if (year <= 2025) return {homes: 32, status: "derived", source: "gemeente Baarn, Visie Wonen 2019 (baarn.nl): 2.775 sociale huurwoningen in 2019, doel 3.000 in 2025", note: "225 / 7 jaar = 32 per jaar"};
      return est(30, "SWEV 100-500 per kleinere gemeente tot 2030: ca. 30 per jaar");
    case "GM0313":
      return est(30, "SWEV 100-500 per kleinere gemeente tot 2030: ca. 30 per jaar");
    case "GM0327":
      return est(35, "SWEV 100-500 per kleinere gemeente tot 2030: ca. 35 per jaar (grotere voorraad)");
    case "GM0351":
      return est(25, "SWEV 100-500 per kleinere gemeente tot 2030: ca. 25 per jaar; bevolkingsgroei +19,5% tot 2035 (CBS/PBL via nu.nl 2022-07)");
    default:
      return est(0, "buiten de afspraak");
  }
}
const BUILD_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const pastBuilt = (m: Muni) => [2019, 2020, 2021, 2022, 2023, 2024].reduce((s, y) => s + newBuild(m.code, y).homes, 0) / 6;
// Turnover of the existing stock (relettings): the calibrated mean lettings minus the mean first lettings of new
// build, over the stock. Woudenberg: derived from its published 70 lettings in 2024.
for (const m of MUNIS) {
  m.turnover = m.code === "GM0351" ? (WOUDENBERG_2024 - newBuild(m.code, 2024).homes) / stock(m) : (m.lettings - pastBuilt(m)) / stock(m);
}

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const line = (cells: (string | number)[]) => cells.map((c) => q(String(c))).join(",");
const pct = (x: number) => `${nl(x * 100, 1)}%`;
// Numbers in notes as a Dutch reader writes them (the pages show notes as they are): 161.825, 2,23.
function nl(x: number, digits?: number): string {
  return x.toLocaleString("nl-NL", digits === undefined ? {maximumFractionDigits: 4} : {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

// municipalities.csv
const municipalities = [line(["code", "name", "province", "in_agreement", "year", "status", "source", "note"])];
for (const m of MUNIS)
  municipalities.push(line([m.code, m.name, m.province, String(m.inAgreement), 2024, "published",
    `CBS, Gemeentelijke indeling op 1 januari 2024; deelname: Fair share afspraken Regio Amersfoort (2024)`, ""]));

// municipal-figures.csv
const figures = [line(["municipality", "indicator", "year", "value", "status", "source", "note"])];
for (const m of MUNIS) {
  figures.push(line([m.code, "inhabitants", m.inhabitantsYear, m.inhabitants, "published", m.inhabitantsSource, ""]));
  figures.push(line([m.code, "households", m.inhabitantsYear, households(m), "estimate",
    m.householdNote ? `fairshare-schatting; ${m.householdNote}` : "fairshare-schatting op basis van inwoners (zie bron inwoners)",
    `inwoners ${nl(m.inhabitants)} / ${nl(m.householdSize)} personen per huishouden (${m.householdNote ? "gepubliceerde huishoudensgrootte 2021" : "geschatte gemiddelde huishoudensgrootte"})`]));
  figures.push(line([m.code, "dwellings", m.inhabitantsYear, dwellings(m), "estimate", "fairshare-schatting op basis van huishoudens",
    `huishoudens ${nl(households(m))} x ${nl(DWELLINGS_PER_HOUSEHOLD)} woningen per huishouden`]));
  figures.push(line([m.code, "social_stock", 2024, stock(m), "estimate",
    m.stockOverride ? `fairshare-schatting; ${m.stockOverride.note}`
      : m.corporationSource ? `fairshare-schatting; ${m.corporationSource}`
      : "fairshare-schatting; provincie Utrecht 2023: 26,9% corporatiebezit (CBS 82900NED)",
    m.stockOverride ? `geschat op ${nl(m.stockOverride.value)} (zie bron)`
      : `woningen ${nl(dwellings(m))} x ${pct(m.corporationShare)} ${m.corporationSource ? "gepubliceerd" : "geschat"} corporatieaandeel`]));
}

// vacancies.csv: stock x turnover x regional year trend x municipal deviation (drawn once, seeded)
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
// Turnover in social rent fell over these years across the country; 2024 is the base (factor 1).
const TREND: Record<number, number> = {2019: 1.08, 2020: 1.04, 2021: 1.03, 2022: 0.97, 2023: 0.95, 2024: 1};
const rng = seedrandom("fairshare-vacancies-2025");
const vacancies = [line(["municipality", "year", "vacancies", "status", "source", "note"])];
const totals: Record<number, number> = {};
for (const m of MUNIS) {
  for (const y of YEARS) {
    // Uniform deviation of +-9% per municipality and year: lettings move with moves and new-build deliveries.
    const dev = Math.round((0.91 + 0.18 * rng()) * 100) / 100;
    if (m.code === "GM0351" && y === 2024) {
      vacancies.push(line([m.code, y, WOUDENBERG_2024, "published", SRC_WOUDENBERG, ""]));
      if (m.inAgreement) totals[y] = (totals[y] ?? 0) + WOUDENBERG_2024;
      continue;
    }
    // All lettings: relettings of the existing stock plus the first lettings of that year's new build.
    const built = newBuild(m.code, y).homes;
    const v = Math.round(stock(m) * m.turnover * TREND[y]! * dev) + built;
    const src = m.code === "GM0351" ? `fairshare-schatting; mutatiegraad afgeleid uit ${SRC_WOUDENBERG}`
      : m.code === "GM0308" ? "fairshare-schatting; gekalibreerd op 'ongeveer 100 per jaar' (PvdA Baarn, ongedateerd)"
      : "fairshare-schatting; regio ca. 2.390 per jaar = 227 / 9,5% (Fair share afspraken Regio Amersfoort)";
    vacancies.push(line([m.code, y, v, "estimate", src,
      `corporatiebezit ${nl(stock(m))} x mutatiegraad ${pct(m.turnover)} x jaartrend ${nl(TREND[y]!)} x afwijking ${nl(dev)} + nieuwbouw ${nl(built)} (newbuild.csv)`]));
    if (m.inAgreement) totals[y] = (totals[y] ?? 0) + v;
  }
}

// groups.csv
const GROUPS = [
  {id: "mo", name: "Uitstroom maatschappelijke opvang", share: 0.8,
    note: "regionale afspraak: terug naar herkomstgemeente; 20% kan niet terug (veiligheid, netwerk, schulden) - aanname"},
  {id: "bw", name: "Uitstroom beschermd wonen en GGZ", share: 0.85,
    note: "regionale afspraak: terug naar herkomstgemeente; 15% uitzondering (behandeling of netwerk elders) - aanname"},
  {id: "jz", name: "Uitstroom jeugdzorg", share: 0.8,
    note: "regionale afspraak: terug naar herkomstgemeente; 20% kan niet terug (breuk met gezin) - aanname"},
  {id: "hg", name: "Slachtoffers huiselijk geweld en mensenhandel", share: 0.15,
    note: "meestal niet terug naar herkomstgemeente om veiligheidsredenen; 15% wel - aanname"},
  {id: "mz", name: "Mantelzorg en medische urgentie", share: 0.95,
    note: "woning nodig dicht bij zorggever of -ontvanger, vrijwel altijd in eigen gemeente - aanname"},
  {id: "exg", name: "Ex-gedetineerden", share: 0.6,
    note: "terugkeer vaak gewenst, maar gebiedsverbod of slachtoffers in herkomstgemeente bij 40% - aanname"}
];
const groups = [line(["id", "name", "return_share", "year", "status", "source", "note"])];
for (const g of GROUPS)
  groups.push(line([g.id, g.name, g.share, 2024, "estimate",
    "fairshare-schatting; regel instroom = uitstroom (bureauregioamersfoort.nl, wonen en zorg)", g.note]));

// prognosis.csv: regional totals per group and year (central), split over origins by inhabitants x a factor for
// Amersfoort (the city's shelters and care places draw clients who then count as Amersfoort's origin).
const CENTRAL: Record<string, number[]> = {
  mo: [62, 61, 60, 59, 58, 57], // eviction prevention lowers shelter outflow slowly
  bw: [48, 48, 49, 49, 50, 50], // de-institutionalisation of beschermd wonen raises outflow
  jz: [30, 30, 30, 31, 31, 32],
  hg: [34, 34, 34, 34, 34, 34],
  mz: [28, 29, 29, 29, 29, 29],
  exg: [25, 25, 25, 25, 25, 25]
};
const AMERSFOORT_FACTOR: Record<string, number> = {mo: 2.3, bw: 2.2, jz: 1.5, hg: 1.4, mz: 1.0, exg: 1.8};
const PYEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const LOW = 0.8, HIGH = 1.25;

/** Largest-remainder apportionment of `total` over `weights`; ties go to the earlier index. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const out = quotas.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (rest-- > 0) out[i]! += 1;
  return out;
}

const agreement = MUNIS.filter((m) => m.inAgreement);
const prognosis = [line(["group", "origin", "year", "variant", "placements", "status", "source", "note"])];
const SRC_P = "fairshare-schatting; regionaal totaal 227 per jaar uit Companen, Woonzorgbehoefteonderzoek Provincie Utrecht (28-6-2024), via Fair share afspraken Regio Amersfoort";
const origin: Record<number, Record<Code, number>> = {};
for (const g of GROUPS) {
  PYEARS.forEach((y, i) => {
    const total = CENTRAL[g.id]![i]!;
    const weights = agreement.map((m) => m.inhabitants * (m.code === "GM0307" ? AMERSFOORT_FACTOR[g.id]! : 1));
    const central = apportion(total, weights);
    const low = apportion(Math.round(total * LOW), central);
    const high = apportion(Math.round(total * HIGH), central);
    agreement.forEach((m, k) => {
      origin[y] ??= {};
      origin[y]![m.code] = (origin[y]![m.code] ?? 0) + central[k]!;
      const notes = {
        low: `laag: groepstotaal ${nl(Math.round(total * LOW))} (= ${nl(total)} x ${nl(LOW)}) verdeeld naar centraal`,
        central: `centraal: groepstotaal ${nl(total)} verdeeld naar inwoners x factor ${nl(m.code === "GM0307" ? AMERSFOORT_FACTOR[g.id]! : 1)}`,
        high: `hoog: groepstotaal ${nl(Math.round(total * HIGH))} (= ${nl(total)} x ${nl(HIGH)}) verdeeld naar centraal`
      };
      for (const [variant, cells] of [["low", low], ["central", central], ["high", high]] as const)
        prognosis.push(line([g.id, m.code, y, variant, cells[k]!, "estimate", SRC_P, notes[variant]]));
    });
  });
}

// newbuild.csv
const newbuild = [line(["municipality", "year", "homes", "status", "source", "note"])];
for (const m of agreement) for (const y of BUILD_YEARS) {
  const b = newBuild(m.code, y);
  newbuild.push(line([m.code, y, b.homes, b.status, b.source, b.note]));
}

// claims.csv: competing priority claims of statushouders, as a share of all lettings. Nationally 6% (2021) and 7%
// (2022) of all corporation lettings (CBS); the local half-yearly tasks (public-figures.csv) vary too much from
// half-year to half-year to extrapolate, so every municipality gets the national 7% for 2025-2030.
const claims = [line(["municipality", "year", "share", "status", "source", "note"])];
for (const m of agreement) for (const y of PYEARS)
  claims.push(line([m.code, y, 0.07, "estimate", `${EST}; CBS (cbs.nl, 2024-03): statushouders kregen 6% (2021) en 7% (2022) van alle corporatieverhuringen`,
    "landelijk aandeel 2022 (7%) voor elke gemeente en elk jaar; lokale taakstellingen staan in public-figures.csv"]));

// suitable.csv: share of the lettings left after competing claims that suits urgent seekers.
const suitable = [line(["municipality", "year", "share", "status", "source", "note"])];
for (const m of agreement)
  suitable.push(line([m.code, 2024, 0.85, "estimate", `${EST}; te vervangen door WoningNet Eemvallei-rapportage of CBS 85980NED`,
    "aanname: 15% van de verhuringen past niet bij urgenten (te groot of te duur, of gelabeld voor ouderen of jongeren)"]));

// public-figures.csv: every published figure found, for reference and to check estimates against.
const publicFigures = [line(["id", "area", "indicator", "year", "value", "unit", "status", "source", "note"])];
const fig = (id: string, area: string, indicator: string, year: number, value: number, unit: string, status: string, source: string, note = "") =>
  publicFigures.push(line([id, area, indicator, year, value, unit, status, source, note]));
fig("amersfoort_inhabitants_2023", "GM0307", "inhabitants", 2023, 160800, "persons", "published", "amersfoortincijfers.nl, bevolking 1-1-2023", "161.852 op 1-7-2024");
fig("amersfoort_inhabitants_2024", "GM0307", "inhabitants", 2024, 161825, "persons", "published", "CBS, bevolking 1-1-2024, via nl.wikipedia.org (Amersfoort)");
fig("amersfoort_inhabitants_2021", "GM0307", "inhabitants", 2021, 157448, "persons", "published", "amersfoort.jaarverslag-2020.nl, 1-1-2021");
fig("amersfoort_households_2021", "GM0307", "households", 2021, 70556, "households", "published", "amersfoort.jaarverslag-2020.nl, 1-1-2021", "2,23 personen per huishouden");
fig("leusden_inhabitants_2023", "GM0327", "inhabitants", 2023, 31488, "persons", "published", "CBS, bevolking 1-1-2023, via de.wikipedia.org (Leusden)");
fig("amersfoort_corporation_share", "GM0307", "corporation_share", 2023, 0.29, "share of dwellings", "published", "destadsbron.nl (2023)");
fig("utrecht_corporation_share", "NL", "corporation_share_utrecht_province", 2023, 0.269, "share of dwellings", "derived", "CBS 82900NED: provincie Utrecht 163.310 corporatiewoningen van 608.195 woningen (2023)", "163.310 / 608.195");
fig("baarn_social_stock_2019", "GM0308", "social_stock", 2019, 2775, "homes", "published", "gemeente Baarn, Visie Wonen 2019 (baarn.nl)", "doel 3.000 in 2025");
fig("baarn_social_stock_aim_2025", "GM0308", "social_stock_aim", 2025, 3000, "homes", "published", "gemeente Baarn, Visie Wonen 2019 (baarn.nl)");
fig("eemnes_social_stock_2016", "GM0317", "social_stock", 2016, 742, "homes", "published", "gooieneemlander.nl, 2016-09");
fig("eemnes_social_stock_2017", "GM0317", "social_stock", 2017, 850, "homes", "published", "de-alliantie.nl (2017)", "ongeveer");
fig("eemnes_new_build_2023", "GM0317", "new_build", 2023, 100, "homes", "published", "nhnieuws.nl, 2023-03", "meer dan 100");
fig("woudenberg_lettings_2024", "GM0351", "lettings", 2024, 70, "homes", "published", "De Woudenberger, 8-7-2025");
fig("woudenberg_local_share_2024", "GM0351", "lettings_to_own_inhabitants", 2024, 0.33, "share of lettings", "published", "De Woudenberger, 8-7-2025", "39% regionaal, 29% van buiten de regio");
fig("woudenberg_regional_share_2024", "GM0351", "lettings_to_region", 2024, 0.39, "share of lettings", "published", "De Woudenberger, 8-7-2025");
fig("woudenberg_outside_share_2024", "GM0351", "lettings_to_outside_region", 2024, 0.29, "share of lettings", "published", "De Woudenberger, 8-7-2025");
fig("eemnes_local_share_2024", "GM0317", "lettings_to_own_inhabitants", 2024, 0.53, "share of lettings", "published", "De Woudenberger, 2025-07");
fig("leusden_local_share_2024", "GM0327", "lettings_to_own_inhabitants", 2024, 0.43, "share of lettings", "published", "De Woudenberger, 2025-07");
fig("baarn_lettings", "GM0308", "lettings", 2024, 100, "homes per year", "published", "PvdA Baarn (ongedateerd)", "ongeveer; ca. 2.500 ingeschreven woningzoekenden, 500 actief");
fig("region_lettings", "regio", "lettings", 2025, 2389, "homes per year", "derived", "Fair share afspraken Regio Amersfoort: 227 plaatsingen = ca. 9,5% van de vrijkomende sociale huurwoningen", "227 / 0,095");
fig("amersfoort_new_social_rent", "GM0307", "new_build", 2025, 320, "homes per year", "published", NU_2021, "minstens, tot 2030");
fig("amersfoort_new_social_rent_2021", "GM0307", "new_build", 2021, 320, "homes", "published", NU_2022, "netto");
fig("amersfoort_shelter_reservation", "GM0307", "reservation_young_leaving_shelter", 2021, 0.05, "share of lettings", "published", "nu.nl (Amersfoort), 2021-04: prestatieafspraken", "5% voor jongeren uit de opvang");
fig("amersfoort_waiting_time_2022", "GM0307", "waiting_time", 2022, 7, "years", "published", "nu.nl (Amersfoort), 2022-09", "meer dan 7 jaar");
fig("amersfoort_urgency_applications_2019", "GM0307", "urgency_applications", 2019, 80, "applications", "published", "urgentiecommissie.nl (2019)");
fig("amersfoort_urgency_decisions_2019", "GM0307", "urgency_decisions", 2019, 98, "decisions", "published", "urgentiecommissie.nl (2019)");
fig("woondeal_homes", "regio", "woondeal_homes_2022_2030", 2023, 27000, "homes", "published", "bureauregioamersfoort.nl, 13-3-2023: Woondeal 2022-2030 Regio Amersfoort");
fig("swev_social_total", "regio", "swev_social_to_2030", 2022, 6000, "homes", "published", SWEV, "ongeveer, Utrechts deel");
fig("swev_rentals_total", "regio", "swev_rentals_to_2030", 2022, 7500, "homes", "published", SWEV, "ongeveer");
fig("swev_amersfoort", "GM0307", "swev_social_to_2030", 2022, 5000, "homes", "published", SWEV);
fig("swev_soest", "GM0342", "swev_social_to_2030", 2022, 900, "homes", "published", SWEV);
fig("swev_other_low", "regio", "swev_social_to_2030_each_other_low", 2022, 100, "homes", "published", SWEV, "per andere gemeente, ondergrens");
fig("swev_other_high", "regio", "swev_social_to_2030_each_other_high", 2022, 500, "homes", "published", SWEV, "per andere gemeente, bovengrens");
fig("nijkerk_new_social_rent_2022", "GM0267", "new_build", 2022, 37, "homes", "published", "nijkerkerveen.org", "netto");
fig("nijkerk_new_social_rent_2025", "GM0267", "new_build", 2025, 75, "homes per year", "published", "a1mediagroep.nl, 2025-02", "verwacht 2025-2027");
fig("nijkerk_waiting_time", "GM0267", "waiting_time", 2025, 8.5, "years", "published", "a1mediagroep.nl, 2025-02");
fig("soest_planned_2024_2026_a", "GM0342", "new_build_planned_2024_2026", 2024, 162, "homes", "published", "soesterberg.nu (2024)");
fig("soest_planned_2024_2026_b", "GM0342", "new_build_planned_2024_2026", 2024, 213, "homes", "published", "soesterberg.nu (2024)");
fig("soest_planned_to_2030", "GM0342", "new_build_planned_2027_2030", 2024, 255, "homes", "published", "soesterberg.nu (2024)");
fig("statushouders_share_2021", "NL", "statushouder_share_of_lettings", 2021, 0.06, "share of lettings", "published", "CBS (cbs.nl), 2024-03");
fig("statushouders_share_2022", "NL", "statushouder_share_of_lettings", 2022, 0.07, "share of lettings", "published", "CBS (cbs.nl), 2024-03");
fig("statushouders_task_region_2023h2", "regio", "statushouder_task_half_year", 2023, 664, "persons", "published", "ad.nl, 2023-08", "tweede helft 2023");
fig("statushouders_task_nijkerk_2023h2", "GM0267", "statushouder_task_half_year", 2023, 84, "persons", "published", "veluwefm.nl (2023)", "tweede helft 2023");
fig("statushouders_task_amersfoort_2021h1", "GM0307", "statushouder_task_half_year", 2021, 121, "persons", "published", "cda.nl (Amersfoort, 2021)", "eerste helft 2021");
fig("statushouders_task_baarn_2018h1", "GM0308", "statushouder_task_half_year", 2018, 38, "persons", "published", "gooieneemlander.nl (2018)", "eerste helft 2018; 19 gehuisvest op 1 juli");
fig("statushouders_task_soest_2018h1", "GM0342", "statushouder_task_half_year", 2018, 64, "persons", "published", "gooieneemlander.nl (2018)", "eerste helft 2018; 41 gehuisvest op 1 juli");
fig("statushouders_task_bunschoten_2018h1", "GM0313", "statushouder_task_half_year", 2018, 38, "persons", "published", "gooieneemlander.nl (2018)", "eerste helft 2018; 7 gehuisvest op 1 juli");
fig("population_growth_amersfoort", "GM0307", "population_growth_to_2035", 2022, 0.083, "share", "published", "CBS/PBL regionale prognose via nu.nl, 2022-07", "bandbreedte 4-12%");
fig("population_growth_bunschoten", "GM0313", "population_growth_to_2035", 2022, 0.136, "share", "published", "CBS/PBL regionale prognose via bdumedia (2022)");
fig("population_growth_woudenberg", "GM0351", "population_growth_to_2035", 2022, 0.195, "share", "published", "CBS/PBL regionale prognose via bdumedia (2022)");
fig("ramp_region", "regio", "placements_agreed", 2025, 227, "persons per year", "published", "Fair share afspraken Regio Amersfoort", "2025-2030; Amersfoort 135 (2025-2026), 108 (2027-2030)");

const outputs: Record<string, string[]> = {
  "municipalities.csv": municipalities, "municipal-figures.csv": figures, "vacancies.csv": vacancies,
  "groups.csv": groups, "prognosis.csv": prognosis, "newbuild.csv": newbuild, "claims.csv": claims,
  "suitable.csv": suitable, "public-figures.csv": publicFigures
};
if (process.argv.includes("--write")) {
  // A CSV that no longer equals its generated estimate has been edited (a published figure, a correction): refuse
  // to destroy that work unless told to, and check every file before writing any.
  const edited = Object.entries(outputs)
    .filter(([file, lines]) => existsSync(new URL(file, dir)) && readFileSync(new URL(file, dir), "utf8") !== lines.join("\n") + "\n")
    .map(([file]) => `data/${file}`);
  if (edited.length > 0 && !process.argv.includes("--force")) {
    console.error(`Not written: ${edited.join(", ")} ${edited.length === 1 ? "differs" : "differ"} from the generated estimates (edited since).`);
    console.error("Overwriting would lose those edits; add --force only if that is what you want.");
    process.exit(1);
  }
  for (const [file, lines] of Object.entries(outputs)) writeFileSync(new URL(file, dir), lines.join("\n") + "\n");
}

console.log("vacancies, 8 municipalities, per year:", totals);
for (const m of agreement) {
  const s = stock(m);
  console.log(m.name.padEnd(11), "stock", s, "turnover", pct(m.turnover), "mean lettings 2019-2024 ~", m.lettings || WOUDENBERG_2024);
}
console.log("central prognosis, origin per year:", Object.fromEntries(PYEARS.map((y) => [y, origin[y]])));
console.log("Amersfoort origin share:", PYEARS.map((y) => pct(origin[y]!["GM0307"]! / 227)).join(" "));
