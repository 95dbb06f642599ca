// Placement is bounded by the vacancies, and by a policy cap on the share of them that goes to urgent seekers.

/**
 * How many urgent seekers a municipality can house in a year: all its vacancies, or floor(cap × vacancies) with
 * a cap. A tolerance of 1e-9 keeps floating-point error from costing a home (0.57 × 100 is 56.99999999999999).
 *
 * @example
 * capacity(100, null); // 100
 * capacity(100, 0.18); // 18
 * capacity(99, 0.18); // 17
 */
export function capacity(vacancies: number, cap: number | null): number {
  return cap === null ? vacancies : Math.floor(cap * vacancies + 1e-9);
}
