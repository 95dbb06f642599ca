// Validating CSV rows with a zod schema and turning zod's issues into issues that name file, line and column.
import type {z} from "zod";
import {readCsv} from "./csv.ts";
import type {Issue} from "./errors.ts";

/** A validated row with the spreadsheet line it came from, so later checks can point at it. */
export interface Located<T> {
  readonly line: number;
  readonly row: T;
}

/**
 * Read a CSV file and validate every row; all problems go to `issues`, only valid rows are returned.
 *
 * @example
 * const issues: Issue[] = [];
 * const groups = readRows("data/groups.csv", "data/groups.csv", groupRow, issues);
 */
export function readRows<T>(
  path: string,
  file: string,
  schema: z.ZodType<T>,
  columns: readonly string[],
  issues: Issue[]
): Located<T>[] {
  const out: Located<T>[] = [];
  for (const {line, cells} of readCsv(path, file, columns, issues)) {
    const result = schema.safeParse(cells);
    if (result.success) {
      out.push({line, row: result.data});
      continue;
    }
    for (const zi of result.error.issues) {
      const column = zi.path.length > 0 ? String(zi.path[0]) : undefined;
      issues.push({file, line, ...(column === undefined ? {} : {column, value: cells[column] ?? ""}), expected: zi.message});
    }
  }
  return out;
}

/**
 * Report rows that repeat a key (e.g. municipality + year) at the later line, naming the earlier one.
 *
 * @example
 * reportDuplicates(file, rows, (r) => `${r.municipality}|${r.year}`, "year", issues)
 */
export function reportDuplicates<T>(
  file: string,
  rows: readonly Located<T>[],
  key: (row: T) => string,
  column: keyof T & string,
  describe: (row: T) => string,
  issues: Issue[]
): Located<T>[] {
  const first = new Map<string, Located<T>>();
  const kept: Located<T>[] = [];
  for (const r of rows) {
    const k = key(r.row);
    const earlier = first.get(k);
    if (earlier) {
      const same = JSON.stringify(earlier.row) === JSON.stringify(r.row) ? "identiek aan" : "dezelfde sleutel als";
      issues.push({file, line: r.line, column, value: String(r.row[column]),
        expected: `één rij per ${describe(r.row)}; deze rij is ${same} regel ${earlier.line} (dubbele rij; verwijder of corrigeer er één)`});
      continue;
    }
    first.set(k, r);
    kept.push(r);
  }
  return kept;
}
