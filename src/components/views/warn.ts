// One rule for warning colours on every page: a cell is marked (class "fs-warn", one colour in style.css) when a
// probability passes its threshold or a share leaves the agreed band. Pages never pick their own colour or limit.
import {formatPercent} from "../format.js";

/** A municipality is marked when more than this share of runs give it more than the cap share. */
export const WARN_OVER_CAP = 0.1;
/** A municipality is marked when more than this share of runs miss its target. */
export const WARN_MISS_TARGET = 0.5;

/**
 * The warning class, or nothing.
 *
 * @example
 * warnClass(0.2 > WARN_OVER_CAP); // "fs-warn"
 */
export function warnClass(warn: boolean): string | undefined {
  return warn ? "fs-warn" : undefined;
}

/**
 * Whether a probability passes a threshold as the tables show it, in whole percents: a cell that reads "50%" is
 * never marked for "more than 50%", whatever digits lie behind it (one was, and the next one, also "50%", was not).
 *
 * @example
 * passes(0.504, WARN_MISS_TARGET); // false: shown as 50%
 * passes(0.506, WARN_MISS_TARGET); // true: shown as 51%
 */
export function passes(probability: number, threshold: number): boolean {
  return Math.round(probability * 100) > Math.round(threshold * 100);
}

/**
 * Whether a share lies outside the agreed band (the engine's SHARE_BAND).
 *
 * @example
 * outsideBand(0.2, [0.07, 0.18]); // true
 */
export function outsideBand(share: number, band: readonly [number, number]): boolean {
  return share < band[0] || share > band[1];
}

/**
 * The sentence under a table that explains its warning colour.
 *
 * @example
 * warnRule(); // "Oranjerood: meer dan 10% kans boven het plafond, meer dan 50% kans het doel niet te halen, of een aandeel buiten de afgesproken bandbreedte."
 */
export function warnRule(): string {
  return `Oranjerood: meer dan ${formatPercent(WARN_OVER_CAP, 0)} kans boven het plafond, meer dan ${formatPercent(WARN_MISS_TARGET, 0)} kans het doel niet te halen, of een aandeel buiten de afgesproken bandbreedte.`;
}
