// Tables in Dutch notation whose download holds the same rows with raw numbers.
import {downloadButtons, type DownloadCell, type DownloadTable, type NumberFormat} from "./download.js";
import {formatNumber, formatPercent, formatProbability, formatSigned} from "./format.js";

/** How a column's values are shown on screen; downloads always hold the raw value. */
export type ColumnFormat = "text" | "count" | "decimal" | "percent" | "probability" | "signed";

export interface TableColumn<T> {
  /** Column header on screen (Dutch). */
  readonly header: string;
  /** A machine name of the column (kept for reference; downloads use the Dutch `header`). */
  readonly key?: string;
  readonly value: (row: T) => string | number | null;
  readonly format?: ColumnFormat;
  /** Extra class for the cells, e.g. "fs-warn" when a value needs attention. */
  readonly className?: (row: T) => string | undefined;
}

export interface TableSpec<T> {
  /** File name of the downloads. */
  readonly name: string;
  readonly columns: readonly TableColumn<T>[];
  readonly rows: readonly T[];
  /** Exact CSV text for the download (e.g. the engine's own CSV); default: formatted from the columns. */
  readonly csv?: string;
  /** Rows to emphasise (e.g. the region's total). */
  readonly emphasise?: (row: T) => boolean;
  readonly caption?: string;
  /**
   * Adds a `status` column to the downloads ("schatting" or "gepubliceerd"), per table or per row, where the table
   * rests on estimates. On screen the figure's badge says it already.
   */
  readonly status?: "schatting" | "gepubliceerd" | ((row: T) => "schatting" | "gepubliceerd");
}

/**
 * The text of a value in a given format.
 *
 * @example
 * formatCell(0.095, "percent"); // "9,5%"
 * formatCell(2390, "count"); // "2.390"
 */
export function formatCell(value: string | number | null, format: ColumnFormat = "text"): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  switch (format) {
    case "count":
      return formatNumber(value);
    case "decimal":
      return formatNumber(value, 1);
    case "percent":
      return formatPercent(value, 1);
    case "probability":
      return formatProbability(value);
    case "signed":
      return formatSigned(value);
    case "text":
      return String(value);
  }
}

/**
 * The download behind a table: the Dutch headers, raw values with their number formats (for Excel), a Dutch-Excel
 * CSV, and a status column where the table rests on estimates.
 *
 * @example
 * tableDownload({name: "t", columns: [{header: "jaar", value: (d) => d}], rows: [2025]});
 */
export function tableDownload<T>(spec: TableSpec<T>): DownloadTable {
  const status = spec.status;
  const statusOf = (row: T): DownloadCell => (status === undefined ? null : typeof status === "function" ? status(row) : status);
  const formats = spec.columns.map((c): NumberFormat | undefined => (c.format === undefined || c.format === "text" ? undefined : c.format));
  return {
    name: spec.name,
    header: [...spec.columns.map((c) => c.header), ...(status !== undefined ? ["status"] : [])],
    rows: spec.rows.map((row) => [...spec.columns.map((c): DownloadCell => c.value(row)), ...(status !== undefined ? [statusOf(row)] : [])]),
    formats: [...formats, ...(status !== undefined ? [undefined] : [])],
    dutch: spec.csv === undefined,
    ...(spec.csv !== undefined ? {csv: spec.csv} : {})
  };
}

let captionCount = 0;

/**
 * An HTML table in Dutch notation with CSV and Excel download buttons underneath.
 *
 * @example
 * display(dataTable({name: "doelen", columns: [{header: "gemeente", value: (d) => d.name}], rows}));
 */
export function dataTable<T>(spec: TableSpec<T>): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "fs-table-block";
  const scroller = document.createElement("div");
  scroller.className = "fs-table-wrap";
  const table = document.createElement("table");
  table.className = "fs-table";
  // The caption sits above the scrolling area (not inside the table), so it wraps to the page and never scrolls away.
  let caption: HTMLElement | undefined;
  if (spec.caption) {
    caption = document.createElement("p");
    caption.className = "fs-table-caption";
    caption.id = `fs-caption-${++captionCount}`;
    caption.textContent = spec.caption;
    table.setAttribute("aria-labelledby", caption.id);
  }
  const numeric = (c: TableColumn<T>): boolean => c.format !== undefined && c.format !== "text";
  const head = table.createTHead().insertRow();
  for (const column of spec.columns) {
    const th = document.createElement("th");
    th.textContent = column.header;
    if (numeric(column)) th.className = "num";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of spec.rows) {
    const tr = body.insertRow();
    if (spec.emphasise?.(row)) tr.className = "fs-total";
    for (const column of spec.columns) {
      const td = tr.insertCell();
      td.textContent = formatCell(column.value(row), column.format);
      const classes = [numeric(column) ? "num" : "", column.className?.(row) ?? ""].filter(Boolean);
      if (classes.length) td.className = classes.join(" ");
    }
  }
  scroller.append(table);
  // A table wider than the page scrolls sideways; the wrapper says so (shadows at the hidden edge, see style.css).
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", spec.caption ?? "tabel");
  if (caption) wrap.append(caption);
  wrap.append(scroller, downloadButtons(tableDownload(spec), "Download tabel"));
  return wrap;
}
