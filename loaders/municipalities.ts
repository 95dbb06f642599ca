// data/municipalities.csv: the municipalities of Regio Amersfoort, with whether each takes part in the agreement.
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {bool, estimateNeedsNote, municipalityCode, provenance, text, year} from "./fields.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const MUNICIPALITIES_FILE = "municipalities.csv";
export const MUNICIPALITY_COLUMNS = ["code", "name", "province", "in_agreement", "year", "status", "source", "note"] as const;

const municipalityRow = z
  .object({code: municipalityCode, name: text, province: text, in_agreement: bool, year, ...provenance})
  .superRefine(estimateNeedsNote);
export type MunicipalityRow = z.output<typeof municipalityRow>;

/**
 * Read data/municipalities.csv: one row per municipality, codes and names unique. Problems go to `issues`.
 *
 * @example
 * const issues: Issue[] = [];
 * readMunicipalities("data/municipalities.csv", "data/municipalities.csv", issues).map((r) => r.row.code);
 */
export function readMunicipalities(path: string, file: string, issues: Issue[]): Located<MunicipalityRow>[] {
  const rows = readRows(path, file, municipalityRow, MUNICIPALITY_COLUMNS, issues);
  const byCode = reportDuplicates(file, rows, (r) => r.code, "code", () => "gemeentecode", issues);
  return reportDuplicates(file, byCode, (r) => r.name.toLowerCase(), "name", () => "gemeentenaam", issues);
}
