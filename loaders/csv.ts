// Reading one CSV file into header-checked rows. Only the dialect we write is accepted (comma separator, UTF-8, '.'
// decimals); anything else is refused with a message that says what it is and how to save it, never misread.
import {readFileSync, statSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {dutchNumber, type Issue} from "./errors.ts";
import {MAX_FILE_BYTES} from "./bounds.ts";
import {decodeUtf8} from "./encoding.ts";

/** One data row: its cells by column name (trimmed) and the spreadsheet line on which it starts. */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

const SAVE_AS = "sla het bestand op als CSV UTF-8 met komma's als scheidingsteken en een punt als decimaalteken";

/**
 * Read and parse a CSV file; problems are appended to `issues` and the rows that are structurally sound returned.
 *
 * @example
 * const issues: Issue[] = [];
 * const rows = readCsv("data/groups.csv", "data/groups.csv", ["id", "name"], issues);
 */
export function readCsv(path: string, file: string, columns: readonly string[], issues: Issue[]): CsvRow[] {
  let bytes: Buffer;
  try {
    // A folder, a pipe or a device (/dev/zero) is refused before a byte is read, and so is a file far larger than
    // any dataset: nothing can hang or fill the memory.
    const stat = statSync(path);
    if (!stat.isFile()) {
      issues.push({file, expected: `een gewoon CSV-bestand met kolommen ${columns.join(",")} (dit is een map, apparaat of pipe)`});
      return [];
    }
    if (stat.size > MAX_FILE_BYTES) {
      issues.push({file, expected: `een CSV-bestand van hoogstens ${dutchNumber(MAX_FILE_BYTES / 1e6)} MB (dit bestand is ${dutchNumber(Math.round(stat.size / 1e5) / 10)} MB; is het het goede bestand?)`});
      return [];
    }
    bytes = readFileSync(path);
  } catch {
    issues.push({file, expected: `een bestand met kolommen ${columns.join(",")} (bestand niet gevonden of niet leesbaar)`});
    return [];
  }
  return parseCsv(bytes, file, columns, issues);
}

/**
 * Parse CSV bytes (see `readCsv`); exported so that tests and other loaders can parse text without a file.
 *
 * @example
 * parseCsv(Buffer.from("id,name\nmo,Opvang\n"), "groups.csv", ["id", "name"], []);
 * // [{line: 2, cells: {id: "mo", name: "Opvang"}}]
 */
export function parseCsv(bytes: Uint8Array, file: string, columns: readonly string[], issues: Issue[]): CsvRow[] {
  const text = decode(bytes, file, issues);
  if (text === undefined) return [];
  if (text.trim() === "") {
    issues.push({file, line: 1, expected: `een kopregel "${columns.join(",")}" en rijen met data (het bestand is leeg)`});
    return [];
  }
  if (!checkDialect(text, file, issues)) return [];

  let records: {record: string[]; info: {lines: number}; raw: string}[];
  try {
    records = parse(text, {relax_column_count: true, skip_empty_lines: false, info: true, raw: true}) as unknown as typeof records;
  } catch (error) {
    const e = error as {code?: string; lines?: number; message: string};
    const line = typeof e.lines === "number" ? {line: e.lines} : {};
    const expected = e.code?.includes("QUOTE")
      ? `aanhalingstekens (") alleen om een hele waarde, elk geopend aanhalingsteken ook gesloten, en een " in tekst verdubbeld ("") (${e.message})`
      : `geldige CSV (${e.message})`;
    issues.push({file, ...line, expected});
    return [];
  }
  const [head, ...body] = records;
  if (!head || !checkHeader(head.record, file, columns, issues)) return [];
  const header = head.record.map((h) => h.trim());

  const rows: CsvRow[] = [];
  for (const {record, info, raw} of body) {
    // csv-parse reports the line a record ends on; a quoted field may span lines, so count back to where it starts.
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === "")) {
      issues.push({file, line, expected: "een rij met data (lege regel gevonden; verwijder de regel)"});
      continue;
    }
    if (cells.length !== header.length) {
      issues.push(fieldCountIssue(file, line, header, cells));
      continue;
    }
    rows.push({line, cells: Object.fromEntries(header.map((h, i) => [h, cells[i]!]))});
  }
  if (rows.length === 0 && body.length === 0)
    issues.push({file, line: 2, expected: "minstens één rij met data onder de kopregel (alleen een kopregel gevonden)"});
  return rows;
}

