// Dutch number formats (nl-NL): decimal comma, thousands point, "9,5%". One place, so every page agrees.

const integer = new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const percentFormats = new Map<number, Intl.NumberFormat>();

/**
 * A count in Dutch notation, rounded to whole numbers unless `digits` says otherwise.
 *
 * @example
 * formatNumber(2390.4); // "2.390"
 * formatNumber(12.25, 1); // "12,3"
 * formatNumber(-3); // "−3"
 */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  const text =
    digits === 0
      ? integer.format(value)
      : digits === 1
        ? oneDecimal.format(value)
        : new Intl.NumberFormat("nl-NL", {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(value);
  // A real minus sign (U+2212), as in formatSigned and the axes: "−3", never the hyphen "-3".
  return minus(text);
}

/** Swaps the hyphen Intl puts before negative numbers for a real minus sign; a rounded "-0" reads "0". */
function minus(text: string): string {
  const signed = text.replace("-", "−");
  return /^−0([,%]0*)?%?$/.test(signed) ? signed.slice(1) : signed;
}

/**
 * A share (0.095) as a Dutch percentage ("9,5%").
 *
 * @example
 * formatPercent(0.095); // "9,5%"
 * formatPercent(0.18, 0); // "18%"
 */
export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "–";
  let format = percentFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("nl-NL", {
      style: "percent",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    });
    percentFormats.set(digits, format);
  }
  return minus(format.format(value));
}

/**
 * A signed count, for differences: "+12", "−3" (with a real minus sign), "0".
 *
 * @example
 * formatSigned(12); // "+12"
 * formatSigned(-3.4); // "−3"
 */
export function formatSigned(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  const text = formatNumber(Math.abs(value), digits);
  if (text === formatNumber(0, digits)) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/**
 * A probability as a percentage with a floor and ceiling, so 0.0004 reads "< 1%" rather than a false "0%".
 *
 * @example
 * formatProbability(0.2345); // "23%"
 * formatProbability(0.0004); // "< 1%"
 * formatProbability(1); // "100%"
 */
export function formatProbability(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value === 0) return "0%";
  if (value === 1) return "100%";
  if (value < 0.01) return "< 1%";
  if (value > 0.99) return "> 99%";
  return formatPercent(value, 0);
}

/**
 * A duration for people: milliseconds below one second, otherwise seconds with a Dutch decimal.
 *
 * @example
 * formatDuration(7546); // "7,5 s"
 * formatDuration(850); // "850 ms"
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms < 1000 ? `${formatNumber(ms)} ms` : `${formatNumber(ms / 1000, 1)} s`;
}

/**
 * Names in a Dutch sentence: "Baarn", "Baarn en Soest", "Baarn, Eemnes en Soest" ("" for none).
 *
 * @example
 * formatList(["Baarn", "Eemnes", "Soest"]); // "Baarn, Eemnes en Soest"
 */
export function formatList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names.at(-1)}`;
}

/** Plot tick formats in Dutch notation. */
export const tickFormat = {
  /** Whole numbers: 2.390 */
  count: (d: number): string => formatNumber(d),
  /** Percentages without decimals: 18% */
  percent: (d: number): string => formatPercent(d, 0),
  /** Years without a thousands point: 2025 */
  year: (d: number): string => String(d)
} as const;
