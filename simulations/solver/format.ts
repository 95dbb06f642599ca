// Dutch number formats for the solver's messages and reports (no Intl dependency on the locale data of the
// runtime: the same text in node and every browser).

/**
 * An integer with a point per thousand, as Dutch writes it.
 *
 * @example
 * formatCount(2390); // "2.390"
 */
export function formatCount(n: number): string {
  const sign = n < 0 ? "−" : "";
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * A number with a decimal comma and `decimals` decimals.
 *
 * @example
 * formatDecimal(9.5, 1); // "9,5"
 */
export function formatDecimal(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : x < 0 ? "−∞" : "–";
  const fixed = Math.abs(x).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const body = formatCount(Number(int)).replace("−", "") + (frac ? `,${frac}` : "");
  return (x < 0 && Number(fixed) !== 0 ? "−" : "") + body;
}

/**
 * A fraction as a Dutch percentage.
 *
 * @example
 * formatPercent(0.095); // "9,5%"
 */
export function formatPercent(x: number, decimals = 1): string {
  return `${formatDecimal(x * 100, decimals)}%`;
}
