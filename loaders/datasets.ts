// loadDatasets: read every CSV in data/, validate rows and the links between datasets, and return frozen typed data.
// Problems are collected over all files and thrown together as one DatasetError; nothing partial is returned.
import {existsSync} from "node:fs";
import {isAbsolute, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {
  checkFiguresComplete,
  checkKnownGroups,
  checkKnownMunicipalities,
  checkPrognosisComplete,
  checkVariantOrder,
  checkYearSeries,
  checkEveryMember,
  type KnownMunicipality
} from "./checks.ts";
import {DatasetError, type Issue} from "./errors.ts";
import {deepFreeze} from "./freeze.ts";
import {FIGURES_FILE, INDICATORS, type FigureRow, readFigures} from "./municipal-figures.ts";
import {MUNICIPALITIES_FILE, readMunicipalities} from "./municipalities.ts";
import {GROUPS_FILE, readGroups} from "./groups.ts";
import {PROGNOSIS_FILE, readPrognosis} from "./prognosis.ts";
import {VACANCIES_FILE, readVacancies} from "./vacancies.ts";
import {NEWBUILD_FILE, readNewBuild} from "./newbuild.ts";
import {CLAIMS_FILE, SUITABLE_FILE, readShares} from "./shares.ts";
import {PUBLIC_FIGURES_FILE, readPublicFigures} from "./public-figures.ts";
import {VARIANTS, type Datasets, type Figure, type Municipality, type Provenance} from "./types.ts";

/**
 * Load, validate and deep-freeze every dataset in `dataDir` (a path relative to the working directory, an absolute
 * path or a file URL). Throws a `DatasetError` listing every problem found (file, line, column, value, what was
 * expected); returns nothing partial. Synchronous, so the engine, the CLI and Framework loaders can call it alike.
 *
 * @example
 * const {municipalities, vacancies, groups, prognosis} = loadDatasets("data");
 * municipalities.filter((m) => m.inAgreement).length; // 8
 */
export function loadDatasets(dataDir: string | URL = "data"): Datasets {
  const dir = dataDir instanceof URL ? fileURLToPath(dataDir) : dataDir;
  const issues: Issue[] = [];
  const at = (name: string): [string, string] => [join(dir, name), display(join(dir, name))];
  const count = (file: string): number => issues.filter((i) => i.file === file).length;

  // Phase 1: each file on its own, then references to municipalities and groups (only when those files are sound,
  // so that one broken file does not make every other file look wrong).
  const [mPath, mFile] = at(MUNICIPALITIES_FILE);
  const municipalityRows = readMunicipalities(mPath, mFile, issues);
  const [fPath, fFile] = at(FIGURES_FILE);
  const figureRows = readFigures(fPath, fFile, issues);
  const [vPath, vFile] = at(VACANCIES_FILE);
  const vacancyRows = readVacancies(vPath, vFile, issues);
  const [gPath, gFile] = at(GROUPS_FILE);
  const groupRows = readGroups(gPath, gFile, issues);
  const [pPath, pFile] = at(PROGNOSIS_FILE);
  const prognosisRows = readPrognosis(pPath, pFile, issues);
  // Supply datasets (new build, competing claims, suitable share) and the register of published figures: a file
  // that is absent means "none" (no new build, no claims, every letting suitable, no register).
  const optional = <T>(name: string, read: (path: string, file: string, issues: Issue[]) => T[]): [string, T[] | undefined] => {
    const [path, file] = at(name);
    return [file, existsSync(path) ? read(path, file, issues) : undefined];
  };
  const [nFile, newBuildRows] = optional(NEWBUILD_FILE, readNewBuild);
  const [cFile, claimRows] = optional(CLAIMS_FILE, readShares);
  const [sFile, suitableRows] = optional(SUITABLE_FILE, readShares);
  const [xFile, publicRows] = optional(PUBLIC_FIGURES_FILE, readPublicFigures);

  const known: KnownMunicipality[] = municipalityRows.map(({row}) => ({code: row.code, name: row.name, inAgreement: row.in_agreement}));
  const knownByCode = new Map(known.map((m) => [m.code, m]));
  if (count(mFile) === 0) {
    if (municipalityRows.length > 0 && !known.some((m) => m.inAgreement))
      issues.push({file: mFile, column: "in_agreement", expected: "minstens één gemeente met in_agreement = true"});
    checkKnownMunicipalities(fFile, figureRows, "municipality", knownByCode, false, issues);
    checkKnownMunicipalities(vFile, vacancyRows, "municipality", knownByCode, false, issues);
    checkKnownMunicipalities(pFile, prognosisRows, "origin", knownByCode, true, issues);
    if (newBuildRows) checkKnownMunicipalities(nFile, newBuildRows, "municipality", knownByCode, true, issues);
    if (claimRows) checkKnownMunicipalities(cFile, claimRows, "municipality", knownByCode, true, issues);
    if (suitableRows) checkKnownMunicipalities(sFile, suitableRows, "municipality", knownByCode, true, issues);
    if (publicRows) checkKnownMunicipalities(xFile, publicRows.filter((r) => r.row.area.startsWith("GM")) as {line: number; row: {area: string}}[], "area", knownByCode, false, issues);
  }
  if (count(gFile) === 0) checkKnownGroups(pFile, prognosisRows, new Set(groupRows.map((g) => g.row.id)), issues);
  checkVariantOrder(pFile, prognosisRows, issues);
  if (issues.length > 0) throw new DatasetError(issues);

  // Phase 2: completeness, which only makes sense once every row is known to be valid.
  checkFiguresComplete(fFile, figureRows, known, INDICATORS, issues);
  checkYearSeries(vFile, vacancyRows, known, issues);
  checkPrognosisComplete(pFile, prognosisRows, groupRows.map((g) => g.row.id), known, issues);
  if (newBuildRows) checkYearSeries(nFile, newBuildRows, known, issues);
  if (claimRows) checkYearSeries(cFile, claimRows, known, issues);
  if (suitableRows) checkEveryMember(sFile, suitableRows, known, issues);
  if (issues.length > 0) throw new DatasetError(issues);

  // Assemble in a fixed order (the order of municipalities.csv and groups.csv), whatever the order of the rows.
  const municipalityOrder = new Map(known.map((m, i) => [m.code, i]));
  const groupOrder = new Map(groupRows.map((g, i) => [g.row.id, i]));
  const figure = (code: string, indicator: FigureRow["indicator"]): Figure => {
    const r = figureRows.find((f) => f.row.municipality === code && f.row.indicator === indicator)!.row;
    return {value: r.value, year: r.year, ...provenanceOf(r)};
  };
  const municipalities: Municipality[] = municipalityRows.map(({row}) => ({
    code: row.code,
    name: row.name,
    province: row.province,
    inAgreement: row.in_agreement,
    inhabitants: figure(row.code, "inhabitants"),
    households: figure(row.code, "households"),
    dwellings: figure(row.code, "dwellings"),
    socialStock: figure(row.code, "social_stock"),
    provenance: {year: row.year, ...provenanceOf(row)}
  }));
  const vacancies = vacancyRows
    .map(({row}) => ({municipality: row.municipality, year: row.year, vacancies: row.vacancies, ...provenanceOf(row)}))
    .sort((a, b) => municipalityOrder.get(a.municipality)! - municipalityOrder.get(b.municipality)! || a.year - b.year);
  const groups = groupRows.map(({row}) => ({
    id: row.id,
    name: row.name,
    returnShare: {value: row.return_share, year: row.year, ...provenanceOf(row)}
  }));
  const prognosis = prognosisRows
    .map(({row}) => ({group: row.group, origin: row.origin, year: row.year, variant: row.variant, placements: row.placements, ...provenanceOf(row)}))
    .sort((a, b) =>
      groupOrder.get(a.group)! - groupOrder.get(b.group)! ||
      municipalityOrder.get(a.origin)! - municipalityOrder.get(b.origin)! ||
      a.year - b.year ||
      VARIANTS.indexOf(a.variant) - VARIANTS.indexOf(b.variant));
  const byPlace = <T extends {municipality: string; year: number}>(rows: T[]) =>
    rows.sort((a, b) => municipalityOrder.get(a.municipality)! - municipalityOrder.get(b.municipality)! || a.year - b.year);
  const shares = (rows: typeof claimRows) =>
    byPlace((rows ?? []).map(({row}) => ({municipality: row.municipality, year: row.year, share: row.share, ...provenanceOf(row)})));
  return deepFreeze({
    municipalities,
    vacancies,
    groups,
    prognosis,
    ...(newBuildRows && {newBuild: byPlace(newBuildRows.map(({row}) => ({municipality: row.municipality, year: row.year, homes: row.homes, ...provenanceOf(row)})))}),
    ...(claimRows && {claims: shares(claimRows)}),
    ...(suitableRows && {suitable: shares(suitableRows)}),
    ...(publicRows && {
      publicFigures: publicRows.map(({row}) => ({id: row.id, area: row.area, indicator: row.indicator, year: row.year, value: row.value, unit: row.unit, ...provenanceOf(row)}))
    })
  });
}

/** Status and source, plus the note only when there is one (so published values carry no empty note). */
function provenanceOf(r: Provenance & {note: string}): Provenance {
  return r.note === "" ? {status: r.status, source: r.source} : {status: r.status, source: r.source, note: r.note};
}

/** Show a path relative to the working directory when it lies below it, as a user would type it. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
