// data/newbuild.csv: first lettings of newly built social-rental homes per municipality and year.
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {count, estimateNeedsNote, municipalityCode, provenance, year} from "./fields.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const NEWBUILD_FILE = "newbuild.csv";
export const NEWBUILD_COLUMNS = ["municipality", "year", "homes", "status", "source", "note"] as const;

const newBuildRow = z.object({municipality: municipalityCode, year, homes: count, ...provenance}).superRefine(estimateNeedsNote);
export type NewBuildRow = z.output<typeof newBuildRow>;

/**
 * Read data/newbuild.csv: one row per municipality and year, homes a whole number. Problems go to `issues`.
 *
 * @example
 * readNewBuild("data/newbuild.csv", "data/newbuild.csv", []).filter((r) => r.row.municipality === "GM0307");
 */
export function readNewBuild(path: string, file: string, issues: Issue[]): Located<NewBuildRow>[] {
  const rows = readRows(path, file, newBuildRow, NEWBUILD_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => `${r.municipality}|${r.year}`, "year", (r) => `gemeente en jaar (${r.municipality}, ${r.year})`, issues);
}
