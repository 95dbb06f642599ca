// data/claims.csv and data/suitable.csv: a share per municipality and year (competing priority claims of
// statushouders on lettings; the share of lettings suitable for urgent seekers).
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {estimateNeedsNote, municipalityCode, provenance, share, year} from "./fields.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const CLAIMS_FILE = "claims.csv";
export const SUITABLE_FILE = "suitable.csv";
export const SHARE_COLUMNS = ["municipality", "year", "share", "status", "source", "note"] as const;

const shareRow = z.object({municipality: municipalityCode, year, share, ...provenance}).superRefine(estimateNeedsNote);
export type ShareRow = z.output<typeof shareRow>;

/**
 * Read a share file (claims.csv or suitable.csv): one row per municipality and year, share in [0, 1].
 *
 * @example
 * readShares("data/claims.csv", "data/claims.csv", []).length; // 8 municipalities × 6 years
 */
export function readShares(path: string, file: string, issues: Issue[]): Located<ShareRow>[] {
  const rows = readRows(path, file, shareRow, SHARE_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => `${r.municipality}|${r.year}`, "year", (r) => `gemeente en jaar (${r.municipality}, ${r.year})`, issues);
}
