// Plausible ranges of the numbers in data/ (documented in data/README.md, "Ranges"). A value outside is refused
// with file, line and column: a typing error (an extra zero, a code in a number column) must not reach the engine,
// and the bounds keep every count far from the Int32 limit and a simulation's memory bounded.

/** Any count in any file: far below 2^31 − 1, the largest count the engine's arrays hold. */
export const MAX_COUNT = 10_000_000;

/** Per municipality: the largest Dutch municipality (Amsterdam) has about 930.000 inhabitants. */
export const FIGURE_MAX = {
  inhabitants: 2_000_000,
  households: 1_000_000,
  dwellings: 1_000_000,
  social_stock: 500_000
} as const;

/** Social-rental lettings per municipality and year (Amersfoort: about 1.300; the largest cities: under 10.000). */
export const MAX_VACANCIES = 10_000;

/** Placements per group, municipality of origin, year and variant (the region's total need: about 227 a year). */
export const MAX_PROGNOSIS = 500;

/** A realised monitoring figure per municipality, metric and year (placements, lettings, inflow or backlog). */
export const MAX_MONITORING_VALUE = 100_000;

/** Largest data file read (the largest dataset, prognosis.csv, is about 150 kB): a wrong or runaway file is refused
 * at once instead of being parsed for minutes. */
export const MAX_FILE_BYTES = 10_000_000;
