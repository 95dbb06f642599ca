// CSV output: RFC 4180 quoting, numbers written as JavaScript prints them (shortest exact round trip), text cells
// made spreadsheet-safe (a text starting with =, +, -, @, tab or CR gets a leading ').
import {safeText} from "../../src/components/safeCell.ts";

function cell(v: unknown): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`toCsv: cannot write ${v}`);
    return String(v);
  }
  const s = safeText(String(v ?? ""));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes rows of objects as CSV with a header; the columns are the first row's keys (or the given ones).
 *
 * @example
 * toCsv([{scenario: "agreed", year: 2025, mean: 1.5}]); // "scenario,year,mean\nagreed,2025,1.5\n"
 * toCsv([{scenario: "=1+1", mean: -2}]); // "scenario,mean\n'=1+1,-2\n"
 */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]!) : []);
  const lines = [cols.map(cell).join(",")];
  for (const row of rows) lines.push(cols.map((c) => cell((row as Record<string, unknown>)[c])).join(","));
  return lines.join("\n") + "\n";
}
