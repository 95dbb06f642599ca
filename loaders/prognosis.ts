// data/prognosis.csv: placements needed per group, municipality of origin, year and variant (Companen, estimated).
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {countUpTo, estimateNeedsNote, identifier, municipalityCode, provenance, variant, year} from "./fields.ts";
import {MAX_PROGNOSIS} from "./bounds.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const PROGNOSIS_FILE = "prognosis.csv";
export const PROGNOSIS_COLUMNS = ["group", "origin", "year", "variant", "placements", "status", "source", "note"] as const;

const prognosisRow = z
  .object({group: identifier, origin: municipalityCode, year, variant, placements: countUpTo(MAX_PROGNOSIS), ...provenance})
  .superRefine(estimateNeedsNote);
export type PrognosisRow = z.output<typeof prognosisRow>;

/** The key of one prognosis cell without its variant. */
export const cellKey = (r: {group: string; origin: string; year: number}): string => `${r.group}|${r.origin}|${r.year}`;

/**
 * Read data/prognosis.csv: one row per group, origin, year and variant. Problems go to `issues`.
 *
 * @example
 * readPrognosis("data/prognosis.csv", "data/prognosis.csv", []).filter((r) => r.row.variant === "central");
 */
export function readPrognosis(path: string, file: string, issues: Issue[]): Located<PrognosisRow>[] {
  const rows = readRows(path, file, prognosisRow, PROGNOSIS_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => `${cellKey(r)}|${r.variant}`, "variant",
    (r) => `groep, herkomst, jaar en variant (${r.group}, ${r.origin}, ${r.year}, ${r.variant})`, issues);
}
