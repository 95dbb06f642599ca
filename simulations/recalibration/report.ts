// The short Markdown report written beside each calibration version: what changed per municipality compared with
// the previous version (or with the prior, for the first), which realised figures and corrections it used.
import type {MonitoringData} from "../../loaders/monitoring.ts";
import type {Calibration, GammaBelief} from "../model/calibration.ts";
import {gammaMean, predictiveTable, tableQuantile} from "./gamma-poisson.ts";
import type {BeliefTrace, Recalibration} from "./recalibrate.ts";

const nl = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const nl0 = new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 0});
const nl2 = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});
const pct = new Intl.NumberFormat("nl-NL", {style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero"});

/** "1.319 (1.247–1.392)": the expected yearly count and next year's predictive P5–P95. */
function describe(b: GammaBelief): string {
  const t = predictiveTable(b);
  return `${nl.format(gammaMean(b))} (${nl0.format(tableQuantile(t, 0.05))}–${nl0.format(tableQuantile(t, 0.95))})`;
}

function change(from: GammaBelief, to: GammaBelief): string {
  return pct.format(gammaMean(to) / gammaMean(from) - 1);
}

/** Dutch labels of the monitoring metrics. */
export const METRIC_LABELS: Record<string, string> = {
  vacancies: "vrijgekomen woningen",
  placements: "plaatsingen",
  inflow: "instroom",
  backlog: "wachtenden eind jaar"
};

/** Dutch labels of the monitoring statuses. */
export const STATUS_LABELS: Record<string, string> = {
  final: "definitief",
  provisional: "voorlopig",
  estimate: "geschat",
  example: "VOORBEELD (fictief)"
};

export interface ReportInput {
  readonly recalibration: Recalibration;
  readonly monitoring: MonitoringData;
  /** The version this one is compared with; undefined for the first calibration (compared with the prior). */
  readonly previous?: {readonly calibration: Calibration; readonly file: string};
}

/**
 * The Markdown report of a recalibration (Dutch, for the monitoring team).
 *
 * @example
 * const md = recalibrationReport({recalibration, monitoring, previous});
 */
export function recalibrationReport({recalibration, monitoring, previous}: ReportInput): string {
  const {calibration: cal, municipalities, statuses} = recalibration;
  const last = cal.realisedYears.at(-1)!;
  const out: string[] = [];
  out.push(`# Herijking ${cal.version}`, "");
  out.push(`- Gemaakt: ${cal.createdAt}`);
  out.push(`- Gerealiseerde jaren: ${cal.realisedYears.join(", ")}; de prognose loopt vanaf ${cal.startYear} en start bij de wachtenden eind ${last}.`);
  out.push(`- Vergeleken met: ${previous ? `vorige versie ${previous.calibration.version} (${previous.file})` : "de prior (er is geen eerdere versie)"}.`);
  out.push(`- Status van de gebruikte cijfers: ${statuses.map((s) => STATUS_LABELS[s] ?? s).join(", ")}.`);
  if (statuses.includes("example")) {
    out.push("", "> **Let op: deze herijking rust (deels) op VOORBEELDCIJFERS** (status `example`). Gebruik haar niet voor", "> besluiten; vervang de voorbeeldrijen in `data/monitoring/` door echte realisatie en herijk opnieuw.");
  } else if (statuses.some((s) => s !== "final")) {
    out.push("", "> Een deel van de gebruikte cijfers is voorlopig of geschat; een correctie geeft een nieuwe versie.");
  }
  const corrections = monitoring.trail.filter((r) => r.revision > 0 && r.year <= last);
  out.push("", "## Correcties in de gebruikte cijfers", "");
  if (corrections.length === 0) out.push("Geen.");
  for (const c of corrections) {
    const before = monitoring.trail.find((r) => r.year === c.year && r.municipality === c.municipality && r.metric === c.metric && r.group === c.group && r.revision === c.revision - 1)!;
    const name = municipalities.find((m) => m.code === c.municipality)?.name ?? c.municipality;
    out.push(`- ${c.year} ${name}, ${METRIC_LABELS[c.metric] ?? c.metric}${c.group === "all" ? "" : ` (${c.group})`}: ${nl0.format(before.value)} → ${nl0.format(c.value)}, vastgelegd ${c.recordedOn}${c.current ? "" : " (later opnieuw gecorrigeerd)"}: ${c.reason}`);
  }

  const table = (title: string, what: "vacancies" | "inflow", explain: string) => {
    out.push("", `## ${title}`, "", explain, "");
    out.push(`| gemeente | prior | ${previous ? `vorige (${previous.calibration.version}) | ` : ""}nieuw (${cal.version}) | gerealiseerd | verandering | gedeelde aanname (pseudo-jaren) | φ |`);
    out.push(`|---|---|${previous ? "---|" : ""}---|---|---|---|---|`);
    for (const m of municipalities) {
      const trace: BeliefTrace = m[what];
      const before = previous?.calibration.municipalities[m.code]?.[what];
      const base = before ?? trace.prior.belief;
      const observed = trace.observed.map((o) => `${o.year}: ${nl0.format(o.value)}`).join("; ");
      out.push(`| ${m.name} | ${describe(trace.prior.belief)} | ${previous ? `${before ? describe(before) : "–"} | ` : ""}${describe(trace.posterior)} | ${observed} | ${change(base, trace.posterior)} | ${nl2.format(trace.prior.strength)} | ${nl2.format(trace.dispersion)} |`);
    }
  };
  const trendPct = new Intl.NumberFormat("nl-NL", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero"});
  table("Vrijkomende sociale huurwoningen per jaar", "vacancies",
    `Verwachting per jaar over ${cal.startYear}–2030 en tussen haakjes de band P5–P95 voor één jaar. "Prior": alleen de reeks vrijkomende woningen vóór ${cal.realisedYears[0]}; "nieuw": reeks plus gerealiseerde jaren. Regionale trend ${trendPct.format(Math.expm1(recalibration.trend.mean))} per jaar (sd ${nl.format(100 * recalibration.trend.sd)} procentpunt); gepoolde dispersie-index ${nl.format(recalibration.dispersion)}.`);
  table("Urgente instroom per herkomstgemeente per jaar", "inflow",
    "Verwachting per jaar (alle groepen samen) en de band P5–P95 voor één jaar. Prior uit de Companen-prognose (centraal; laag–hoog als 90%-interval van de regionale verhouding gerealiseerd/prognose).");

  out.push("", "## Terugkeeraandeel per groep (instroom = uitstroom)", "");
  out.push("| groep | aanname | teruggekeerd / instroom | nieuw |", "|---|---|---|---|");
  for (const r of recalibration.returnShares) {
    const mean = (b: {shape1: number; shape2: number}) => b.shape1 / (b.shape1 + b.shape2);
    out.push(`| ${r.group} | ${nl.format(100 * mean(r.prior))}% | ${r.inflow === 0 ? "geen gegevens" : `${nl0.format(r.returners)} / ${nl0.format(r.inflow)}`} | ${nl.format(100 * mean(r.posterior))}% |`);
  }

  out.push("", `## Wachtenden eind ${last} (startpunt van de prognose)`, "");
  out.push(`| gemeente | ${previous ? `vorige (${previous.calibration.version}) | ` : ""}nieuw |`, `|---|${previous ? "---|" : ""}---|`);
  for (const m of municipalities) {
    const before = previous?.calibration.municipalities[m.code]?.backlog;
    out.push(`| ${m.name} | ${previous ? `${before === undefined ? "–" : nl0.format(before)} | ` : ""}${nl0.format(m.backlog)} |`);
  }
  out.push("", "## Methode", "",
    "Gepoold Gamma-Poisson-model: per gemeente een eigen niveau (mutatiegraad op de voorraad, of verhouding gerealiseerd/prognose),",
    "getrokken uit een gedeelde Gamma-verdeling die uit de acht gemeenten samen wordt geschat; een regionale trend bij de",
    "vrijkomende woningen; en per gemeente een overdispersie φ ≥ 1 (spreiding van jaar op jaar boven Poisson).",
    "Het terugkeeraandeel per groep is beta-binomiaal: de aanname telt als 20 personen.",
    "Zie `simulations/recalibration/README.md` en de pagina Monitoring.", "");
  return out.join("\n");
}