function decode(bytes: Uint8Array, file: string, issues: Issue[]): string | undefined {
  const decoded = decodeUtf8(bytes);
  if ("text" in decoded) return decoded.text;
  issues.push({file, line: decoded.line, expected: `UTF-8-tekst (dit bestand is ${decoded.problem}); ${SAVE_AS}`});
  return undefined;
}

/** Refuse a Dutch Excel export (';' separator, decimal comma) or a tab-separated file before parsing as commas. */
function checkDialect(text: string, file: string, issues: Issue[]): boolean {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const commas = first.split(",").length - 1;
  for (const [sep, name] of [[";", "';' als scheidingsteken (Nederlandse Excel-export, met decimale komma's)"], ["\t", "tabs als scheidingsteken"]] as const) {
    if (first.split(sep).length - 1 > commas) {
      issues.push({file, line: 1, value: first, expected: `komma's tussen de kolommen; dit bestand gebruikt ${name} en wordt niet gelezen om getallen als "1,5" niet verkeerd te lezen: ${SAVE_AS}`});
      return false;
    }
  }
  return true;
}

function checkHeader(raw: readonly string[], file: string, columns: readonly string[], issues: Issue[]): boolean {
  const before = issues.length;
  const header = raw.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((h) => {
    if (seen.has(h)) issues.push({file, line: 1, column: h, value: h, expected: "elke kolomnaam één keer (dubbele kolom)"});
    seen.add(h);
    if (!columns.includes(h)) {
      const near = columns.find((c) => c === nearName(h));
      const hint = h === "" ? "een kolomnaam (lege kolomkop; verwijder de lege kolom)"
        : near ? `"${near}" (let op hoofdletters, spaties en streepjes)` : `alleen de kolommen ${columns.join(", ")} (onbekende kolom)`;
      issues.push({file, line: 1, column: h, value: h, expected: hint});
    }
  });
  for (const c of columns)
    if (!seen.has(c) && !header.some((h) => nearName(h) === c)) issues.push({file, line: 1, column: c, expected: `een kolom "${c}" in de kopregel (ontbreekt); kolommen: ${columns.join(",")}`});
  return issues.length === before;
}

/** A header name as it was probably meant: lower case, spaces and dashes as underscores. */
const nearName = (h: string): string => h.toLowerCase().replace(/[\s-]+/g, "_");

function fieldCountIssue(file: string, line: number, header: readonly string[], cells: readonly string[]): Issue {
  if (cells.length > header.length) {
    // Which cell shifted is unknowable; name a likely decimal comma ("0,8" read as 0 | 8) without claiming it.
    const i = cells.findIndex((c, k) => k < cells.length - 1 && /^-?\d+$/.test(c) && /^\d+$/.test(cells[k + 1]!));
    const hint = i >= 0 && i < header.length ? ` (mogelijk "${cells[i]},${cells[i + 1]}" in kolom "${header[i]}"?)` : "";
    return {file, line, column: `(hele rij: ${cells.length} waarden)`, value: cells.join(","),
      expected: `${header.length} waarden zoals de kopregel; de rij heeft er ${cells.length}. Oorzaak: een extra waarde, een decimale komma${hint} (gebruik een punt: 1.5) of een komma in tekst zonder aanhalingstekens`};
  }
  return {file, line, column: header[cells.length], value: cells.join(","),
    expected: `${header.length} waarden zoals de kopregel, maar de rij heeft er ${cells.length}: kolom "${header[cells.length]}" en verder ontbreken`};
}
