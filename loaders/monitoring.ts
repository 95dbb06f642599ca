// Loads the realised figures in data/monitoring/<year>.csv: validates every row (all problems of all files at once,
// each naming file, line, column, value and what was expected), resolves corrections, and keeps the full trail.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {MONITORING_COLUMNS, monitoringRowSchema, type Metric, ALL_GROUPS} from "./monitoring-schema.ts";
import {resolveTrail, type MonitoringIssue, type MonitoringRecord, type TrailRecord} from "./monitoring-trail.ts";

export type {MonitoringRecord, TrailRecord, MonitoringIssue};

/** The monitoring data: current values (latest correction per key) and every row ever recorded. */
export interface MonitoringData {
  /** Latest row per key (year, municipality, metric, group), in reading order. */
  readonly current: readonly MonitoringRecord[];
  /** Every row of every file, in reading order, each marked current or superseded. */
  readonly trail: readonly TrailRecord[];
  /** Years with at least one row, ascending. */
  readonly years: readonly number[];
}

export interface MonitoringOptions {
  /** CBS codes of the municipalities in the agreement. */
  readonly municipalities: readonly string[];
  /** Known urgent-group ids. */
  readonly groups: readonly string[];
  /** Today as YYYY-MM-DD (default: the current date); rows recorded later are refused. */
  readonly today?: string;
}

/** Every problem found in the monitoring files; the message lists them all, one a line. */
export class MonitoringError extends Error {
  readonly issues: readonly MonitoringIssue[];
  constructor(issues: readonly MonitoringIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in the monitoring data:\n` +
        issues.map((i) => `  ${i.file}:${i.line} column "${i.column}": found ${JSON.stringify(i.value)}, expected ${i.expected}`).join("\n")
    );
    this.name = "MonitoringError";
    this.issues = issues;
  }
}

/** File names the loader reads: one file per realised year. */
const FILE_NAME = /^(\d{4})\.csv$/;

/**
 * Reads every `<year>.csv` in `dir` and returns the current values and the correction trail.
 * Throws a {@link MonitoringError} listing every problem when any file is wrong; returns nothing half-read.
 *
 * @example
 * const monitoring = loadMonitoring("data/monitoring", {municipalities: ["GM0307", "GM0308"], groups: ["mo", "bw"]});
 * realised(monitoring, 2025, "GM0307", "placements"); // 131
 */
export function loadMonitoring(dir: string, options: MonitoringOptions): MonitoringData {
  const issues: MonitoringIssue[] = [];
  const records: MonitoringRecord[] = [];
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  for (const name of names) {
    const file = join(dir, name);
    const match = FILE_NAME.exec(name);
    if (!match) {
      issues.push({file, line: 0, column: "(file name)", value: name, expected: "a file named <year>.csv, e.g. 2025.csv"});
      continue;
    }
    readFile(file, Number(match[1]), records, issues);
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const resolved = resolveTrail(records, {municipalities: options.municipalities, groups: options.groups, today});
  issues.push(...resolved.issues);
  // Reading order makes the list easy to work through in an editor.
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  if (issues.length > 0) throw new MonitoringError(issues);
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  return deepFreeze({current: resolved.current, trail: resolved.trail, years});
}

/**
 * The current value of one realised figure, or undefined when it was not recorded.
 *
 * @example
 * realised(monitoring, 2025, "GM0307", "inflow", "mo"); // inflow of group mo with Amersfoort as origin
 */
export function realised(
  data: MonitoringData,
  year: number,
  municipality: string,
  metric: Metric,
  group: string = ALL_GROUPS
): number | undefined {
  return data.current.find((r) => r.year === year && r.municipality === municipality && r.metric === metric && r.group === group)?.value;
}

function readFile(file: string, fileYear: number, records: MonitoringRecord[], issues: MonitoringIssue[]): void {
  const text = readFileSync(file, "utf8");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.includes(";") && !firstLine.includes(",")) {
    issues.push({file, line: 1, column: "(header)", value: firstLine,
      expected: "comma-separated values: this looks like a Dutch Excel export with ';' (save as 'CSV UTF-8 (comma-separated)')"});
    return;
  }
  let rows: {record: string[]; info: {lines: number}}[];
  try {
    rows = parse(text, {bom: true, info: true, relax_column_count: true, skip_empty_lines: true}) as unknown as typeof rows;
  } catch (error) {
    const e = error as {lines?: number; message: string};
    issues.push({file, line: e.lines ?? 0, column: "(csv)", value: "", expected: `well-formed CSV (${e.message})`});
    return;
  }
  const header = rows[0]?.record.map((h) => h.trim()) ?? [];
  if (header.join(",") !== MONITORING_COLUMNS.join(",")) {
    issues.push({file, line: 1, column: "(header)", value: header.join(","), expected: MONITORING_COLUMNS.join(",")});
    return;
  }
  for (const {record, info} of rows.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      issues.push({file, line, column: "(row)", value: record.join(","), expected: `${header.length} fields, found ${record.length}`});
      continue;
    }
    const raw = Object.fromEntries(header.map((h, i) => [h, record[i]!.trim()]));
    const parsed = monitoringRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const column = String(problem.path[0] ?? "(row)");
        issues.push({file, line, column, value: raw[column] ?? "", expected: problem.message});
      }
      continue;
    }
    const row = parsed.data;
    if (row.year !== fileYear) {
      issues.push({file, line, column: "year", value: String(row.year), expected: `${fileYear}, the year in the file name`});
      continue;
    }
    records.push({
      year: row.year,
      municipality: row.municipality,
      metric: row.metric,
      group: row.group,
      value: row.value,
      status: row.status,
      source: row.source,
      recordedOn: row.recorded_on,
      reason: row.reason,
      note: row.note,
      file,
      line
    });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
