// One download component for every table and every chart's summary: CSV and Excel (.xlsx), made in the browser.
import {csvFormatRows} from "d3-dsv";
import writeXlsxFile from "write-excel-file/browser";
import type {SheetData} from "write-excel-file/browser";

/** A cell of a downloadable table. Numbers stay numbers in Excel. */
export type DownloadCell = string | number | null;

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
  const rows = table.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
  return csvFormatRows([[...table.header], ...rows]) + "\n";
}

/**
 * The Excel workbook of a table as a Blob: a bold header row, numbers as numbers.
 *
 * @example
 * const blob = await tableToXlsx({name: "x", header: ["jaar"], rows: [[2025]]});
 */
export function tableToXlsx(table: DownloadTable): Promise<Blob> {
  const data: SheetData = [
    table.header.map((value) => ({value, fontWeight: "bold" as const})),
    ...table.rows.map((row) =>
      row.map((cell) => (cell === null ? null : typeof cell === "number" ? {value: cell, type: Number} : {value: cell}))
    )
  ];
  const sheet = (table.sheet ?? table.name).replace(/[\\/?*[\]:]/g, " ").slice(0, 31);
  return writeXlsxFile(data, {sheet, stickyRowsCount: 1}).toBlob();
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
  csv.title = "Download als CSV (komma-gescheiden, punt als decimaalteken)";
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
  root.append(caption, csv, xlsx);
  return root;
}
