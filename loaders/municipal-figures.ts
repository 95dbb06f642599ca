// data/municipal-figures.csv (long format): one figure per municipality and indicator, each with its own year and
// provenance, so replacing an estimate is editing one row.
import {z} from "zod";
import {dutchNumber, type Issue} from "./errors.ts";
import {count, estimateNeedsNote, municipalityCode, provenance, year} from "./fields.ts";
import {FIGURE_MAX} from "./bounds.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const FIGURES_FILE = "municipal-figures.csv";
export const FIGURE_COLUMNS = ["municipality", "indicator", "year", "value", "status", "source", "note"] as const;

/** The indicators each municipality has, in the CSV's words; `Municipality` in types.ts names them in camelCase. */
export const INDICATORS = ["inhabitants", "households", "dwellings", "social_stock"] as const;
export type Indicator = (typeof INDICATORS)[number];

const figureRow = z
  .object({
    municipality: municipalityCode,
    indicator: z.enum(INDICATORS, {error: `een van ${INDICATORS.join(", ")}`}),
    year,
    value: count,
    ...provenance
  })
  .superRefine(estimateNeedsNote)
  .superRefine((row, ctx) => {
    const max = FIGURE_MAX[row.indicator];
    if (row.value > max) ctx.addIssue({code: "custom", path: ["value"], message: `voor ${row.indicator} een geheel getal van 0 tot en met ${dutchNumber(max)} per gemeente (getal te groot)`});
  });
export type FigureRow = z.output<typeof figureRow>;

/**
 * Read data/municipal-figures.csv: one row per municipality and indicator. Problems go to `issues`.
 *
 * @example
 * readFigures("data/municipal-figures.csv", "data/municipal-figures.csv", []).length; // 36
 */
export function readFigures(path: string, file: string, issues: Issue[]): Located<FigureRow>[] {
  const rows = readRows(path, file, figureRow, FIGURE_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => `${r.municipality}|${r.indicator}`, "indicator",
    (r) => `gemeente en indicator (${r.municipality}, ${r.indicator}; één jaar per indicator)`, issues);
}
