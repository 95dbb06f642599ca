// Append-only, enforced: a calibration records the monitoring rows it read (file, line and a SHA-256 of the row's
// fields); a later recalibration or forecast that finds such a row changed or gone refuses, naming file and line.
import {createHash} from "node:crypto";
import {basename, join} from "node:path";
import {DatasetError, type Issue} from "../../loaders/errors.ts";
import type {MonitoringData, MonitoringRecord} from "../../loaders/monitoring.ts";
import type {Calibration, UsedRow} from "../model/calibration.ts";

/**
 * SHA-256 (hex) of a row's fields in the file's column order, joined by the unit separator (U+001F), which no
 * field can contain unnoticed: the same row gives the same hash wherever it is read.
 *
 * @example
 * rowHash(record); // "3f5c…"
 */
export function rowHash(r: Omit<MonitoringRecord, "file" | "line">): string {
  const fields = [r.year, r.municipality, r.metric, r.group, r.value, r.status, r.source, r.recordedOn, r.reason, r.note];
  return createHash("sha256").update(fields.map(String).join("\u001f"), "utf8").digest("hex");
}

/**
 * The rows of the realised years up to `year` (every row of the trail, corrected ones included: a correction must
 * never lose the earlier row), as a calibration records them.
 *
 * @example
 * usedRows(monitoring, 2025)[0]; // {file: "2025.csv", line: 2, key: "2025|GM0307|vacancies|all", …}
 */
export function usedRows(monitoring: MonitoringData, year: number): UsedRow[] {
  return monitoring.trail
    .filter((r) => r.year <= year)
    .map((r) => ({
      file: basename(r.file),
      line: r.line,
      key: `${r.year}|${r.municipality}|${r.metric}|${r.group}`,
      value: r.value,
      recordedOn: r.recordedOn,
      sha256: rowHash(r)
    }));
}

/**
 * The rows a calibration recorded that are no longer in the monitoring files, unchanged. A row that moved to
 * another line of the same file (rows added above it) still counts as present; a changed or deleted row does not.
 *
 * @example
 * missingRows(calibration, monitoring, "data/monitoring"); // [] when the history is intact
 */
export function missingRows(calibration: Calibration, monitoring: MonitoringData, monitoringDir: string): Issue[] {
  const present = new Map<string, number>();
  for (const r of monitoring.trail) {
    const k = `${basename(r.file)}|${rowHash(r)}`;
    present.set(k, (present.get(k) ?? 0) + 1);
  }
  const issues: Issue[] = [];
  for (const u of calibration.usedRows ?? []) {
    const k = `${u.file}|${u.sha256}`;
    const left = present.get(k) ?? 0;
    if (left > 0) {
      present.set(k, left - 1);
      continue;
    }
    const [year, municipality, metric, group] = u.key.split("|");
    issues.push({
      file: join(monitoringDir, u.file),
      line: u.line,
      expected:
        `de rij ${year}, ${municipality}, ${metric}, ${group} met waarde ${u.value}, vastgelegd op ${u.recordedOn}, zoals herijking ` +
        `${calibration.version} die gebruikte; die rij is gewijzigd of verwijderd. Monitoringcijfers worden nooit aangepast of ` +
        `weggehaald: zet de rij terug zoals ze was en voeg een correctie toe als nieuwe rij onderaan, met dezelfde year, ` +
        `municipality, metric en group, een latere recorded_on en een reden`
    });
  }
  return issues;
}

/**
 * Throws a DatasetError (Dutch, naming file and line) when any of these calibrations' recorded rows changed or
 * disappeared; nothing else is done, so a caller that checks first writes nothing on a broken history.
 *
 * @example
 * assertAppendOnly([latest], monitoring, "data/monitoring");
 */
export function assertAppendOnly(calibrations: readonly Calibration[], monitoring: MonitoringData, monitoringDir: string): void {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const c of calibrations) {
    for (const i of missingRows(c, monitoring, monitoringDir)) {
      const k = `${i.file}|${i.line}`;
      if (!seen.has(k)) issues.push(i);
      seen.add(k);
    }
  }
  if (issues.length > 0) throw new DatasetError(issues);
}
