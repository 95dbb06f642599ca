// Checks across rows and across datasets: references to known municipalities and groups, complete series without
// gaps, complete prognosis cells and ordered variants. Each check appends issues and never throws.
import type {Issue} from "./errors.ts";
import type {Located} from "./rows.ts";
import {VARIANTS, type Variant} from "./types.ts";

/** What checks need to know about a municipality. */
export interface KnownMunicipality {
  readonly code: string;
  readonly name: string;
  readonly inAgreement: boolean;
}

const label = (m: KnownMunicipality): string => `${m.name} (${m.code})`;

/**
 * Report rows whose municipality code is not in municipalities.csv (or, with `agreementOnly`, not in the agreement).
 *
 * @example
 * checkKnownMunicipalities(file, vacancies, "municipality", known, false, issues);
 */
export function checkKnownMunicipalities<T extends Record<K, string>, K extends string>(
  file: string,
  rows: readonly Located<T>[],
  column: K,
  known: ReadonlyMap<string, KnownMunicipality>,
  agreementOnly: boolean,
  issues: Issue[]
): void {
  const codes = [...known.keys()].join(", ");
  for (const {line, row} of rows) {
    const code = row[column];
    const m = known.get(code);
    if (!m) issues.push({file, line, column, value: code, expected: `een gemeentecode uit municipalities.csv (${codes}); deze code is onbekend`});
    else if (agreementOnly && !m.inAgreement)
      issues.push({file, line, column, value: code, expected: `een gemeente die meedoet aan de afspraak; ${label(m)} doet niet mee (in_agreement = false)`});
  }
}

/**
 * Report prognosis rows whose group id is not in groups.csv.
 *
 * @example
 * checkKnownGroups(file, prognosis, new Set(["mo", "bw"]), issues);
 */
export function checkKnownGroups(file: string, rows: readonly Located<{group: string}>[], known: ReadonlySet<string>, issues: Issue[]): void {
  for (const {line, row} of rows)
    if (!known.has(row.group))
      issues.push({file, line, column: "group", value: row.group, expected: `een groep-id uit groups.csv (${[...known].join(", ")}); deze groep is onbekend`});
}

/**
 * Every municipality in the agreement needs a row for every year of the series (the union of all years, with no
 * gaps); a municipality outside the agreement, if present, needs a gapless run of its own years.
 *
 * @example
 * checkYearSeries("data/vacancies.csv", vacancies, municipalities, issues);
 */
