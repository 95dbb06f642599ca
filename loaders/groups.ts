// data/groups.csv: the statutory-urgent groups and the share of each that can return to its municipality of origin.
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {estimateNeedsNote, identifier, provenance, share, text, year} from "./fields.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const GROUPS_FILE = "groups.csv";
export const GROUP_COLUMNS = ["id", "name", "return_share", "year", "status", "source", "note"] as const;

const groupRow = z
  .object({id: identifier, name: text, return_share: share, year, ...provenance})
  .superRefine(estimateNeedsNote);
export type GroupRow = z.output<typeof groupRow>;

/**
 * Read data/groups.csv: one row per group, ids unique, return_share in [0, 1]. Problems go to `issues`.
 *
 * @example
 * readGroups("data/groups.csv", "data/groups.csv", []).map((r) => r.row.id); // ["mo", "bw", ...]
 */
export function readGroups(path: string, file: string, issues: Issue[]): Located<GroupRow>[] {
  const rows = readRows(path, file, groupRow, GROUP_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => r.id, "id", () => "groep (id)", issues);
}
