// The tables' cache: a value is built once per key while kept, and the least recently used key goes first.
import {describe, expect, it} from "vitest";
import {RecentlyUsed} from "../../simulations/model/recentlyUsed.ts";

describe("RecentlyUsed", () => {
  it("builds a value once while its key is kept, and drops the least recently used key beyond its size", () => {
    const built: string[] = [];
    const cache = new RecentlyUsed<string>(2);
    const get = (key: string) => cache.get(key, () => (built.push(key), key.toUpperCase()));
    expect(get("a")).toBe("A");
    expect(get("b")).toBe("B");
    expect(get("a")).toBe("A"); // used again: now the most recent
    expect(get("c")).toBe("C"); // drops b, the least recently used
    expect(get("a")).toBe("A");
    expect(get("b")).toBe("B"); // built again
    expect(built).toEqual(["a", "b", "c", "b"]);
  });
});
