/**
 * Freeze an object graph in place so that no consumer can change the datasets another consumer reads.
 *
 * @example
 * const d = deepFreeze({a: [1, 2]});
 * Object.isFrozen(d.a); // true
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
