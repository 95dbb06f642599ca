// The columns of a monitoring file (data/monitoring/<year>.csv) and the zod schema of one row.
// One row is one realised figure; see data/monitoring/README.md for what each column means.
import {z} from "zod";

/** What a row counts. Municipality means: where the home is (vacancies, placements) or the origin (inflow, backlog). */
export const METRICS = ["placements", "vacancies", "inflow", "backlog"] as const;
export type Metric = (typeof METRICS)[number];

/** Metrics that may be split by urgent group; the others are always `all`. */
export const GROUPED_METRICS: readonly Metric[] = ["placements", "inflow"];

/** The group value for a total over all groups. */
export const ALL_GROUPS = "all";

/**
 * How sure a realised figure is: `final` (definitief, checked), `provisional` (voorlopig, may still be corrected),
 * `estimate` (geschat, e.g. extrapolated from part of the year), `example` (fictitious demonstration data).
 */
export const MONITORING_STATUSES = ["final", "provisional", "estimate", "example"] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** The header of a monitoring file, in this order. */
export const MONITORING_COLUMNS = [
  "year",
  "municipality",
  "metric",
  "group",
  "value",
  "status",
  "source",
  "recorded_on",
  "reason",
  "note"
] as const;
export type MonitoringColumn = (typeof MONITORING_COLUMNS)[number];

const integer = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, {message: what})
    .transform(Number)
    .pipe(z.number().int().min(min, {message: what}).max(max, {message: what}));

/** One row as read (all cells are strings), validated field by field; cross-row rules live in monitoring-trail.ts. */
export const monitoringRowSchema = z.object({
  year: integer("a year from 2000 to 2100 (e.g. 2025)", 2000, 2100),
  municipality: z.string().regex(/^GM\d{4}$/, {message: "a CBS municipality code like GM0307"}),
  metric: z.enum(METRICS, {message: `one of ${METRICS.join(", ")}`}),
  group: z.string().regex(/^[a-z][a-z0-9_-]*$/, {message: `"${ALL_GROUPS}" or an urgent-group id (lowercase)`}),
  value: integer("a non-negative whole number (no decimals, no thousands separator)", 0, Number.MAX_SAFE_INTEGER),
  status: z.enum(MONITORING_STATUSES, {message: `one of ${MONITORING_STATUSES.join(", ")}`}),
  source: z.string().trim().min(1, {message: "a non-empty source (who reported the figure)"}),
  recorded_on: z.iso.date({message: "a date as YYYY-MM-DD"}),
  reason: z.string().trim(),
  note: z.string().trim()
});
export type MonitoringRow = z.output<typeof monitoringRowSchema>;