export function checkYearSeries(
  file: string,
  rows: readonly Located<{municipality: string; year: number}>[],
  municipalities: readonly KnownMunicipality[],
  issues: Issue[]
): void {
  const inAgreement = rows.filter((r) => municipalities.some((m) => m.code === r.row.municipality && m.inAgreement));
  const years = inAgreement.map((r) => r.row.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  for (const m of municipalities) {
    const own = rows.filter((r) => r.row.municipality === m.code).sort((a, b) => a.row.year - b.row.year);
    if (own.length === 0) {
      if (m.inAgreement)
        issues.push({file, column: "municipality", value: m.code,
          expected: `rijen voor ${label(m)} voor ${yearsText(first, last)} (deze gemeente ontbreekt in het bestand)`});
      continue;
    }
    const [from, to] = m.inAgreement ? [first, last] : [own[0]!.row.year, own[own.length - 1]!.row.year];
    for (let y = from; y <= to; y++) {
      if (own.some((r) => r.row.year === y)) continue;
      // Point at the row where the missing year should have been: the next year present, else the last row.
      const next = own.find((r) => r.row.year > y) ?? own[own.length - 1]!;
      issues.push({file, line: next.line, column: "year", value: String(next.row.year),
        expected: `ook een rij voor ${label(m)} in ${y}: elke gemeente heeft één rij per jaar ${yearsText(from, to)}, zonder gaten (jaar ${y} ontbreekt)`});
    }
  }
}

// With no rows at all there is no range to name (Math.min of nothing is Infinity).
const yearsText = (from: number, to: number): string =>
  !Number.isFinite(from) ? "elk jaar van de reeks" : from === to ? `${from}` : `${from}-${to}`;

/**
 * Every municipality needs one figure per indicator.
 *
 * @example
 * checkFiguresComplete(file, figures, municipalities, ["inhabitants", "households"], issues);
 */
export function checkFiguresComplete(
  file: string,
  rows: readonly Located<{municipality: string; indicator: string}>[],
  municipalities: readonly KnownMunicipality[],
  indicators: readonly string[],
  issues: Issue[]
): void {
  for (const m of municipalities)
    for (const indicator of indicators)
      if (!rows.some((r) => r.row.municipality === m.code && r.row.indicator === indicator))
        issues.push({file, column: "indicator", value: indicator, expected: `een rij voor ${label(m)} met indicator ${indicator} (ontbreekt)`});
}

interface PrognosisCell {
  readonly group: string;
  readonly origin: string;
  readonly year: number;
  readonly variant: Variant;
  readonly placements: number;
}

/**
 * The prognosis must have every group × origin (in the agreement) × year × variant. A group or origin without any
 * row is reported once, not once per missing cell.
 *
 * @example
 * checkPrognosisComplete(file, prognosis, ["mo", "bw"], municipalities, issues);
 */
export function checkPrognosisComplete(
  file: string,
  rows: readonly Located<PrognosisCell>[],
  groups: readonly string[],
  municipalities: readonly KnownMunicipality[],
  issues: Issue[]
): void {
  const years = rows.map((r) => r.row.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const have = new Set(rows.map((r) => `${r.row.group}|${r.row.origin}|${r.row.year}|${r.row.variant}`));
  const origins = municipalities.filter((m) => m.inAgreement);
  const emptyGroups = groups.filter((g) => !rows.some((r) => r.row.group === g));
  const emptyOrigins = origins.filter((m) => !rows.some((r) => r.row.origin === m.code));
  for (const g of emptyGroups)
    issues.push({file, column: "group", value: g, expected: `rijen voor groep ${g} (uit groups.csv) voor elke herkomstgemeente, elk jaar ${yearsText(first, last)} en elke variant (de groep ontbreekt)`});
  for (const m of emptyOrigins)
    issues.push({file, column: "origin", value: m.code, expected: `rijen met herkomst ${label(m)} voor elke groep, elk jaar ${yearsText(first, last)} en elke variant (de gemeente ontbreekt)`});
  for (const g of groups) {
    if (emptyGroups.includes(g)) continue;
    for (const m of origins) {
      if (emptyOrigins.includes(m)) continue;
      for (let y = first; y <= last; y++)
        for (const v of VARIANTS)
          if (!have.has(`${g}|${m.code}|${y}|${v}`))
            issues.push({file, column: "variant", value: v,
              expected: `een rij voor groep ${g}, herkomst ${label(m)}, jaar ${y}, variant ${v} (ontbreekt; de prognose moet compleet zijn)`});
    }
  }
}

/**
 * Within each cell, low ≤ central ≤ high; the offending low or high row is reported with the central row's line.
 *
 * @example
 * checkVariantOrder(file, prognosis, issues);
 */
export function checkVariantOrder(file: string, rows: readonly Located<PrognosisCell>[], issues: Issue[]): void {
  const central = new Map<string, Located<PrognosisCell>>();
  const key = (r: PrognosisCell): string => `${r.group}|${r.origin}|${r.year}`;
  for (const r of rows) if (r.row.variant === "central") central.set(key(r.row), r);
  for (const r of rows) {
    const c = central.get(key(r.row));
    if (!c || r.row.variant === "central") continue;
    const bad = r.row.variant === "low" ? r.row.placements > c.row.placements : r.row.placements < c.row.placements;
    if (bad)
      issues.push({file, line: r.line, column: "placements", value: String(r.row.placements),
        expected: `${r.row.variant === "low" ? "hoogstens" : "minstens"} de centrale variant (${c.row.placements}, regel ${c.line}): laag ≤ centraal ≤ hoog`});
  }
}

/**
 * Every municipality in the agreement needs at least one row (a figure per municipality, such as the suitable share).
 *
 * @example
 * checkEveryMember("data/suitable.csv", suitable, municipalities, issues);
 */
export function checkEveryMember(
  file: string,
  rows: readonly Located<{municipality: string}>[],
  municipalities: readonly KnownMunicipality[],
  issues: Issue[]
): void {
  for (const m of municipalities)
    if (m.inAgreement && !rows.some((r) => r.row.municipality === m.code))
      issues.push({file, column: "municipality", value: m.code, expected: `een rij voor ${label(m)} (deze gemeente ontbreekt in het bestand)`});
}
