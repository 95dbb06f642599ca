// Cross-row rules of the monitoring files and the correction trail: history is append-only, so a correction is a
// later row with the same key, a later recorded_on and a reason; the latest correction per key is the current value.
import type {Issue} from "./errors.ts";
import {ALL_GROUPS, GROUPED_METRICS, type Metric, type MonitoringStatus} from "./monitoring-schema.ts";

/** One realised figure as recorded, with where it was read (for error messages and the trail on the page). */
export interface MonitoringRecord {
  readonly year: number;
  /** CBS code: where the homes are (vacancies, placements) or the municipality of origin (inflow, backlog). */
  readonly municipality: string;
  readonly metric: Metric;
  /** Urgent-group id, or "all" for the total over all groups. */
  readonly group: string;
  readonly value: number;
  readonly status: MonitoringStatus;
  readonly source: string;
  /** ISO date (YYYY-MM-DD) on which this row was recorded. */
  readonly recordedOn: string;
  /** Why this row was added; required for a correction. */
  readonly reason: string;
  readonly note: string;
  readonly file: string;
  readonly line: number;
}

/** A row of the trail: the record, whether it is the current value of its key, and how many rows its key has. */
export interface TrailRecord extends MonitoringRecord {
  readonly current: boolean;
  /** 0 for the first row of a key, 1 for its first correction, and so on. */
  readonly revision: number;
}

/** What makes two rows the same figure (a correction replaces the figure with the same key). */
export function recordKey(r: Pick<MonitoringRecord, "year" | "municipality" | "metric" | "group">): string {
  return `${r.year}|${r.municipality}|${r.metric}|${r.group}`;
}

export interface TrailOptions {
  /** CBS codes of the municipalities in the agreement. */
  readonly municipalities: readonly string[];
  /** Known urgent-group ids (placements and inflow may be split by group). */
  readonly groups: readonly string[];
  /** Today as YYYY-MM-DD; a row recorded after today is a typing error. */
  readonly today: string;
}

/**
 * Checks the rules that span rows and resolves corrections. Records are in reading order (file, then line).
 *
 * @example
 * const {current, trail, issues} = resolveTrail(records, {municipalities: ["GM0307"], groups: ["mo"], today: "2026-06-01"});
 */
export function resolveTrail(
  records: readonly MonitoringRecord[],
  options: TrailOptions
): {current: MonitoringRecord[]; trail: TrailRecord[]; issues: Issue[]} {
  const issues: Issue[] = [];
  const issue = (r: MonitoringRecord, column: string, value: string, expected: string) =>
    issues.push({file: r.file, line: r.line, column, value, expected});
  const municipalities = new Set(options.municipalities);
  const groups = new Set(options.groups);

  for (const r of records) {
    if (!municipalities.has(r.municipality)) {
      issue(r, "municipality", r.municipality, `een gemeente in de afspraak (${options.municipalities.join(", ")})`);
    }
    if (!GROUPED_METRICS.includes(r.metric)) {
      if (r.group !== ALL_GROUPS) issue(r, "group", r.group, `"${ALL_GROUPS}" (${r.metric} wordt niet per groep uitgesplitst)`);
    } else if (r.group !== ALL_GROUPS && !groups.has(r.group)) {
      issue(r, "group", r.group, `"${ALL_GROUPS}" of een bekende groep (${options.groups.join(", ")})`);
    }
    // A year-end figure cannot be recorded before its year began, nor in the future.
    if (r.recordedOn < `${r.year}-01-01`) issue(r, "recorded_on", r.recordedOn, `een datum in of na ${r.year} (een realisatie kan niet vóór het jaar zelf zijn vastgelegd)`);
    if (r.recordedOn > options.today) issue(r, "recorded_on", r.recordedOn, `een datum niet na vandaag (${options.today})`);
  }

  // Group by key in reading order; each later row is a correction of the one before it.
  const byKey = new Map<string, MonitoringRecord[]>();
  for (const r of records) {
    const key = recordKey(r);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const currentOf = new Map<MonitoringRecord, boolean>();
  const revisionOf = new Map<MonitoringRecord, number>();
  for (const list of byKey.values()) {
    list.forEach((r, i) => {
      revisionOf.set(r, i);
      currentOf.set(r, i === list.length - 1);
      if (i === 0) return;
      const previous = list[i - 1]!;
      const at = `${previous.file}, regel ${previous.line}`;
      if (r.recordedOn === previous.recordedOn) {
        issue(r, "recorded_on", r.recordedOn, `een datum na ${previous.recordedOn}: hetzelfde cijfer is op die datum al vastgelegd (${at}); een correctie krijgt een latere recorded_on (dubbele sleutel)`);
      } else if (r.recordedOn < previous.recordedOn) {
        issue(r, "recorded_on", r.recordedOn, `een datum niet vóór ${previous.recordedOn}: een correctie mag niet ouder zijn dan de rij die ze corrigeert (${at})`);
      }
      if (r.reason === "") issue(r, "reason", r.reason, `een reden: deze rij corrigeert ${at}`);
    });
  }

  const current = records.filter((r) => currentOf.get(r));
  issues.push(...consistencyIssues(current));
  const trail = records.map((r) => ({...r, current: currentOf.get(r)!, revision: revisionOf.get(r)!}));
  return {current, trail, issues};
}

/** Rules between current values: group rows need a total they fit in; placements fit in the vacancies. */
function consistencyIssues(current: readonly MonitoringRecord[]): Issue[] {
  const issues: Issue[] = [];
  const total = new Map<string, MonitoringRecord>();
  for (const r of current) if (r.group === ALL_GROUPS) total.set(recordKey(r), r);
  const groupSums = new Map<string, {sum: number; rows: MonitoringRecord[]}>();
  for (const r of current) {
    // Group rows of ungrouped metrics are already reported above.
    if (r.group === ALL_GROUPS || !GROUPED_METRICS.includes(r.metric)) continue;
    const key = recordKey({...r, group: ALL_GROUPS});
    const entry = groupSums.get(key) ?? {sum: 0, rows: []};
    entry.sum += r.value;
    entry.rows.push(r);
    groupSums.set(key, entry);
  }
  for (const [key, {sum, rows}] of groupSums) {
    const all = total.get(key);
    const first = rows[0]!;
    if (!all) {
      issues.push({file: first.file, line: first.line, column: "group", value: first.group,
        expected: `ook een rij met group "${ALL_GROUPS}" voor ${first.metric} ${first.municipality} ${first.year} (groepsrijen splitsen een totaal uit)`});
    } else if (sum > all.value) {
      issues.push({file: all.file, line: all.line, column: "value", value: String(all.value),
        expected: `minstens ${sum}, de som van de groepsrijen (regels ${rows.map((r) => r.line).join(", ")})`});
    }
  }
  for (const p of current) {
    if (p.metric !== "placements" || p.group !== ALL_GROUPS) continue;
    const v = total.get(recordKey({...p, metric: "vacancies"}));
    if (v && p.value > v.value) {
      issues.push({file: p.file, line: p.line, column: "value", value: String(p.value),
        expected: `hoogstens ${v.value}, de vrijgekomen woningen van ${p.municipality} in ${p.year} (${v.file}, regel ${v.line}): plaatsingen kunnen de vrijkomende woningen niet overtreffen`});
    }
  }
  return issues;
}
