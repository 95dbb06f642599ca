// A small cache that keeps the values of the most recently used keys: the draws' tables, kept by the content they
// are built from, so that inputs that differ elsewhere share them while memory stays bounded.

/**
 * The values of the `size` most recently used keys; `get` builds a value the first time its key is asked for.
 *
 * @example
 * const tables = new RecentlyUsed<TableSet>(8);
 * tables.get(JSON.stringify(means), () => TableSet.of(means.map(poissonSpec)));
 */
export class RecentlyUsed<V> {
  // A Map iterates in insertion order: a key used again is moved to the end, so the first key is the oldest.
  private readonly values = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string, build: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) value = build();
    else this.values.delete(key);
    this.values.set(key, value);
    for (const oldest of this.values.keys()) {
      if (this.values.size <= this.size) break;
      this.values.delete(oldest);
    }
    return value;
  }
}
