// The burden measures (lastmaten): placements relative to what a municipality has to house them with. Three
// denominators, one per obvious key of the agreement's principle 6: inhabitants, social-rental homes, lettings.
import type {KeyBasis} from "../model/key.ts";

/** The burden measures, by the denominator they divide placements by. */
export const MEASURES = ["inhabitants", "socialStock", "lettings"] as const;
export type Measure = (typeof MEASURES)[number];

/** Per how many units of the denominator a measure counts: per 1,000 inhabitants, per 100 homes, per 100 lettings. */
export const MEASURE_SCALE: Readonly<Record<Measure, number>> = {inhabitants: 1000, socialStock: 100, lettings: 100};

/** Dutch labels for tables and pages. */
export const MEASURE_LABEL: Readonly<Record<Measure, string>> = {
  inhabitants: "plaatsingen per 1.000 inwoners",
  socialStock: "plaatsingen per 100 sociale huurwoningen",
  lettings: "plaatsingen per 100 verhuringen"
};

/**
 * Whether a measure's denominator is a stock (the same every year: inhabitants, social-rental homes) or a flow
 * (lettings, drawn per run and year). Over several years a stock measure adds up the placements and divides by
 * the stock once; a flow measure divides the placements' sum by the lettings' sum (the period's average share).
 */
export function isStockMeasure(measure: Measure): measure is "inhabitants" | "socialStock" {
  return measure !== "lettings";
}

/**
 * The burden of `placed` placements on a denominator, in the measure's unit; 0 when the denominator is 0 (a year
 * without lettings: nothing could be placed, so nothing was asked; the summaries' share convention).
 *
 * @example
 * burden(17, 98, "lettings"); // 17.35 (per 100 lettings)
 * burden(108, 160800, "inhabitants"); // 0.67 (per 1,000 inhabitants)
 */
export function burden(placed: number, denominator: number, measure: Measure): number {
  return denominator > 0 ? (placed * MEASURE_SCALE[measure]) / denominator : 0;
}

/** The fixed denominators of the stock measures, per municipality in the inputs' order. */
export interface MeasureBasis {
  readonly inhabitants: readonly number[];
  readonly socialStock: readonly number[];
}

/**
 * The stock denominators from the engine's key basis (`ModelInputs.basis`), with the region's total appended so
 * they line up with a result's columns (municipalities, then the region).
 *
 * @example
 * measureBasis(inputs.basis).inhabitants.length; // 9: eight municipalities and the region
 */
export function measureBasis(basis: Pick<KeyBasis, "inhabitants" | "socialStock">): MeasureBasis {
  const withTotal = (values: readonly number[]) => [...values, values.reduce((a, b) => a + b, 0)];
  return {inhabitants: withTotal(basis.inhabitants), socialStock: withTotal(basis.socialStock)};
}
