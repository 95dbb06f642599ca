// The columns of a monitoring file (data/monitoring/<year>.csv) and the zod schema of one row, built from the
// shared cell schemas in fields.ts. Cross-row rules (corrections, totals) live in monitoring-trail.ts.
import {z} from "zod";
import {MAX_MONITORING_VALUE} from "./bounds.ts";
import {countUpTo, identifier, municipalityCode, optionalText, text, year} from "./fields.ts";

/**
 * What a row counts. Municipality means: where the home is (vacancies, placements) or the origin (inflow, backlog,
 * returners). `returners`: urgent seekers of that origin housed back in it in the year (instroom = uitstroom).
 */
export const METRICS = ["placements", "vacancies", "inflow", "backlog", "returners"] as const;
export type Metric = (typeof METRICS)[number];

/** Metrics that may be split by urgent group; the others are always `all`. */
export const GROUPED_METRICS: readonly Metric[] = ["placements", "inflow", "returners"];

/** The group value for a total over all groups. */
export const ALL_GROUPS = "all";

/**
 * How sure a realised figure is: `final` (definitief, checked), `provisional` (voorlopig, may still be corrected),
 * `estimate` (geschat, e.g. extrapolated from part of the year), `example` (fictitious demonstration data).
 */
export const MONITORING_STATUSES = ["final", "provisional", "estimate", "example"] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** The header of a monitoring file. */
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

/** One row as read (all cells are strings), validated field by field. */
export const monitoringRowSchema = z.object({
  year,
  municipality: municipalityCode,
  metric: z.enum(METRICS, {error: `een van ${METRICS.join(", ")}`}),
  group: identifier,
  value: countUpTo(MAX_MONITORING_VALUE),
  status: z.enum(MONITORING_STATUSES, {error: `een van ${MONITORING_STATUSES.join(", ")}`}),
  source: text,
  recorded_on: z.iso.date({error: "een datum als JJJJ-MM-DD, zoals 2026-02-16"}),
  reason: optionalText,
  note: optionalText
});
export type MonitoringRow = z.output<typeof monitoringRowSchema>;
