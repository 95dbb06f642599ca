// Loads the realised figures in data/monitoring/<year>.csv: validates every row with the shared CSV and zod helpers
// (all problems of all files at once, each naming file, line, column, value and what was expected), resolves
// corrections, and keeps the full trail.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DatasetError, type Issue} from "./errors.ts";
import {deepFreeze} from "./freeze.ts";
import {readRows} from "./rows.ts";
import type {Datasets} from "./types.ts";
import {ALL_GROUPS, MONITORING_COLUMNS, monitoringRowSchema, type Metric} from "./monitoring-schema.ts";
import {resolveTrail, type MonitoringRecord, type TrailRecord} from "./monitoring-trail.ts";

export type {MonitoringRecord, TrailRecord};
export {METRICS, MONITORING_STATUSES, ALL_GROUPS, type Metric, type MonitoringStatus} from "./monitoring-schema.ts";

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
  /** Today as YYYY-MM-DD (default: the current date); rows recorded later are refused as typing errors. */
  readonly today?: string;
}

/** File names the loader reads: one file per realised year. */
const FILE_NAME = /^(\d{4})\.csv$/;

/**
 * Reads every `<year>.csv` in `dir` and returns the current values and the correction trail.
 * Throws a `DatasetError` listing every problem when any file is wrong; returns nothing half-read.
 *
 * @example
 * const monitoring = loadMonitoring("data/monitoring", {municipalities: ["GM0307", "GM0308"], groups: ["mo", "bw"]});
 * realised(monitoring, 2025, "GM0307", "placements"); // 126
 */
export function loadMonitoring(dir: string, options: MonitoringOptions): MonitoringData {
  const issues: Issue[] = [];
  const records: MonitoringRecord[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  } catch {
    throw new DatasetError([{file: dir, expected: "een map met monitoringbestanden <jaar>.csv (map niet gevonden of niet leesbaar)"}]);
  }
  for (const name of names) {
    const file = join(dir, name);
    const match = FILE_NAME.exec(name);
    if (!match) {
      issues.push({file, value: name, expected: "een bestandsnaam <jaar>.csv, zoals 2025.csv (één bestand per jaar)"});
      continue;
    }
    const fileYear = Number(match[1]);
    for (const {line, row} of readRows(file, file, monitoringRowSchema, MONITORING_COLUMNS, issues)) {
      if (row.year !== fileYear) {
        issues.push({file, line, column: "year", value: String(row.year), expected: `${fileYear}, het jaar in de bestandsnaam`});
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
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const resolved = resolveTrail(records, {municipalities: options.municipalities, groups: options.groups, today});
  issues.push(...resolved.issues);
  // Reading order makes the list easy to work through in an editor.
  issues.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (issues.length > 0) throw new DatasetError(issues);
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  return deepFreeze({current: resolved.current, trail: resolved.trail, years});
}

/**
 * The options for `loadMonitoring` that follow from the datasets: municipalities in the agreement, known groups.
 *
 * @example
 * loadMonitoring("data/monitoring", monitoringOptions(loadDatasets("data")));
 */
export function monitoringOptions(datasets: Datasets): MonitoringOptions {
  return {
    municipalities: datasets.municipalities.filter((m) => m.inAgreement).map((m) => m.code),
    groups: datasets.groups.map((g) => g.id)
  };
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
