// Errors a civil servant can act on: every problem names the file, the line as a spreadsheet shows it, the column,
// the value found and what was expected, and all problems are reported together.

/** One problem in one data file. `line` is 1-based (the header is line 1); absent when a row is missing. */
export interface Issue {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
  readonly expected: string;
}

/** Characters of a found value shown in a message. */
const MAX_VALUE_SHOWN = 80;

/**
 * Format one issue as a single Dutch line.
 *
 * @example
 * formatIssue({file: "data/vacancies.csv", line: 5, column: "vacancies", value: "-3", expected: "een geheel getal ≥ 0"})
 * // 'data/vacancies.csv, regel 5, kolom "vacancies": gevonden "-3"; verwacht: een geheel getal ≥ 0'
 */
export function formatIssue(issue: Issue): string {
  const where = [issue.file];
  if (issue.line !== undefined) where.push(`regel ${issue.line}`);
  if (issue.column !== undefined) where.push(`kolom "${issue.column}"`);
  // A cell can be megabytes long (a broken quote swallows the file): show its start only.
  const value = issue.value !== undefined && issue.value.length > MAX_VALUE_SHOWN ? `${issue.value.slice(0, MAX_VALUE_SHOWN)}…` : issue.value;
  const found = value === undefined ? "" : `gevonden ${value === "" ? "(leeg)" : JSON.stringify(value)}; `;
  return `${where.join(", ")}: ${found}verwacht: ${issue.expected}`;
}

/**
 * Format issues grouped by file, in the order they were found.
 *
 * @example
 * formatIssues([{file: "data/groups.csv", line: 3, column: "return_share", value: "1.2", expected: "een aandeel tussen 0 en 1"}])
 * // 'Fout in de data (1 probleem):\n  data/groups.csv, regel 3, kolom "return_share": gevonden "1.2"; verwacht: ...'
 */
export function formatIssues(issues: readonly Issue[]): string {
  const n = issues.length;
  const head = `Fout in de data (${n} ${n === 1 ? "probleem" : "problemen"}):`;
  const files = [...new Set(issues.map((i) => i.file))];
  const lines = files.flatMap((f) => issues.filter((i) => i.file === f).map((i) => `  ${formatIssue(i)}`));
  return [head, ...capProblems(lines, MAX_PROBLEMS, "  ")].join("\n");
}

/** At most this many problems are printed; the rest are counted ("en 12 meer"). */
export const MAX_PROBLEMS = 50;

/**
 * The first `max` lines, then one line "en N meer" when there are more: a 50 MB bad file gives a readable list.
 *
 * @example
 * capProblems(["a", "b", "c"], 2); // ["a", "b", "en 1 meer"]
 */
export function capProblems(lines: readonly string[], max = MAX_PROBLEMS, indent = ""): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `${indent}en ${dutchNumber(lines.length - max)} meer`];
}

/**
 * A number as a Dutch reader writes it: "." between thousands (from 10.000 on), "," as decimal sign.
 *
 * @example
 * dutchNumber(1000000); // "1.000.000"
 * dutchNumber(0.5); // "0,5"
 * dutchNumber(0.5000000000000001); // "0,5000000000000001"
 */
export function dutchNumber(x: number): string {
  // The shortest text that reads back as x (0.5000000000000001 is not shown as 0,5), in Dutch notation.
  const text = String(x);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text.replace(".", ",");
  const [int, frac] = text.split(".") as [string, string | undefined];
  const grouped = Math.abs(x) >= 10_000 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

/**
 * Thrown by `loadDatasets` when any data file is wrong; `issues` lists every problem, `message` prints them all.
 *
 * @example
 * try { loadDatasets("data"); } catch (e) { if (e instanceof DatasetError) console.error(e.message); }
 */
export class DatasetError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const sorted = sortIssues(issues);
    super(formatIssues(sorted));
    this.name = "DatasetError";
    this.issues = Object.freeze(sorted.map((i) => Object.freeze({...i})));
  }
}

/** Files in the order they were first named, lines ascending within a file, issues without a line last. */
function sortIssues(issues: readonly Issue[]): Issue[] {
  const files = [...new Set(issues.map((i) => i.file))];
  return issues
    .map((issue, index) => ({issue, index}))
    .sort((a, b) =>
      files.indexOf(a.issue.file) - files.indexOf(b.issue.file) ||
      (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
      a.index - b.index)
    .map((x) => x.issue);
}
