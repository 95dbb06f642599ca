// A record of how the first estimates in data/*.csv were made (2025). It is kept so anyone can check or redo the
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
  corporationShare: number; // share of dwellings owned by housing associations (estimate)
  turnover: number; // 2024 lettings / corporation stock (estimate, or derived where published)
}

const cbsWiki = (lang: string, date: string) => `CBS, bevolking ${date}, via ${lang}.wikipedia.org (geraadpleegd 2025)`;
const MUNIS: Muni[] = [
  {code: "GM0307", name: "Amersfoort", province: "Utrecht", inAgreement: true, inhabitants: 160800, inhabitantsYear: 2023,
    inhabitantsSource: "amersfoortincijfers.nl, bevolking 1-1-2023 (161.852 op 1-7-2024)", householdSize: 2.25, corporationShare: 0.31, turnover: 0.057},
  {code: "GM0308", name: "Baarn", province: "Utrecht", inAgreement: true, inhabitants: 25062, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.18, corporationShare: 0.27, turnover: 0.031},
  {code: "GM0313", name: "Bunschoten", province: "Utrecht", inAgreement: true, inhabitants: 22620, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.6, corporationShare: 0.24, turnover: 0.048},
  {code: "GM0317", name: "Eemnes", province: "Utrecht", inAgreement: true, inhabitants: 9757, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("nl", "1-1-2024"), householdSize: 2.4, corporationShare: 0.25, turnover: 0.05},
  {code: "GM0327", name: "Leusden", province: "Utrecht", inAgreement: true, inhabitants: 31669, inhabitantsYear: 2024,
    inhabitantsSource: cbsWiki("de", "1-1-2024"), householdSize: 2.3, corporationShare: 0.24, turnover: 0.052},
  {code: "GM0267", name: "Nijkerk", province: "Gelderland", inAgreement: true, inhabitants: 45361, inhabitantsYear: 2024,
    inhabitantsSource: "CBS, bevolking 2024, via a1mediagroep.nl (15-8-2024)", householdSize: 2.45, corporationShare: 0.28, turnover: 0.05},
  {code: "GM0342", name: "Soest", province: "Utrecht", inAgreement: true, inhabitants: 46906, inhabitantsYear: 2021,
    inhabitantsSource: cbsWiki("en", "1-1-2021"), householdSize: 2.2, corporationShare: 0.26, turnover: 0.05},
  {code: "GM0351", name: "Woudenberg", province: "Utrecht", inAgreement: true, inhabitants: 13633, inhabitantsYear: 2021,
    inhabitantsSource: cbsWiki("de", "1-1-2021"), householdSize: 2.55, corporationShare: 0.22, turnover: 0},
  {code: "GM0203", name: "Barneveld", province: "Gelderland", inAgreement: false, inhabitants: 62592, inhabitantsYear: 2024,
    inhabitantsSource: "CBS, bevolking 2024, via a1mediagroep.nl (15-8-2024)", householdSize: 2.65, corporationShare: 0.19, turnover: 0.05}
];
const DWELLINGS_PER_HOUSEHOLD = 1.02;
const WOUDENBERG_2024 = 70; // published: De Woudenberger, 2025-07-08
const SRC_WOUDENBERG = "De Woudenberger, 8-7-2025: 70 vrijgekomen sociale huurwoningen in 2024";

const households = (m: Muni) => Math.round(m.inhabitants / m.householdSize);
const dwellings = (m: Muni) => Math.round(households(m) * DWELLINGS_PER_HOUSEHOLD);
const stock = (m: Muni) => Math.round(dwellings(m) * m.corporationShare);
for (const m of MUNIS) if (m.code === "GM0351") m.turnover = WOUDENBERG_2024 / stock(m);

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const line = (cells: (string | number)[]) => cells.map((c) => q(String(c))).join(",");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// municipalities.csv
const municipalities = [line(["code", "name", "province", "in_agreement", "year", "status", "source", "note"])];
for (const m of MUNIS)
  municipalities.push(line([m.code, m.name, m.province, String(m.inAgreement), 2024, "published",
    `CBS, Gemeentelijke indeling op 1 januari 2024; deelname: Fair share afspraken Regio Amersfoort (2024)`, ""]));

// municipal-figures.csv
const figures = [line(["municipality", "indicator", "year", "value", "status", "source", "note"])];
for (const m of MUNIS) {
  figures.push(line([m.code, "inhabitants", m.inhabitantsYear, m.inhabitants, "published", m.inhabitantsSource, ""]));
  figures.push(line([m.code, "households", m.inhabitantsYear, households(m), "estimate", "fairshare-schatting op basis van inwoners (zie bron inwoners)",
    `inwoners ${m.inhabitants} / ${m.householdSize} personen per huishouden (geschatte gemiddelde huishoudensgrootte)`]));
  figures.push(line([m.code, "dwellings", m.inhabitantsYear, dwellings(m), "estimate", "fairshare-schatting op basis van huishoudens",
    `huishoudens ${households(m)} x ${DWELLINGS_PER_HOUSEHOLD} woningen per huishouden`]));
  figures.push(line([m.code, "social_stock", 2024, stock(m), "estimate", "fairshare-schatting; provincie Utrecht 2023: 26,9% corporatiebezit (CBS 82900NED)",
    `woningen ${dwellings(m)} x ${pct(m.corporationShare)} geschat corporatieaandeel`]));
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
    const v = Math.round(stock(m) * m.turnover * TREND[y]! * dev);
    const src = m.code === "GM0351" ? `fairshare-schatting; mutatiegraad afgeleid uit ${SRC_WOUDENBERG}`
      : m.code === "GM0308" ? "fairshare-schatting; gekalibreerd op 'ongeveer 100 per jaar' (PvdA Baarn, ongedateerd)"
      : "fairshare-schatting; regio ca. 2.390 per jaar = 227 / 9,5% (Fair share afspraken Regio Amersfoort)";
    vacancies.push(line([m.code, y, v, "estimate", src,
      `corporatiebezit ${stock(m)} x mutatiegraad ${pct(m.turnover)} x jaartrend ${TREND[y]} x afwijking ${dev}`]));
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
        low: `laag: groepstotaal ${Math.round(total * LOW)} (= ${total} x ${LOW}) verdeeld naar centraal`,
        central: `centraal: groepstotaal ${total} verdeeld naar inwoners x factor ${m.code === "GM0307" ? AMERSFOORT_FACTOR[g.id] : 1}`,
        high: `hoog: groepstotaal ${Math.round(total * HIGH)} (= ${total} x ${HIGH}) verdeeld naar centraal`
      };
      for (const [variant, cells] of [["low", low], ["central", central], ["high", high]] as const)
        prognosis.push(line([g.id, m.code, y, variant, cells[k]!, "estimate", SRC_P, notes[variant]]));
    });
  });
}

const outputs: Record<string, string[]> = {
  "municipalities.csv": municipalities, "municipal-figures.csv": figures, "vacancies.csv": vacancies,
  "groups.csv": groups, "prognosis.csv": prognosis
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
  console.log(m.name.padEnd(11), "stock", s, "2024 vacancies ~", Math.round(s * m.turnover));
}
console.log("central prognosis, origin per year:", Object.fromEntries(PYEARS.map((y) => [y, origin[y]])));
console.log("Amersfoort origin share:", PYEARS.map((y) => pct(origin[y]!["GM0307"]! / 227)).join(" "));
