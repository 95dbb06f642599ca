// data/public-figures.csv: every published figure the project found (inhabitants, stock, lettings, new build,
// statushouders, reservations), with publisher and address, so estimates can be checked against them.
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {estimateNeedsNote, identifier, provenance, text, year} from "./fields.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const PUBLIC_FIGURES_FILE = "public-figures.csv";
export const PUBLIC_FIGURE_COLUMNS = ["id", "area", "indicator", "year", "value", "unit", "status", "source", "note"] as const;

const area = z.string().regex(/^(GM\d{4}|regio|NL)$/, "een CBS-gemeentecode zoals GM0307, of regio, of NL");
const decimal = z.string().transform((s, ctx) => {
  if (!/^\d+(\.\d+)?$/.test(s)) {
    ctx.addIssue({code: "custom", message: "een getal van 0 of meer met een punt als decimaalteken, zoals 0.07 of 320"});
    return z.NEVER;
  }
  return Number(s);
});
const figureRow = z
  .object({id: identifier, area, indicator: identifier, year, value: decimal, unit: text, ...provenance})
  .superRefine(estimateNeedsNote);
export type PublicFigureRow = z.output<typeof figureRow>;

/**
 * Read data/public-figures.csv: one row per figure, ids unique. Problems go to `issues`.
 *
 * @example
 * readPublicFigures("data/public-figures.csv", "data/public-figures.csv", []).map((r) => r.row.id);
 */
export function readPublicFigures(path: string, file: string, issues: Issue[]): Located<PublicFigureRow>[] {
  const rows = readRows(path, file, figureRow, PUBLIC_FIGURE_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => r.id, "id", () => "cijfer (id)", issues);
}
