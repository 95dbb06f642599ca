// The agreement's facts in one place: the period it covers, the agreed shares of vacancies, the region's name in
// tables, the defaults of a run and the columns of the summary table. Engine, command lines, loaders and pages
// import them from here; nothing repeats them. Who the members are is data (data/municipalities.csv), not code.

/** The agreement runs from FIRST_YEAR to LAST_YEAR, inclusive. */
export const FIRST_YEAR = 2025;
export const LAST_YEAR = 2030;

/**
 * CBS code of the municipality whose ramp count the agreement fixes separately: what the older `amersfoort` field of
 * a ramp period means, and whose offer the negotiation page and `npm run solve` keep by default. New
 * scenarios name it in `fixed`.
 */
export const LEAD_MUNICIPALITY = "GM0307";

/** The name of the region that made the agreement, as the pages write it in a sentence. */
export const REGION_NAME = "Regio Amersfoort";

/** Name of the region's total in results and tables (the `municipality` column). */
export const REGION = "regio";
/** The region's total as the pages show it. */
export const REGION_LABEL = "Regio (totaal)";

/** The agreed share of a year's social-rental lettings that goes to urgent seekers, over the whole region (9,5%). */
export const REGIONAL_SHARE = 0.095;
/** The agreed range of that share per municipality (7-18%). */
export const SHARE_BAND: readonly [low: number, high: number] = [0.07, 0.18];
/** The share of vacancies above which a municipality counts as over-asked when a scenario sets no cap. */
export const DEFAULT_CAP_SHARE = SHARE_BAND[1];

/** Monte Carlo runs and seed of a run that names neither. */
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

/** Columns of the tidy summary table that `npm run simulate` writes and the pages download. */
export const SUMMARY_COLUMNS = ["scenario", "year", "municipality", "metric", "mean", "p5", "p25", "p50", "p75", "p95"] as const;

/**
 * Whether a share of vacancies lies within the agreed band (inclusive).
 *
 * @example
 * withinBand(0.095); // true
 * withinBand(0.2); // false
 */
export function withinBand(share: number, band: readonly [number, number] = SHARE_BAND): boolean {
  return share >= band[0] && share <= band[1];
}
