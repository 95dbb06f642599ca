// Shared helpers for the loader tests: a fresh copy of data/ in a temp dir, one-line edits, and the issues a load throws.
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError, type Issue} from "../../loaders/errors.ts";

export const DATA_DIR = new URL("../../data/", import.meta.url).pathname;
export const FIXTURES = new URL("../fixtures/loaders/", import.meta.url).pathname;

/** Copy the real CSVs (not data/monitoring) to a new temp dir and return its path. */
export function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), "fairshare-data-"));
  for (const f of ["municipalities.csv", "municipal-figures.csv", "vacancies.csv", "groups.csv", "prognosis.csv"])
    cpSync(join(DATA_DIR, f), join(dir, f));
  return dir;
}

/** The lines of a CSV in `dir` (without the final newline). */
export function lines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), "utf8").replace(/\n$/, "").split("\n");
}

/** Rewrite a CSV in `dir` from its lines. */
export function writeLines(dir: string, file: string, content: readonly string[]): void {
  writeFileSync(join(dir, file), content.join("\n") + "\n");
}

/** Change the line with 1-based number `line` (as a spreadsheet shows it). */
export function editLine(dir: string, file: string, line: number, edit: (text: string) => string): void {
  const all = lines(dir, file);
  all[line - 1] = edit(all[line - 1]!);
  writeLines(dir, file, all);
}

/** The 1-based line of the first line that starts with `prefix`. */
export function lineOf(dir: string, file: string, prefix: string): number {
  const i = lines(dir, file).findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix} in ${file}`);
  return i + 1;
}

/** Load `dir` and return the issues of the DatasetError it must throw (fails the test if it loads). */
export function issuesOf(dir: string): readonly Issue[] {
  try {
    loadDatasets(dir);
  } catch (error) {
    if (error instanceof DatasetError) return error.issues;
    throw error;
  }
  throw new Error(`expected ${dir} to fail to load`);
}

/** The message of the DatasetError that loading `dir` throws. */
export function messageOf(dir: string): string {
  try {
    loadDatasets(dir);
  } catch (error) {
    if (error instanceof DatasetError) return error.message;
    throw error;
  }
  throw new Error(`expected ${dir} to fail to load`);
}
