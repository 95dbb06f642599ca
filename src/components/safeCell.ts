// Spreadsheet-safe text cells (OWASP "CSV injection"): a text that starts with =, +, -, @, a tab or a carriage
// return is read by Excel as a formula; a leading single quote makes it text. Numbers are never touched (a
// negative number stays a number). One rule for every CSV meant for a spreadsheet: the engine's toCsv
// (simulations/summary/csv.ts) and the pages' downloads (download.ts). It lives here because pages cannot import
// files outside src/, while the engine can import this one. Browser-safe, no imports.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet must show it: prefixed with `'` when it would otherwise start a formula.
 *
 * @example
 * safeText("=1+1"); // "'=1+1"
 * safeText("-3"); // "'-3" (a text; pass numbers as numbers)
 * safeText("agreed"); // "agreed"
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
