// One download component for every table and every chart's summary: CSV and Excel (.xlsx), made in the browser.
import {csvFormatRows} from "d3-dsv";
// write-excel-file (and fflate under it) load on the first Excel download, not with every page.
import type {SheetData} from "write-excel-file/browser";
import {safeText} from "./safeCell.js";

/** A cell of a downloadable table. Numbers stay numbers in Excel. */
export type DownloadCell = string | number | null;

/** How a number column is meant: a count, a number with a decimal, a share (0.095 = 9,5%), a probability, a signed difference. */
export type NumberFormat = "count" | "decimal" | "percent" | "probability" | "signed";

/** Excel number formats per column format (Excel shows them with the reader's own separators: 9,5% in Dutch Excel). */
const EXCEL_FORMATS: Readonly<Record<NumberFormat, string>> = {
  count: "#,##0",
  decimal: "#,##0.0",
  percent: "0.0%",
  probability: "0%",
  signed: "+#,##0;-#,##0;0"
};

/** What a download holds: a header row and data rows, or the exact CSV text a producer (the engine) made. */
export interface DownloadTable {
  /** File name without extension; letters, digits, "-" and "_" (others become "-"). */
  readonly name: string;
  /** Sheet name in the Excel file (at most 31 characters, Excel's limit). */
  readonly sheet?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly DownloadCell[])[];
  /** Exact CSV text, used instead of formatting `rows` (so a page's CSV equals the command line's, byte for byte). */
  readonly csv?: string;
  /**
   * A table for people rather than programs: the CSV is written for Dutch Excel (";" between fields, decimal comma,
   * UTF-8 with a byte order mark, CRLF line ends). Without it the CSV is RFC 4180 with a decimal point.
   */
  readonly dutch?: boolean;
  /** Per column, how its numbers are meant (Excel number format; percentages in the Dutch CSV). */
  readonly formats?: readonly (NumberFormat | undefined)[];
}

/**
 * A safe file name: anything but letters, digits, "-" and "_" becomes "-".
 *
 * @example
 * fileName("Scenario's vergelijken"); // "Scenario-s-vergelijken"
 */
export function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "download";
}

/**
 * The CSV text of a table: RFC 4180 quoting, "." as decimal separator (machine-readable), "\n" line ends.
 *
 * @example
 * tableToCsv({name: "x", header: ["a", "b"], rows: [[1, "x,y"]]}); // "a,b\n1,\"x,y\"\n"
 */
export function tableToCsv(table: DownloadTable): string {
  if (table.csv !== undefined) return table.csv;
  if (table.dutch) return dutchCsv(table);
  // Text cells spreadsheet-safe (a leading ' before =, +, -, @, tab, CR); numbers as they are.
  const rows = table.rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "number" ? String(cell) : safeText(cell))));
  return csvFormatRows([table.header.map(safeText), ...rows]) + "\n";
}

/** Rounds away floating-point noise (0.1 + 0.2) without losing a real digit. */
const clean = (value: number): number => Number(value.toPrecision(12));

/**
 * The CSV a Dutch Excel opens with a double click: ";" between fields, a decimal comma, no thousands separator,
 * shares as percentages ("9,5%"), a UTF-8 byte order mark (so "ë" and "−" survive) and CRLF line ends.
 *
 * @example
 * dutchCsv({name: "x", header: ["gemeente", "aandeel"], rows: [["Baarn", 0.095]], formats: [undefined, "percent"]});
 * // "\uFEFFgemeente;aandeel\r\nBaarn;9,5%\r\n"
 */
export function dutchCsv(table: DownloadTable): string {
  const field = (raw: string): string => {
    const text = safeText(raw);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const number = (value: number, format: NumberFormat | undefined): string => {
    const percent = format === "percent" || format === "probability";
    // Percentages to one decimal, as on screen ("8,1%", not "8,14479638009%").
    const text = String(percent ? Math.round(value * 1000) / 10 : clean(value)).replace(".", ",");
    return percent ? `${text}%` : text;
  };
  const lines = [
    table.header.map(field).join(";"),
    ...table.rows.map((row) =>
      row.map((cell, i) => (cell === null ? "" : typeof cell === "number" ? number(cell, table.formats?.[i]) : field(cell))).join(";")
    )
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The Excel workbook of a table as a Blob: a bold header row, numbers as numbers.
 *
 * @example
 * const blob = await tableToXlsx({name: "x", header: ["jaar"], rows: [[2025]]});
 */
export async function tableToXlsx(table: DownloadTable): Promise<Blob> {
  const {default: writeXlsxFile} = await import("write-excel-file/browser");
  const data: SheetData = [
    table.header.map((value) => ({value, fontWeight: "bold" as const})),
    ...table.rows.map((row) =>
      row.map((cell, i) => {
        if (cell === null) return null;
        if (typeof cell !== "number") return {value: cell};
        const format = table.formats?.[i];
        return format ? {value: cell, type: Number, format: EXCEL_FORMATS[format]} : {value: cell, type: Number};
      })
    )
  ];
  const sheet = (table.sheet ?? table.name).replace(/[\\/?*[\]:]/g, " ").slice(0, 31);
  // Columns as wide as their header (at least 10 characters), so Dutch headers are readable without dragging.
  const columns = table.header.map((h) => ({width: Math.min(40, Math.max(10, h.length + 2))}));
  return writeXlsxFile(data, {sheet, stickyRowsCount: 1, columns}).toBlob();
}

/** Saves a Blob under a file name through a temporary link (works offline, no server round trip). */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Two buttons, "CSV" and "Excel", that download `table`. `table` may be a function, so the buttons always save the
 * numbers currently shown.
 *
 * @example
 * display(downloadButtons({name: "overzicht", header: ["jaar", "p50"], rows: [[2025, 227]]}));
 */
export function downloadButtons(table: DownloadTable | (() => DownloadTable), label = "Download"): HTMLElement {
  const get = typeof table === "function" ? table : () => table;
  const root = document.createElement("div");
  root.className = "fs-downloads";
  const caption = document.createElement("span");
  caption.className = "fs-downloads-label";
  caption.textContent = `${label}:`;
  const csv = document.createElement("button");
  csv.type = "button";
  csv.textContent = "CSV";
  csv.dataset.download = "csv";
  const human = (() => {
    try {
      return get().dutch === true;
    } catch {
      return false;
    }
  })();
  csv.title = human
    ? "Download als CSV voor Nederlandse Excel (puntkomma-gescheiden, komma als decimaalteken)"
    : "Download als CSV (komma-gescheiden, punt als decimaalteken: dezelfde tabel als de opdrachtregel)";
  csv.addEventListener("click", () => {
    const t = get();
    save(new Blob([tableToCsv(t)], {type: "text/csv;charset=utf-8"}), `${fileName(t.name)}.csv`);
  });
  const xlsx = document.createElement("button");
  xlsx.type = "button";
  xlsx.textContent = "Excel";
  xlsx.dataset.download = "xlsx";
  xlsx.title = "Download als Excel-bestand (.xlsx)";
  xlsx.addEventListener("click", async () => {
    const t = get();
    xlsx.disabled = true;
    try {
      save(await tableToXlsx(t), `${fileName(t.name)}.xlsx`);
    } finally {
      xlsx.disabled = false;
    }
  });
  // Excel first: most readers open the numbers in Dutch Excel.
  root.append(caption, xlsx, csv);
  return root;
}
