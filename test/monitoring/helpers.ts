// Shared fixtures for the monitoring tests: the municipalities and groups of the agreement, and temporary folders.
import {mkdtempSync, writeFileSync, rmSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export const CODES = ["GM0307", "GM0308", "GM0313", "GM0317", "GM0327", "GM0267", "GM0342", "GM0351"];
export const GROUPS = ["mo", "bw", "jz", "hg", "mz", "exg"];
export const OPTIONS = {municipalities: CODES, groups: GROUPS, today: "2026-11-25"};
export const HEADER = "year,municipality,metric,group,value,status,source,recorded_on,reason,note";

/** A fresh temporary folder; the caller removes it with `cleanup`. */
export function tempDir(prefix = "fairshare-monitoring-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
}

/** Writes files (name → lines) into `dir/sub`, creating it. */
export function writeFiles(dir: string, files: Record<string, string[]>): string {
  mkdirSync(dir, {recursive: true});
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), lines.join("\n") + "\n");
  return dir;
}

/** One CSV row with sensible defaults. */
export function row(
  fields: Partial<{year: number; municipality: string; metric: string; group: string; value: number | string; status: string; source: string; recorded_on: string; reason: string; note: string}>
): string {
  const r = {year: 2025, municipality: "GM0307", metric: "vacancies", group: "all", value: 100, status: "final", source: "corporaties", recorded_on: "2026-02-01", reason: "", note: "", ...fields};
  return [r.year, r.municipality, r.metric, r.group, r.value, r.status, r.source, r.recorded_on, r.reason, r.note].join(",");
}
