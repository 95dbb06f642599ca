// Colours for every chart: Okabe-Ito, distinguishable with the common forms of colour blindness and in greyscale
// print when combined with the dash patterns the charts use for targets and limits. (Okabe-Ito yellow is left out:
// it cannot be seen on white; its black, softened, takes the last place.)

/** Okabe-Ito colours by role. */
export const palette = {
  /** The simulated outcome (bands and median). */
  outcome: "#0072b2",
  /** A second scenario next to the first. */
  second: "#e69f00",
  /** Further scenarios. */
  third: "#009e73",
  fourth: "#cc79a7",
  /** The agreed target (ingroeipad). */
  target: "#d55e00",
  /** The agreed range of 7-18% of vacancies. */
  range: "#009e73",
  /** A difference between scenarios. */
  difference: "#cc79a7",
  /** Muted reference lines. */
  muted: "#777777"
} as const;

/** Colours for scenarios shown side by side, in order. */
export const scenarioColors: readonly string[] = [
  palette.outcome,
  palette.second,
  palette.third,
  palette.fourth,
  "#56b4e9",
  "#333333"
];

/**
 * The colour of the i-th scenario on a page (cycling when there are more scenarios than colours).
 *
 * @example
 * scenarioColor(0); // "#0072b2"
 */
export function scenarioColor(index: number): string {
  return scenarioColors[index % scenarioColors.length]!;
}
