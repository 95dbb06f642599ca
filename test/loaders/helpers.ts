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
  for (const f of ["municipalities.csv", "municipal-figures.csv", "vacancies.csv", "groups.csv", "prognosis.csv",
    "newbuild.csv", "claims.csv", "suitable.csv", "public-figures.csv"])
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

/** What a test expects of one issue; `file` is the file name, matched at the end of the issue's path. */
export interface Expected {
  file: string;
  line?: number;
  column?: string;
  value?: string;
  expected?: RegExp;
}

/**
 * Assert that `dir` fails to load with an issue matching `want`, and that the printed message names its file, line,
 * column and value the way a user reads them. Returns all issues for further checks.
 */
export function expectIssue(dir: string, want: Expected): readonly Issue[] {
  const issues = issuesOf(dir);
  const hit = issues.find((i) =>
    i.file.endsWith(want.file) &&
    (want.line === undefined || i.line === want.line) &&
    (want.column === undefined || i.column === want.column) &&
    (want.value === undefined || i.value === want.value) &&
    (want.expected === undefined || want.expected.test(i.expected)));
  if (!hit) throw new Error(`no issue like ${JSON.stringify({...want, expected: String(want.expected)})} in:\n${issues.map((i) => JSON.stringify(i)).join("\n")}`);
  const message = messageOf(dir);
  const parts = [want.file];
  if (want.line !== undefined) parts.push(`regel ${want.line}`);
  if (want.column !== undefined) parts.push(`kolom "${want.column}"`);
  const printed = message.split("\n").find((l) => parts.every((p) => l.includes(p)));
  if (!printed) throw new Error(`message does not name ${parts.join(", ")}:\n${message}`);
  if (want.value !== undefined && want.value !== "" && !printed.includes(JSON.stringify(want.value)))
    throw new Error(`message does not show the value ${JSON.stringify(want.value)}:\n${printed}`);
  return issues;
}
